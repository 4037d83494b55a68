import porter2 from 'wink-porter2-stemmer';
import { memoiseByWord } from './word-memo.js';

/** Words that carry no meaning for a search, dropped from queries and documents alike. */
export const STOP_WORDS = new Set(
  (
    'a about above after again all also am an and any are as at be been before being below between both but by ' +
    'can could did do does doing down during each few for from further get got had has have having he her here ' +
    'hers him his how i if in into is it its itself just let me more most my myself no nor not now of off on ' +
    'once only or other our ours out over own please same she should show so some such tell than that the their ' +
    'theirs them then there these they this those through to too under until up very want was we were what when ' +
    'where which while who whom why will with would you your yours need find looking look give any anything ' +
    'something thing things resource resources link links material materials stuff good great nice using use'
  ).split(' '),
);

/** Splits text into lower-case words (letters and digits), keeping accents folded. */
export function splitWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

// Large enough for the vocabulary of a big catalog, so indexing stems each distinct word once.
const STEM_CACHE_SIZE = 200_000;
const HAS_DIGIT = /[0-9]/;
// Porter2 strips one derivational suffix a pass (`containerize` → `container`, while
// `containers` → `contain`); a second pass brings such families to one root.
const porter2Twice = memoiseByWord((word) => porter2(porter2(word)), STEM_CACHE_SIZE);

/**
 * The form of a word that both the index and queries use, from the Porter2 (Snowball English)
 * stemmer: `deploying`, `deployments` and `deployed` all become `deploy`.
 */
export function stem(word: string): string {
  // A word with a digit is a number or a name (`ec2`, `k8s`), not English, and wink's Porter2
  // reads a 3 as its own marker for y (`1993` → `199i`): kept as written, and out of the cache.
  return HAS_DIGIT.test(word) ? word : porter2Twice(word);
}

/** Words with their stems, as {@link rememberStems} takes them back (for a saved index). */
export function stemsOf(words: Iterable<string>): [string, string][] {
  return [...new Set(words)]
    .filter((word) => !HAS_DIGIT.test(word))
    .map((word) => [word, stem(word)]);
}

/**
 * Takes stems that {@link stemsOf} worked out in an earlier run of this same code: a start from
 * the content cache then looks them up instead of running the stemmer, which, not yet compiled
 * by then, was the slowest part of building an engine over a cached index.
 */
export function rememberStems(stems: [string, string][]): void {
  for (const [word, stemmed] of stems) porter2Twice.remember(word, stemmed);
}
