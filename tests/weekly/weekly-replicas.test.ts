import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import type { BotStore } from '../../src/store/bot-store.js';
import { openStore } from '../../src/store/open-store.js';
import type { WeeklyService } from '../../src/weekly/weekly-service.js';
import { FIXTURE_CATALOG } from '../support/content.js';
import { FakeClock } from '../support/fake-clock.js';
import { freshDatabaseUrl } from '../support/postgres.js';
import { makeWeeklyService, subscribeMondays } from '../support/weekly.js';

const CHANNEL = 'discord:123456789012345678';
const OTHER_CHANNEL = 'discord:223456789012345678';
const opened: { service: WeeklyService; store: BotStore }[] = [];

afterEach(async () => {
  for (const { service, store } of opened.splice(0)) {
    await service.stop();
    await store.close();
  }
});

describe('the resource of the week with replicas on one PostgreSQL database', () => {
  it('posts each slot exactly once, walking one shared cycle for the channel', async () => {
    const { catalog } = await loadContent(FIXTURE_CATALOG);
    const url = await freshDatabaseUrl();
    const clock = new FakeClock('2026-05-01T00:00:00Z');
    const replicas = await Promise.all(
      [1, 2, 3].map(async () => {
        const store = await openStore({ kind: 'postgres', url }, () => clock.now());
        const replica = makeWeeklyService({ store, clock, catalog: () => catalog });
        opened.push(replica);
        return replica;
      }),
    );
    await subscribeMondays(replicas[0]!.store, CHANNEL);
    const slots = ['2026-05-04', '2026-05-11', '2026-05-18', '2026-05-25'].map(
      (day) => new Date(`${day}T09:00:00Z`),
    );
    for (const slot of slots) {
      // Every replica's timer fires for the same slot at the same moment.
      const records = await Promise.all(
        replicas.map(({ service }) => service.runSlot(CHANNEL, slot)),
      );
      // The replicas that lost the claim see the winner's record: the same resource.
      expect(new Set(records.map((record) => record?.resourceId)).size).toBe(1);
      const stored = await replicas[0]!.store.getPost(CHANNEL, slot.toISOString());
      expect(stored).toMatchObject({ status: 'posted', attempts: 1 });
    }
    const posted = replicas.flatMap(({ posters }) =>
      posters.flatMap((poster) => poster.posts.map((entry) => entry.post)),
    );
    expect(posted.map((post) => post.slot)).toHaveLength(slots.length);
    expect(new Set(posted.map((post) => post.slot.toISOString())).size).toBe(slots.length);
    expect(new Set(posted.map((post) => post.resource.id)).size).toBe(slots.length);
  });

  it('posts, on the replica that took Discord over, the slot the old holder left claimed and the one nobody could post', async () => {
    const { catalog } = await loadContent(FIXTURE_CATALOG);
    const url = await freshDatabaseUrl();
    const clock = new FakeClock('2026-05-04T08:00:00Z');
    const oldHolder = await openStore({ kind: 'postgres', url }, () => clock.now());
    const store = await openStore({ kind: 'postgres', url }, () => clock.now());
    // The standby runs from before the slot; it had no Discord poster until it took over.
    const standby = makeWeeklyService({ store, clock, catalog: () => catalog });
    opened.push(standby);
    await subscribeMondays(store, CHANNEL);
    await subscribeMondays(store, OTHER_CHANNEL);
    const slot = '2026-05-04T09:00:00.000Z';
    await clock.advanceTo(slot);
    await oldHolder.claimSlot(CHANNEL, slot, 'old-holder', (state) => ({
      cycle: state.cycle,
      resourceId: catalog.resources[0]!.id,
    }));
    await oldHolder.close();

    await clock.advanceTo('2026-05-04T09:00:20Z');
    await standby.service.takeOver('discord');
    await standby.service.whenIdle();

    const [, discord] = standby.posters;
    expect(discord!.posts.map(({ channelId }) => channelId).sort()).toEqual(
      [CHANNEL, OTHER_CHANNEL].map((channel) => channel.slice('discord:'.length)).sort(),
    );
    for (const channel of [CHANNEL, OTHER_CHANNEL])
      expect(await store.getPost(channel, slot)).toMatchObject({ status: 'posted' });
  });
});
