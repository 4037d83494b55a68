import type { ResourceType } from '../content/types.js';
import type { ScoredResource } from '../search/resource-index.js';

/**
 * Results moved into ranked groups, each group keeping the results' order: a stable partition in
 * one pass, so a listing of tens of thousands costs no sort.
 */
function partition(
  results: ScoredResource[],
  groups: number,
  groupOf: (result: ScoredResource) => number,
): ScoredResource[] {
  const buckets: ScoredResource[][] = Array.from({ length: groups }, () => []);
  for (const result of results) buckets[groupOf(result)]!.push(result);
  return buckets.flat();
}

/**
 * Results of the asked-for types first, each group in its own order. Nothing is dropped: a topic
 * without a video still answers "kubernetes video" with what it has.
 */
export function rankByType(results: ScoredResource[], types: ResourceType[]): ScoredResource[] {
  if (types.length === 0) return results;
  return partition(results, types.length + 1, (result) => {
    const index = result.resource.type ? types.indexOf(result.resource.type) : -1;
    return index < 0 ? types.length : index;
  });
}

/**
 * Results that say more of the asked words first, the rest in their order: in a topic's listing,
 * "kubernetes tutorial" brings up the page that calls itself a tutorial. `said` counts, for a
 * resource id, how many of the words its text has.
 */
export function preferWords(
  results: ScoredResource[],
  said: Map<string, number>,
): ScoredResource[] {
  if (said.size === 0) return results;
  const most = Math.max(...said.values());
  return partition(results, most + 1, (result) => most - (said.get(result.resource.id) ?? 0));
}

/** Lists taken in turns, each item once: the sides of a comparison shown side by side. */
export function interleave(lists: ScoredResource[][]): ScoredResource[] {
  const seen = new Set<string>();
  const merged: ScoredResource[] = [];
  for (let i = 0; lists.some((list) => i < list.length); i++) {
    for (const list of lists) {
      const item = list[i];
      if (item && !seen.has(item.resource.id)) {
        seen.add(item.resource.id);
        merged.push(item);
      }
    }
  }
  return merged;
}
