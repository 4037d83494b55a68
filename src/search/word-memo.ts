/** Entries a word memo holds before it starts afresh: enough for a catalog's words and a day's questions. */
const DEFAULT_SIZE = 10_000;

/**
 * `compute` remembered per word. Only for what depends on the word and on data that never
 * changes under it (a catalog is replaced, never edited). Query words are unbounded input, so
 * the memo is emptied when it is full rather than allowed to grow.
 */
export function memoiseByWord<T>(
  compute: (word: string) => T,
  size = DEFAULT_SIZE,
): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    let value = known.get(word);
    if (value === undefined && !known.has(word)) {
      value = compute(word);
      if (known.size >= size) known.clear();
      known.set(word, value);
    }
    return value as T;
  };
}
