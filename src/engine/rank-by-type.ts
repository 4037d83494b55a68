import type { Resource, ResourceType } from '../content/types.js';
import type { ScoredResource } from '../search/resource-index.js';
import { splitWords, stem } from '../search/text.js';

/**
 * Results of the asked-for types first, each group in its own order. Nothing is dropped: a topic
 * without a video still answers "kubernetes video" with what it has.
 */
export function rankByType(results: ScoredResource[], types: ResourceType[]): ScoredResource[] {
  if (types.length === 0) return results;
  const rank = (result: ScoredResource) => {
    const index = result.resource.type ? types.indexOf(result.resource.type) : -1;
    return index < 0 ? types.length : index;
  };
  return results
    .map((result, position) => ({ result, position, rank: rank(result) }))
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .map((entry) => entry.result);
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

const resourceWords = new WeakMap<Resource, Set<string>>();

/** The stemmed words of a resource's title and description, worked out once. */
function wordsOf(resource: Resource): Set<string> {
  let words = resourceWords.get(resource);
  if (!words) {
    words = new Set(splitWords(`${resource.title} ${resource.description}`).map(stem));
    resourceWords.set(resource, words);
  }
  return words;
}

/**
 * Resources that say more of these words first, the rest in their order: in a topic's listing,
 * "kubernetes tutorial" brings up the page that calls itself a tutorial.
 */
export function preferWords(results: ScoredResource[], phrases: string[]): ScoredResource[] {
  const wanted = [...new Set(phrases.flatMap(splitWords).map(stem))];
  const said = (result: ScoredResource) => {
    const words = wordsOf(result.resource);
    return wanted.filter((word) => words.has(word)).length;
  };
  return results
    .map((result, position) => ({ result, position, said: said(result) }))
    .sort((a, b) => b.said - a.said || a.position - b.position)
    .map((entry) => entry.result);
}
