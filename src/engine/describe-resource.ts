import { RESOURCE_TYPE_LABELS, type Resource } from '../content/types.js';
import type { SeriesStep } from './answer.js';

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

/** The label of the way on through a series: `Start here: part 1 of 5` or `Next: part 3 of 5`. */
export function seriesStepLabel(offer: { step: SeriesStep; kind: 'start' | 'next' }): string {
  return `${offer.kind === 'start' ? 'Start here' : 'Next'}: part ${offer.step.part} of ${offer.step.of}`;
}
