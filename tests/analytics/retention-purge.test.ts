import { afterEach, describe, expect, it } from 'vitest';
import { startRetentionPurge } from '../../src/analytics/retention-purge.js';
import type { AskRecord } from '../../src/store/analytics-store.js';
import type { BotStore } from '../../src/store/bot-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { FakeClock } from '../support/fake-clock.js';
import { makeDataDir } from '../support/weekly.js';

const DAY = 24 * 60 * 60 * 1000;

function makeAsk(at: Date): AskRecord {
  return {
    normalizedQuery: 'helm rollback',
    kind: 'none',
    suggestedTopics: [],
    platform: 'slack',
    askerHash: 'hash-a',
    at,
  };
}

describe('the analytics retention purge', () => {
  const stops: (() => void)[] = [];
  let store: BotStore;
  afterEach(async () => {
    stops.splice(0).forEach((stop) => stop());
    await store.close();
  });

  it('deletes questions past the retention period at start and again each day', async () => {
    const clock = new FakeClock('2026-06-01T00:00:00Z');
    store = openSqliteStore(makeDataDir());
    const start = clock.now().getTime();
    await store.analytics.recordAsk(makeAsk(new Date(start - 40 * DAY)));
    await store.analytics.recordAsk(makeAsk(new Date(start - 20 * DAY)));
    await store.analytics.recordAsk(makeAsk(new Date(start - 1 * DAY)));
    const purged: number[] = [];
    stops.push(
      startRetentionPurge({
        analytics: store.analytics,
        clock,
        retentionDays: 30,
        onPurged: (rows) => purged.push(rows),
      }),
    );
    await clock.advanceBy(0);
    expect(purged).toEqual([1]);
    expect(await store.analytics.asksSince(new Date(0))).toHaveLength(2);

    await clock.advanceBy(9 * DAY);
    expect(purged).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    await clock.advanceBy(2 * DAY);
    expect(purged.at(-1)).toBe(1);
    expect(await store.analytics.asksSince(new Date(0))).toEqual([
      makeAsk(new Date(start - 1 * DAY)),
    ]);
  });

  it('reports a failed purge and keeps the daily timer for the next try', async () => {
    const clock = new FakeClock('2026-06-01T00:00:00Z');
    store = openSqliteStore(makeDataDir());
    await store.close();
    const errors: unknown[] = [];
    stops.push(
      startRetentionPurge({
        analytics: store.analytics,
        clock,
        retentionDays: 90,
        onError: (error) => errors.push(error),
      }),
    );
    await clock.advanceBy(0);
    expect(errors).toHaveLength(1);
    expect(clock.pending()).toEqual([new Date('2026-06-02T00:00:00Z')]);
  });

  it('stops purging once stopped', async () => {
    const clock = new FakeClock('2026-06-01T00:00:00Z');
    store = openSqliteStore(makeDataDir());
    const stop = startRetentionPurge({ analytics: store.analytics, clock, retentionDays: 90 });
    await clock.advanceBy(0);
    stop();
    expect(clock.pending()).toEqual([]);
  });
});
