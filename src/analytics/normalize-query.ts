import type { ParsedQuery } from '../query/parsed-query.js';

/**
 * A question reduced so that phrasings of it count together: lower case, chat filler
 * ("hi", "does anyone have") removed, words in the order typed. A question that is all filler
 * keeps its words.
 */
export function normalizeQuery(parsed: ParsedQuery): string {
  const filler = new Set(parsed.filler);
  const kept = parsed.words.filter((word) => !filler.has(word));
  return (kept.length > 0 ? kept : parsed.words).join(' ');
}
