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
  // concat, not flat(): V8's flat() walks element by element, tens of milliseconds for a large listing.
  return ([] as ScoredResource[]).concat(...buckets);
}

// Rankings of a list by the types asked for. A topic's listing is the same array answer after
// answer (memoised per catalog), so "mlflow course" ranks its tens of thousands of resources once.
const rankings = new WeakMap<ScoredResource[], Map<string, ScoredResource[]>>();

/**
 * Results of the asked-for types first, each group in its own order. Nothing is dropped: a topic
 * without a video still answers "kubernetes video" with what it has.
 */
export function rankByType(results: ScoredResource[], types: ResourceType[]): ScoredResource[] {
  if (types.length === 0) return results;
  let byTypes = rankings.get(results);
  if (!byTypes) rankings.set(results, (byTypes = new Map()));
  const key = types.join(' ');
  let ranked = byTypes.get(key);
  if (!ranked) {
    ranked = partition(results, types.length + 1, (result) => {
      const index = result.resource.type ? types.indexOf(result.resource.type) : -1;
      return index < 0 ? types.length : index;
    });
    byTypes.set(key, ranked);
  }
  return ranked;
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
