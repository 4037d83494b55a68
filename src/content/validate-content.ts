import type { Catalog, ContentIssue, ContentReport, Resource } from './types.js';

/**
 * Checks a built catalog for what the parsers cannot see one file at a time: series with
 * missing or repeated parts. Pure: the same catalog always gives the same report.
 */
export function validateContent(catalog: Catalog): ContentReport {
  const errors: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
  checkSeries(catalog.resources, errors, warnings);
  return { errors, warnings };
}

function checkSeries(resources: Resource[], errors: ContentIssue[], warnings: ContentIssue[]) {
  const bySeries = new Map<string, Resource[]>();
  for (const resource of resources) {
    if (!resource.series) continue;
    const key = resource.series.name.toLowerCase();
    bySeries.set(key, [...(bySeries.get(key) ?? []), resource]);
  }
  for (const members of bySeries.values()) {
    const parts = members.map((member) => member.series!.part).sort((a, b) => a - b);
    const seen = new Set<number>();
    for (const member of members) {
      if (seen.has(member.series!.part)) {
        errors.push({
          ...member.source,
          message: `Series "${member.series!.name}" has part ${member.series!.part} twice`,
        });
      }
      seen.add(member.series!.part);
    }
    const missing = parts.length > 0 ? range(1, parts.at(-1)!).filter((part) => !seen.has(part)) : [];
    if (missing.length > 0) {
      warnings.push({
        ...members[0]!.source,
        message: `Series "${members[0]!.series!.name}" has no part ${missing.join(', ')}`,
      });
    }
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
