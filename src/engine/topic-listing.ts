import type { Catalog, Resource, Topic } from '../content/types.js';

// A catalog never changes once built, so each topic's listing is worked out once per catalog.
const listings = new WeakMap<Catalog, Map<string, Resource[]>>();
const subtrees = new WeakMap<Catalog, Map<string, Set<string>>>();

function memo<T>(
  cache: WeakMap<Catalog, Map<string, T>>,
  catalog: Catalog,
  key: string,
  make: () => T,
): T {
  let byKey = cache.get(catalog);
  if (!byKey) cache.set(catalog, (byKey = new Map()));
  let value = byKey.get(key);
  if (value === undefined) byKey.set(key, (value = make()));
  return value;
}

/** Ids of a topic and every topic below it. */
export function subtreeIds(catalog: Catalog, topic: Topic): Set<string> {
  return memo(subtrees, catalog, topic.id, () => collectSubtree(catalog, topic));
}

function collectSubtree(catalog: Catalog, topic: Topic): Set<string> {
  const ids = new Set<string>();
  const visit = (id: string) => {
    ids.add(id);
    for (const child of catalog.topicsById.get(id)?.childIds ?? []) visit(child);
  };
  visit(topic.id);
  return ids;
}

/**
 * A topic's resources as the curator wrote them: its own first, series kept in part order, then
 * each subtopic's depth first; a resource filed in two places appears once.
 */
export function listTopicResources(catalog: Catalog, topic: Topic): Resource[] {
  return memo(listings, catalog, topic.id, () => collectListing(catalog, topic));
}

function collectListing(catalog: Catalog, topic: Topic): Resource[] {
  const listed = new Map<string, Resource>();
  const visit = (current: Topic) => {
    for (const resource of inReadingOrder(catalog, current.resourceIds)) {
      listed.set(resource.id, resource);
    }
    for (const child of current.childIds) visit(catalog.topicsById.get(child)!);
  };
  visit(topic);
  return [...listed.values()];
}

/** Number of distinct resources in a topic and below it. */
export function countTopicResources(catalog: Catalog, topic: Topic): number {
  return listTopicResources(catalog, topic).length;
}

function inReadingOrder(catalog: Catalog, ids: string[]): Resource[] {
  const resources = ids.map((id) => catalog.resourcesById.get(id)!);
  // The order the curator wrote under this heading: a resource filed first under another topic
  // does not jump ahead of this topic's own series.
  const position = new Map(ids.map((id, index) => [id, index]));
  const seriesStart = new Map<string, number>();
  for (const resource of resources) {
    if (!resource.series) continue;
    const key = resource.series.name.toLowerCase();
    seriesStart.set(key, Math.min(seriesStart.get(key) ?? Infinity, position.get(resource.id)!));
  }
  const sortKey = (resource: Resource): [number, number] =>
    resource.series
      ? [seriesStart.get(resource.series.name.toLowerCase())!, resource.series.part]
      : [position.get(resource.id)!, 0];
  return resources.sort((a, b) => {
    const [a1, a2] = sortKey(a);
    const [b1, b2] = sortKey(b);
    return a1 - b1 || a2 - b2;
  });
}
