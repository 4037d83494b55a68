import type { Resource } from '../content/types.js';
import type { CycleState } from '../store/bot-store.js';
import { nextInCycle } from './pick-resource.js';
import { nextSlots, type Schedule } from './schedule.js';

/** A pick shown by a preview: when, and what. */
export interface PreviewPick {
  slot: Date;
  resource: Resource;
}

/** Where a channel stands, for previewing its next picks. */
export interface PreviewInput {
  channel: string;
  schedule: Schedule;
  /** The channel's place in its cycle through the catalog now. */
  state: CycleState;
  resources: Resource[];
  /** URLs found dead; never picked. */
  dead: ReadonlySet<string>;
  /** Slots after this instant are previewed. */
  from: Date;
  weeks: number;
}

/**
 * The channel's next `weeks` picks and their dates, as the weekly post would choose them, without
 * recording anything: each pick is counted as used before the next is chosen.
 */
export function previewPicks(input: PreviewInput): PreviewPick[] {
  const { channel, resources, dead } = input;
  let state = input.state;
  const picks: PreviewPick[] = [];
  for (const slot of nextSlots(input.schedule, input.from, input.weeks)) {
    const pick = nextInCycle(channel, state, resources, dead);
    if (!pick) break;
    const used = pick.cycle === state.cycle ? state.used : new Set<string>();
    state = { cycle: pick.cycle, used: new Set([...used, pick.resource.id]) };
    picks.push({ slot, resource: pick.resource });
  }
  return picks;
}
