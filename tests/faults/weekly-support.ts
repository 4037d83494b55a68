import pino from 'pino';
import type { Catalog } from '../../src/content/types.js';
import { BotMetrics } from '../../src/ops/metrics.js';
import type { WeeklyPoster } from '../../src/platform/weekly-post.js';
import type { BotStore } from '../../src/store/bot-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { WeeklyService } from '../../src/weekly/weekly-service.js';
import { WaitableLog } from '../fakes/waitable-log.js';
import { fixtureEngine } from '../support/content.js';
import { FakeClock } from '../support/fake-clock.js';
import { makeDataDir, subscribeMondays, weeklyDefaults } from '../support/weekly.js';

/** One JSON line the weekly service logged. */
export type WeeklyLogLine = Record<string, unknown> & { msg: string; level: number };

/** The waits between attempts of the weekly services in the fault suite. */
export const RETRY_DELAYS_MS = [60_000, 300_000];

/** The slot every fault test posts: Monday 30 November 2026, 09:00 UTC. */
export const SLOT_KEY = '2026-11-30T09:00:00.000Z';

/** A weekly service over `dataDir` on one platform, as one bot process would run it. */
export interface WeeklyProcess {
  service: WeeklyService;
  store: BotStore;
  logs: WaitableLog<WeeklyLogLine>;
  metrics: BotMetrics;
  /** The first log line with this message, now or later. */
  logged(msg: string): Promise<WeeklyLogLine>;
  /** Stops the service and closes its store, as a clean shutdown does. */
  stop(): Promise<void>;
}

/** Starts a weekly service process over the store in `dataDir`, posting through `poster`. */
export function weeklyProcess(options: {
  dataDir: string;
  clock: FakeClock;
  catalog: Catalog;
  poster: WeeklyPoster;
}): WeeklyProcess {
  const { clock, poster } = options;
  const store = openSqliteStore(options.dataDir, () => clock.now());
  const logs = new WaitableLog<WeeklyLogLine>((line) => JSON.stringify(line));
  const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const metrics = new BotMetrics();
  const service = new WeeklyService({
    store,
    catalog: () => options.catalog,
    posters: new Map([[poster.platform, poster]]),
    clock,
    logger,
    defaults: weeklyDefaults(),
    retryDelaysMs: RETRY_DELAYS_MS,
    onOutcome: (outcome, platform) => metrics.weeklyOutcome(outcome, platform),
    onFailure: (stage, platform) => metrics.weeklyFailure(stage, platform),
  });
  return {
    service,
    store,
    logs,
    metrics,
    logged: (msg) => logs.waitFor((line) => line.msg === msg, 5000, `the log line "${msg}"`),
    async stop() {
      await service.stop();
      await store.close();
    },
  };
}

/** The value of one sample of a metric, as `/metrics` would show it. */
export async function metricValue(
  metrics: BotMetrics,
  name: string,
  labels: Record<string, string>,
): Promise<number | undefined> {
  const metric = await metrics.registry.getSingleMetric(name)?.get();
  const sample = metric?.values.find((value) =>
    Object.entries(labels).every(([key, expected]) => value.labels[key] === expected),
  );
  return sample?.value;
}

/**
 * A channel subscribed to Monday posts, its slot on 30 November now due, and the first weekly
 * process over a fresh store; `restart` starts another over the same store later, as a bot
 * restarted after a crash or a stop does, and waits for what its start set going.
 */
export async function dueWeeklySlot(
  channel: string,
  poster: WeeklyPoster,
  onCleanUp: (stop: () => Promise<void>) => void,
) {
  const { catalog } = await fixtureEngine();
  const dataDir = makeDataDir();
  const clock = new FakeClock('2026-11-29T12:00:00Z');
  const start = () => {
    const process = weeklyProcess({ dataDir, clock, catalog, poster });
    onCleanUp(() => process.stop());
    return process;
  };
  const first = start();
  await subscribeMondays(first.store, channel);
  await clock.advanceTo(SLOT_KEY);
  const restart = async (afterMs: number): Promise<WeeklyProcess> => {
    await clock.advanceBy(afterMs);
    const restarted = start();
    await restarted.service.start();
    await restarted.service.whenIdle();
    return restarted;
  };
  return { catalog, dataDir, clock, first, restart };
}
