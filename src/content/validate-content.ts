import type { Catalog, ContentIssue, ContentReport, Resource, Topic } from './types.js';
import { resourcesMentioning } from './mentions.js';

/**
 * Checks a built catalog for what the parsers cannot see one file at a time: series with
 * missing or repeated parts, topics without a summary, and topics nothing in the catalog
 * covers. Pure: the same catalog always gives the same report.
 */
export function validateContent(catalog: Catalog): ContentReport {
  const errors: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
  checkSeries(catalog.resources, errors);
  checkTopics(catalog, warnings);
  return { errors, warnings };
}

function checkSeries(resources: Resource[], errors: ContentIssue[]) {
  const bySeries = new Map<string, Resource[]>();
  for (const resource of resources) {
    if (!resource.series) continue;
    const key = resource.series.name.toLowerCase();
    bySeries.set(key, [...(bySeries.get(key) ?? []), resource]);
  }
  for (const members of bySeries.values()) {
    const name = members[0]!.series!.name;
    const seen = new Set<number>();
    for (const member of members) {
      const part = member.series!.part;
      if (seen.has(part)) {
        errors.push({
          ...member.source,
          message: `Series "${name}" has part ${part} twice`,
          hint: `Number the parts of "${name}" 1, 2, 3… with each number once.`,
        });
      }
      seen.add(part);
    }
    const last = Math.max(...seen);
    const missing = range(1, last).filter((part) => !seen.has(part));
    if (missing.length > 0) {
      errors.push({
        ...members[0]!.source,
        message: `Series "${name}" has no part ${missing.join(', ')} (its parts go up to ${last})`,
        hint: `Add the missing part, or renumber the parts of "${name}" without gaps.`,
      });
    }
  }
}

function checkTopics(catalog: Catalog, warnings: ContentIssue[]) {
  for (const topic of catalog.topics) {
    if (!topic.summary) {
      warnings.push({
        ...topic.source,
        message: `Topic "${topic.name}" has no summary`,
        hint: 'Write 1-2 sentences in your own words in a paragraph right under the heading.',
      });
    }
    if (!hasResources(catalog, topic) && resourcesMentioning(catalog, topic).length === 0) {
      warnings.push({
        ...topic.source,
        message: `Topic "${topic.name}" has no resources, and no resource mentions it`,
        hint: 'Add a resource under it, or remove the heading until there is one.',
      });
    }
  }
}

function hasResources(catalog: Catalog, topic: Topic): boolean {
  return (
    topic.resourceIds.length > 0 ||
    topic.childIds.some((id) => hasResources(catalog, catalog.topicsById.get(id)!))
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
