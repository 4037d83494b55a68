import { RESOURCE_TYPE_LABELS, type Resource } from '../content/types.js';

/** The topic path as people read it: `DevOps › Kubernetes`. */
export function breadcrumb(path: string[]): string {
  return path.join(' › ');
}

/** A short line of facts about a resource: its type and, in a series, which part. */
export function resourceFacts(resource: Resource): string {
  const facts: string[] = [];
  if (resource.type) facts.push(RESOURCE_TYPE_LABELS[resource.type]);
  if (resource.series) facts.push(`${resource.series.name}, part ${resource.series.part}`);
  return facts.join(' · ');
}
