import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { WeeklyConfig } from '../../src/config.js';
import type { Catalog } from '../../src/content/types.js';
import { topicRef } from '../../src/engine/answer.js';
import {
  ChannelUnavailableError,
  type WeeklyPost,
  type WeeklyPoster,
  type WeeklySlot,
} from '../../src/platform/weekly-post.js';
import type { BotStore } from '../../src/store/bot-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { WeeklyService, type WeeklyServiceOptions } from '../../src/weekly/weekly-service.js';
import type { FakeClock } from './fake-clock.js';

/** A poster that records what it posts and fails when told to. */
export class RecordingPoster implements WeeklyPoster {
  readonly posts: { channelId: string; post: WeeklyPost }[] = [];
  private failures: Error[] = [];

  constructor(readonly platform: 'slack' | 'discord') {}

  /** The next `count` posts throw `error`. */
  failNext(count: number, error: Error = new Error('platform unavailable')): void {
    this.failures.push(...Array.from({ length: count }, () => error));
  }

  /** The next post reports the channel gone. */
  loseChannel(): void {
    this.failures.push(new ChannelUnavailableError('Unknown Channel', 'channel_not_found'));
  }

  async postWeekly(channelId: string, post: WeeklyPost): Promise<string> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.posts.push({ channelId, post });
    return `message-${this.posts.length}`;
  }

  async findWeekly(channelId: string, post: WeeklySlot): Promise<string | undefined> {
    const index = this.posts.findIndex(
      (entry) => entry.channelId === channelId && entry.post.slotKey === post.slotKey,
    );
    return index < 0 ? undefined : `message-${index + 1}`;
  }
}

/** The weekly post of a catalog resource for the slot `slotKey`. */
export function weeklyPostFor(catalog: Catalog, resourceId: string, slotKey: string): WeeklyPost {
  const resource = catalog.resourcesById.get(resourceId)!;
  const topic = catalog.topicsById.get(resource.topicIds[0]!)!;
  return { resource, topic: topicRef(topic), slot: new Date(slotKey), slotKey };
}

/** A fresh data folder for a store. */
export function makeDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'devops-bot-data-'));
}

/** Weekly defaults with no configured channels. */
export function weeklyDefaults(overrides: Partial<WeeklyConfig> = {}): WeeklyConfig {
  return {
    channels: [],
    cron: '0 9 * * 1',
    timezone: 'UTC',
    catchUpMs: 12 * 3_600_000,
    ...overrides,
  };
}

/** A weekly service over `store`, or a SQLite store in `dataDir`, posting through recording posters. */
export function makeWeeklyService(options: {
  dataDir?: string;
  store?: BotStore;
  clock: FakeClock;
  catalog: () => Catalog;
  posters?: RecordingPoster[];
  defaults?: WeeklyConfig;
  extra?: Partial<WeeklyServiceOptions>;
}): { service: WeeklyService; store: BotStore; posters: RecordingPoster[] } {
  const store =
    options.store ?? openSqliteStore(options.dataDir ?? makeDataDir(), () => options.clock.now());
  const posters = options.posters ?? [new RecordingPoster('slack'), new RecordingPoster('discord')];
  const service = new WeeklyService({
    store,
    catalog: options.catalog,
    posters: new Map(posters.map((poster) => [poster.platform, poster])),
    clock: options.clock,
    logger: pino({ level: 'silent' }),
    defaults: options.defaults ?? weeklyDefaults(),
    retryDelaysMs: [1_000, 5_000],
    ...options.extra,
  });
  return { service, store, posters };
}

/** Subscribes `channel` to Monday 09:00 posts in `timezone`, as a channel manager would. */
export async function subscribeMondays(
  store: BotStore,
  channel: string,
  timezone = 'UTC',
): Promise<void> {
  await store.saveSubscription({ channel, cron: '0 9 * * 1', timezone, source: 'command' });
}
