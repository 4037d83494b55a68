import { createHash } from 'node:crypto';
import type { Resource } from '../content/types.js';
import type { CycleState } from '../store/bot-store.js';

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
function pickNextResource(
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

/**
 * The channel's next resource from where it stands: the next of its current cycle, or, once that
 * cycle is used up, the first of the next one. Undefined only when nothing can be posted at all.
 */
export function nextInCycle(
  channel: string,
  state: CycleState,
  resources: Resource[],
  dead: ReadonlySet<string> = new Set(),
): { cycle: number; resource: Resource } | undefined {
  const current = pickNextResource(channel, state.cycle, resources, state.used, dead);
  if (current) return { cycle: state.cycle, resource: current };
  if (state.used.size === 0) return undefined;
  const next = pickNextResource(channel, state.cycle + 1, resources, new Set(), dead);
  return next && { cycle: state.cycle + 1, resource: next };
}
