import { afterEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/content/types.js';
import type { WeeklyService } from '../../src/weekly/weekly-service.js';
import { loadFiles } from '../support/content.js';
import { FakeClock } from '../support/fake-clock.js';
import {
  makeDataDir,
  makeWeeklyService,
  RecordingPoster,
  subscribeMondays,
  weeklyDefaults,
  weeklyPostFor,
} from '../support/weekly.js';

const CHANNEL = 'discord:1234';
const running: WeeklyService[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.stop()));
});

async function smallCatalog(): Promise<Catalog> {
  const bullets = Array.from(
    { length: 10 },
    (_, index) => `- [Page ${index}](https://p.example.org/${index}) — Page ${index}. (article)`,
  );
  return (await loadFiles({ 'a.md': `# Topic\n\nSummary.\n\n${bullets.join('\n')}\n` })).catalog;
}

function localHour(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    date,
  );
}

describe('weekly timing', () => {
  for (const [timezone, start, end] of [
    ['Europe/Paris', '2026-03-16T00:00:00Z', '2026-04-10T00:00:00Z'],
    ['Europe/Paris', '2026-10-19T00:00:00Z', '2026-11-10T00:00:00Z'],
    ['America/New_York', '2026-03-02T00:00:00Z', '2026-03-25T00:00:00Z'],
    ['America/New_York', '2026-10-26T00:00:00Z', '2026-11-15T00:00:00Z'],
  ] as const) {
    it(`fires at 09:00 local in ${timezone} across the daylight-saving change after ${start.slice(0, 10)}`, async () => {
      const catalog = await smallCatalog();
      const clock = new FakeClock(start);
      const { service, store, posters } = makeWeeklyService({
        dataDir: makeDataDir(),
        clock,
        catalog: () => catalog,
      });
      running.push(service);
      await store.saveSubscription({
        channel: CHANNEL,
        cron: '0 9 * * 1',
        timezone,
        source: 'command',
      });
      await service.start();
      await clock.advanceTo(end);
      const slots = posters[1]!.posts.map((entry) => entry.post.slot);
      expect(slots.length).toBeGreaterThanOrEqual(3);
      expect(slots.map((slot) => localHour(slot, timezone))).toEqual(slots.map(() => '09:00'));
      const offsets = new Set(slots.map((slot) => slot.getUTCHours()));
      expect(offsets.size).toBe(2);
    });
  }

  it('posts a slot once when restarted just before it', async () => {
    const catalog = await smallCatalog();
    const dataDir = makeDataDir();
    const clock = new FakeClock('2026-05-04T08:59:00Z');
    const first = makeWeeklyService({ dataDir, clock, catalog: () => catalog });
    await subscribeMondays(first.store, CHANNEL);
    await first.service.start();
    await first.service.stop();
    const poster = new RecordingPoster('discord');
    const second = makeWeeklyService({ dataDir, clock, catalog: () => catalog, posters: [poster] });
    running.push(second.service);
    await second.service.start();
    await clock.advanceTo('2026-05-04T12:00:00Z');
    expect(first.posters[1]!.posts).toHaveLength(0);
    expect(poster.posts).toHaveLength(1);
  });

  it('catches up a slot missed while down when it is recent enough, and records an older one as missed', async () => {
    const catalog = await smallCatalog();
    for (const [restartAt, expected] of [
      ['2026-05-04T15:00:00Z', 'posted'],
      ['2026-05-05T09:00:00Z', 'missed'],
    ] as const) {
      const dataDir = makeDataDir();
      const clock = new FakeClock('2026-05-01T00:00:00Z');
      const first = makeWeeklyService({ dataDir, clock, catalog: () => catalog });
      await subscribeMondays(first.store, CHANNEL);
      await first.service.stop();
      await clock.advanceTo(restartAt);
      const second = makeWeeklyService({ dataDir, clock, catalog: () => catalog });
      running.push(second.service);
      await second.service.start();
      await second.service.whenIdle();
      expect(
        (await second.store.getPost(CHANNEL, '2026-05-04T09:00:00.000Z'))?.status,
        restartAt,
      ).toBe(expected);
      expect(second.posters[1]!.posts.length, restartAt).toBe(expected === 'posted' ? 1 : 0);
    }
  });

  it.each([
    ['posts a slot a crash left claimed when the platform has no such message', false, 1],
    ['records a slot a crash left claimed when the platform has the message', true, 0],
  ])('%s', async (_name, alreadyPosted, newPosts) => {
    const catalog = await smallCatalog();
    const dataDir = makeDataDir();
    const clock = new FakeClock('2026-05-04T09:00:00Z');
    const crashed = makeWeeklyService({ dataDir, clock, catalog: () => catalog });
    await subscribeMondays(crashed.store, CHANNEL);
    const slotKey = '2026-05-04T09:00:00.000Z';
    // A claim with no outcome is what a process that died while posting leaves behind.
    const claim = await crashed.store.claimSlot(CHANNEL, slotKey, 'dead-process', (state) => ({
      cycle: state.cycle,
      resourceId: catalog.resources[0]!.id,
    }));
    const poster = new RecordingPoster('discord');
    if (alreadyPosted) {
      await poster.postWeekly('1234', weeklyPostFor(catalog, claim.record!.resourceId!, slotKey));
    }
    await clock.advanceTo('2026-05-04T10:00:00Z');
    const restarted = makeWeeklyService({
      dataDir,
      clock,
      catalog: () => catalog,
      posters: [poster],
    });
    running.push(restarted.service);
    await restarted.service.start();
    await restarted.service.whenIdle();
    expect(poster.posts.length - (alreadyPosted ? 1 : 0)).toBe(newPosts);
    expect(poster.posts).toHaveLength(1);
    expect(await restarted.store.getPost(CHANNEL, slotKey)).toMatchObject({
      status: 'posted',
      messageId: 'message-1',
      resourceId: catalog.resources[0]!.id,
    });
  });

  it('posts once when two instances share one database file', async () => {
    const catalog = await smallCatalog();
    const dataDir = makeDataDir();
    const clock = new FakeClock('2026-05-01T00:00:00Z');
    const shared = new RecordingPoster('discord');
    const one = makeWeeklyService({ dataDir, clock, catalog: () => catalog, posters: [shared] });
    const two = makeWeeklyService({ dataDir, clock, catalog: () => catalog, posters: [shared] });
    running.push(one.service, two.service);
    await subscribeMondays(one.store, CHANNEL);
    await one.service.start();
    await two.service.start();
    await clock.advanceTo('2026-05-26T00:00:00Z');
    expect(shared.posts.map((entry) => entry.post.slot.toISOString())).toEqual([
      '2026-05-04T09:00:00.000Z',
      '2026-05-11T09:00:00.000Z',
      '2026-05-18T09:00:00.000Z',
      '2026-05-25T09:00:00.000Z',
    ]);
  });

  it('retries a failed post with backoff, then records it as failed', async () => {
    const catalog = await smallCatalog();
    const clock = new FakeClock('2026-05-01T00:00:00Z');
    const poster = new RecordingPoster('discord');
    const { service, store } = makeWeeklyService({
      dataDir: makeDataDir(),
      clock,
      catalog: () => catalog,
      posters: [poster],
    });
    running.push(service);
    await subscribeMondays(store, CHANNEL);
    await service.start();
    poster.failNext(2);
    await clock.advanceTo('2026-05-04T09:00:00Z');
    expect((await store.getPost(CHANNEL, '2026-05-04T09:00:00.000Z'))?.status).toBe('claimed');
    await clock.advanceTo('2026-05-04T09:00:10Z');
    expect(await store.getPost(CHANNEL, '2026-05-04T09:00:00.000Z')).toMatchObject({
      status: 'posted',
      attempts: 3,
    });
    poster.failNext(3);
    await clock.advanceTo('2026-05-11T10:00:00Z');
    expect(await store.getPost(CHANNEL, '2026-05-11T09:00:00.000Z')).toMatchObject({
      status: 'failed',
      attempts: 3,
    });
    expect(poster.posts).toHaveLength(1);
  });

  it('pauses the subscription when the platform says the channel is gone, and stops scheduling it', async () => {
    const catalog = await smallCatalog();
    const clock = new FakeClock('2026-05-01T00:00:00Z');
    const poster = new RecordingPoster('discord');
    const { service, store } = makeWeeklyService({
      dataDir: makeDataDir(),
      clock,
      catalog: () => catalog,
      posters: [poster],
    });
    running.push(service);
    await subscribeMondays(store, CHANNEL);
    await service.start();
    poster.loseChannel();
    await clock.advanceTo('2026-06-01T00:00:00Z');
    expect((await store.getSubscription(CHANNEL))?.pausedReason).toBe('channel_not_found');
    expect(await store.getPost(CHANNEL, '2026-05-04T09:00:00.000Z')).toMatchObject({
      status: 'failed',
      attempts: 1,
    });
    expect(poster.posts).toHaveLength(0);
    expect(clock.pending()).toEqual([]);
  });

  it('subscribes channels listed in the configuration with the default schedule', async () => {
    const catalog = await smallCatalog();
    const clock = new FakeClock('2026-05-01T00:00:00Z');
    const { service, store, posters } = makeWeeklyService({
      dataDir: makeDataDir(),
      clock,
      catalog: () => catalog,
      defaults: weeklyDefaults({
        channels: ['slack:C1', 'discord:2'],
        cron: '30 8 * * 5',
        timezone: 'Asia/Tokyo',
      }),
    });
    running.push(service);
    await service.start();
    await clock.advanceTo('2026-05-09T00:00:00Z');
    expect((await store.activeSubscriptions()).map((subscription) => subscription.channel)).toEqual(
      ['discord:2', 'slack:C1'],
    );
    expect(
      posters.map((poster) => poster.posts.map((entry) => entry.post.slot.toISOString())),
    ).toEqual([['2026-05-07T23:30:00.000Z'], ['2026-05-07T23:30:00.000Z']]);
  });
});
