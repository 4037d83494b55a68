import type { PageInfo } from './answer.js';

/** Page `requested` (from 1, clamped to the pages there are) of `items`, `size` at a time. */
export function paginate<T>(
  items: T[],
  requested: number,
  size: number,
): { items: T[]; page: PageInfo } {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const number = Math.min(Math.max(1, Math.floor(requested)), totalPages);
  return {
    items: items.slice((number - 1) * size, number * size),
    page: { number, size, totalResults: items.length, totalPages },
  };
}
