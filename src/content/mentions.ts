import type { Catalog, Resource, Topic } from './types.js';

/**
 * Resources outside a topic whose title or description names it (its name or an alias, as whole
 * words, any case): what a topic with no resources of its own can still point to.
 */
export function resourcesMentioning(catalog: Catalog, topic: Topic): Resource[] {
  const patterns = [topic.name, ...topic.aliases].map(
    (name) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(name)}($|[^\\p{L}\\p{N}])`, 'iu'),
  );
  return catalog.resources.filter(
    (resource) =>
      !resource.topicIds.includes(topic.id) &&
      patterns.some((pattern) => pattern.test(`${resource.title} ${resource.description}`)),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
