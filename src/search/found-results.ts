import type { SearchResult } from 'minisearch';
import type { Resource } from '../content/types.js';
import type { ScoredResource } from './search-types.js';

/** What a query has found in one document so far: MiniSearch's raw result, less `match`. */
export interface Found {
  score: number;
  /** The query terms that matched, each once. */
  terms: string[];
}

/** Where the words a search matched in a document are read back from, when asked. */
export interface MatchSource {
  /**
   * Each indexed word the search matched in the document, followed by the field it matched in,
   * in the order the search found them.
   */
  hitsOf(shortId: number): string[];
}

/**
 * A result as MiniSearch returns one. Which words matched in which fields (`match`, `terms`) is
 * read back from the index when first asked: only an explanation asks, and recording it at each
 * posting of the thousands of results of a common word was a large part of a search on a big
 * catalog.
 */
export class FoundResult implements SearchResult {
  [key: string]: unknown;
  // Private fields: a result compares and serialises as its id, score and terms alone.
  #matched: Record<string, string[]> | undefined;
  readonly #shortId: number;
  readonly #source: MatchSource;

  constructor(
    readonly id: unknown,
    readonly score: number,
    readonly queryTerms: string[],
    shortId: number,
    source: MatchSource,
  ) {
    this.#shortId = shortId;
    this.#source = source;
  }

  get match(): Record<string, string[]> {
    return (this.#matched ??= matchOf(this.#source.hitsOf(this.#shortId)));
  }

  get terms(): string[] {
    return Object.keys(this.match);
  }
}

/** Raw results by document short id, in the order MiniSearch would have found them. */
export type FoundIn = Map<number, Found>;

/** Results of the queries at one level, combined as MiniSearch combines them. */
export function combine(found: FoundIn[], combineWith = 'or'): FoundIn {
  if (found.length === 0) return new Map();
  const operator = combineWith.toLowerCase();
  if (operator === 'or') return found.reduce(either);
  if (operator === 'and') return found.reduce(both);
  if (operator === 'and_not') return found.reduce(firstWithout);
  throw new Error(`Invalid combination operator: ${combineWith}`);
}

function either(first: FoundIn, second: FoundIn): FoundIn {
  for (const [shortId, result] of second) {
    const existing = first.get(shortId);
    if (existing === undefined) {
      first.set(shortId, result);
      continue;
    }
    existing.score = existing.score + result.score;
    addUnique(existing.terms, result.terms);
  }
  return first;
}

function both(first: FoundIn, second: FoundIn): FoundIn {
  const combined: FoundIn = new Map();
  for (const [shortId, result] of second) {
    const existing = first.get(shortId);
    if (existing === undefined) continue;
    addUnique(existing.terms, result.terms);
    // MiniSearch makes a new result here; the one from `first` is never read again, so it is reused.
    existing.score = existing.score + result.score;
    combined.set(shortId, existing);
  }
  return combined;
}

function firstWithout(first: FoundIn, second: FoundIn): FoundIn {
  for (const shortId of second.keys()) first.delete(shortId);
  return first;
}

/**
 * The hits of one document in the queries at one level (undefined where a query did not find
 * it), combined as {@link combine} combines their results: in the queries' order, from those
 * whose results keep the document.
 */
export function combineHits(
  hits: (string[] | undefined)[],
  combineWith = 'or',
): string[] | undefined {
  const operator = combineWith.toLowerCase();
  const [first, ...rest] = hits;
  if (operator === 'and_not') return rest.every((other) => other === undefined) ? first : undefined;
  if (operator === 'and' && hits.some((list) => list === undefined)) return undefined;
  const found = hits.filter((list) => list !== undefined);
  return found.length > 0 ? found.flat() : undefined;
}

/**
 * Each matched word with the fields it matched in, in the order found. Where MiniSearch combines
 * two queries that matched the same word it keeps the fields of the second only; this keeps all.
 */
function matchOf(hits: string[]): Record<string, string[]> {
  const match: Record<string, string[]> = {};
  for (let at = 0; at < hits.length; at += 2) {
    const word = hits[at]!;
    const field = hits[at + 1]!;
    const fields = Object.hasOwn(match, word) ? match[word] : undefined;
    if (fields === undefined) match[word] = [field];
    else if (!fields.includes(field)) fields.push(field);
  }
  return match;
}

function addUnique(target: string[], terms: readonly string[]): void {
  for (const term of terms) if (!target.includes(term)) target.push(term);
}

/** A resource a search found; which words matched where is read from the search when asked. */
export class FoundResource implements ScoredResource {
  constructor(
    readonly resource: Resource,
    readonly score: number,
    private readonly found: SearchResult,
  ) {}

  get match(): Record<string, string[]> {
    return this.found.match;
  }
}
