/** Length as chat platforms count it: in Unicode code points, so an emoji counts once. */
export function textLength(text: string): number {
  return [...text].length;
}

/**
 * `text` cut to at most `maxLength` code points, ending in `…` when cut; the cut falls at a word
 * boundary when one is near, and never splits a surrogate pair.
 */
export function shorten(text: string, maxLength: number): string {
  if (textLength(text) <= maxLength) return text;
  if (maxLength <= 1) return maxLength === 1 ? '…' : '';
  const kept = [...text].slice(0, maxLength - 1).join('');
  const lastSpace = kept.search(/\s\S*$/);
  const atWord = lastSpace >= kept.length * 0.8 ? kept.slice(0, lastSpace) : kept;
  return atWord.trimEnd() + '…';
}
