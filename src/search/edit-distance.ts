// Reused between calls: the distance is computed on every query, and garbage here shows up as latency.
let rows = [new Uint16Array(64), new Uint16Array(64), new Uint16Array(64)];

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each cost one, so `dokcer` is one edit from `docker`. With `limit`, any
 * distance above it is reported as `limit + 1`, which lets long comparisons stop early.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Uint16Array(b.length * 2 + 1));
  // Three rows are enough: the current one, the one above, and the one above that for swaps.
  let [before, above, current] = rows as [Uint16Array, Uint16Array, Uint16Array];
  for (let j = 0; j <= b.length; j++) above[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(above[j]! + 1, current[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, before[j - 2]! + 1);
      }
      current[j] = best;
      rowBest = Math.min(rowBest, best);
    }
    if (rowBest > limit) return limit + 1;
    [before, above, current] = [above, current, before];
  }
  return above[b.length]!;
}

/** Past this length a word is no word anyone meant to spell: a typo search on it only costs time. */
const LONGEST_TYPO_WORD = 24;

/**
 * How many typos a word of this length may carry: none for short words, one from five letters,
 * two from nine, none past {@link LONGEST_TYPO_WORD} letters.
 */
export function typoAllowance(word: string): number {
  if (word.length > LONGEST_TYPO_WORD) return 0;
  if (word.length >= 9) return 2;
  if (word.length >= 5) return 1;
  return 0;
}
