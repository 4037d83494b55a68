/** Entries a word memo holds before it starts afresh: enough for a catalog's words and a day's questions. */
const DEFAULT_SIZE = 10_000;

/** A function of a word, remembered per word; `remember` takes a result worked out before. */
export interface WordMemo<T> {
  (word: string): T;
  remember(word: string, value: T): void;
}

/**
 * `compute` remembered per word. Only for what depends on the word and on data that never
 * changes under it (a catalog is replaced, never edited). Query words are unbounded input, so
 * the memo is emptied when it is full rather than allowed to grow.
 */
export function memoiseByWord<T>(compute: (word: string) => T, size = DEFAULT_SIZE): WordMemo<T> {
  const known = new Map<string, T>();
  const remember = (word: string, value: T) => rememberBounded(known, word, value, size);
  const memo = (word: string) => {
    let value = known.get(word);
    if (value === undefined && !known.has(word)) {
      value = compute(word);
      remember(word, value);
    }
    return value as T;
  };
  return Object.assign(memo, { remember });
}

/**
 * Sets `key` in a memo of unbounded input, emptying the memo first when it holds `size` entries:
 * a memo that starts afresh costs some recomputing, one that grows without end costs memory.
 */
export function rememberBounded<T>(
  memo: Map<string, T>,
  key: string,
  value: T,
  size = DEFAULT_SIZE,
): void {
  if (memo.size >= size) memo.clear();
  memo.set(key, value);
}
