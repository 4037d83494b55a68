import { createHash } from 'node:crypto';
import type { Resource } from '../content/types.js';

/**
 * The channel's shuffled order of the catalog for one cycle. Each resource's place depends only on
 * the channel, the cycle and its own id, so the order survives restarts, and content edits only
 * add or remove the resources edited.
 */
export function cycleOrder(channel: string, cycle: number, resources: Resource[]): Resource[] {
  const key = (resource: Resource) =>
    createHash('sha256').update(`${channel}\u0000${cycle}\u0000${resource.id}`).digest('hex');
  return resources
    .map((resource) => ({ resource, key: key(resource) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.resource);
}

/**
 * The next resource of a channel's cycle: the first in its shuffled order that it has not had
 * in this cycle and that is not known to be dead; undefined when the cycle is used up.
 */
export function pickNextResource(
  channel: string,
  cycle: number,
  resources: Resource[],
  used: ReadonlySet<string>,
  dead: ReadonlySet<string> = new Set(),
): Resource | undefined {
  return cycleOrder(channel, cycle, resources).find(
    (resource) => !used.has(resource.id) && !dead.has(resource.url),
  );
}
