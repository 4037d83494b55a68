import { randomUUID } from 'node:crypto';
import type { WeeklyConfig } from '../config.js';
import type { Catalog, Resource } from '../content/types.js';
import { topicRef } from '../engine/answer.js';
import type { Logger } from '../logger.js';
import { ChannelUnavailableError, type WeeklyPoster } from '../platform/weekly-post.js';
import type { BotStore, PostOutcome, PostRecord, Subscription } from '../store/bot-store.js';
import { parseChannelAddress, type WeeklyPlatform } from './channel-address.js';
import type { Clock } from './clock.js';
import { nextInCycle } from './pick-resource.js';
import { nextSlots, previousSlot, type Schedule } from './schedule.js';

/** What the weekly service needs. */
export interface WeeklyServiceOptions {
  store: BotStore;
  /** The catalog in use now (it changes when content is reloaded). */
  catalog: () => Catalog;
  posters: Map<WeeklyPlatform, WeeklyPoster>;
  clock: Clock;
  logger: Logger;
  defaults: WeeklyConfig;
  /** URLs the link checker found dead; they are never posted. */
  deadLinks?: () => ReadonlySet<string>;
  /** Waits between attempts of a failing post. */
  retryDelaysMs?: number[];
  /** Told of every post's outcome, for metrics. */
  onOutcome?: (status: PostRecord['status'] | 'skipped', platform: WeeklyPlatform) => void;
}

/** A pick shown by a preview: when, and what. */
export interface PreviewPick {
  slot: Date;
  resource: Resource;
}

const DEFAULT_RETRY_DELAYS_MS = [30_000, 120_000, 600_000];
// A claim this old that never finished belongs to a process that died mid-post.
const STALE_CLAIM_MS = 30 * 60_000;

/**
 * Posts the resource of the week to every subscribed channel on its schedule: each (channel,
 * slot) is claimed in the store before posting, so restarts and a second instance never post it
 * twice; a slot missed while down is posted on start if recent enough, else recorded as missed.
 */
export class WeeklyService {
  private readonly timers = new Map<string, () => void>();
  // Bumped by each schedule() call, so a call that finishes reading the store after a newer one sets no timer.
  private readonly scheduleGenerations = new Map<string, number>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly instanceId = randomUUID();
  private stopping = false;
  private wakeRetries = new Set<() => void>();

  constructor(private readonly options: WeeklyServiceOptions) {}

  /** Subscribes configured channels, catches up what was missed, and schedules every channel. */
  async start(): Promise<void> {
    const { store, defaults, clock, logger } = this.options;
    for (const channel of defaults.channels)
      await store.addConfiguredSubscription(channel, defaults.cron, defaults.timezone);
    const interrupted = await store.markStaleClaims(
      new Date(clock.now().getTime() - STALE_CLAIM_MS),
    );
    if (interrupted > 0)
      logger.warn({ interrupted }, 'weekly posts interrupted by an earlier stop were not retried');
    for (const subscription of await store.activeSubscriptions()) {
      await this.catchUp(subscription);
      await this.schedule(subscription.channel);
    }
  }

  /** Stops scheduling, cuts retry waits short, and waits for posts in flight. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    for (const wake of this.wakeRetries) wake();
    await this.whenIdle();
  }

  /** Resolves when no post is in flight. */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** (Re)schedules one channel after its subscription changed; unsubscribed or paused channels get no timer. */
  async schedule(channel: string): Promise<void> {
    const generation = (this.scheduleGenerations.get(channel) ?? 0) + 1;
    this.scheduleGenerations.set(channel, generation);
    this.timers.get(channel)?.();
    this.timers.delete(channel);
    const subscription = await this.options.store.getSubscription(channel);
    if (this.scheduleGenerations.get(channel) !== generation) return;
    if (this.stopping || !subscription || subscription.pausedReason) return;
    const [slot] = nextSlots(subscription, this.options.clock.now(), 1);
    if (!slot) return;
    const cancel = this.options.clock.setTimer(slot, () => {
      this.timers.delete(channel);
      this.track(this.runSlot(channel, slot));
      this.track(this.schedule(channel)).catch((error: unknown) =>
        this.options.logger.error({ channel, err: error }, 'weekly schedule could not be read'),
      );
    });
    this.timers.set(channel, cancel);
  }

  /** When the channel's next post is due, if it is subscribed and not paused. */
  async nextPost(channel: string): Promise<Date | undefined> {
    const subscription = await this.options.store.getSubscription(channel);
    if (!subscription || subscription.pausedReason) return undefined;
    return nextSlots(subscription, this.options.clock.now(), 1)[0];
  }

  /** The channel's schedule: its subscription's, else the configured default. */
  async scheduleFor(channel: string): Promise<Schedule> {
    return (await this.options.store.getSubscription(channel)) ?? this.options.defaults;
  }

  /** The next `weeks` picks and their dates, without posting or recording anything. */
  async preview(channel: string, weeks: number): Promise<PreviewPick[]> {
    const { store, clock } = this.options;
    const schedule = await this.scheduleFor(channel);
    const resources = this.options.catalog().resources;
    const dead = this.options.deadLinks?.() ?? new Set<string>();
    let state = await store.cycleState(channel);
    const picks: PreviewPick[] = [];
    for (const slot of nextSlots(schedule, clock.now(), weeks)) {
      const pick = nextInCycle(channel, state, resources, dead);
      if (!pick) break;
      const used = pick.cycle === state.cycle ? state.used : new Set<string>();
      state = { cycle: pick.cycle, used: new Set([...used, pick.resource.id]) };
      picks.push({ slot, resource: pick.resource });
    }
    return picks;
  }

  /** Posts to a channel now, outside its schedule (a first try); recorded like a scheduled post. */
  postNow(channel: string): Promise<PostRecord | undefined> {
    const now = this.options.clock.now();
    return this.track(this.runSlot(channel, now, `manual:${now.toISOString()}`));
  }

  /** Claims, picks and posts one slot, retrying failures; resolves with what was recorded. */
  async runSlot(
    channel: string,
    slot: Date,
    slotKey = slot.toISOString(),
  ): Promise<PostRecord | undefined> {
    const { store, logger } = this.options;
    const address = parseChannelAddress(channel);
    const poster = address && this.options.posters.get(address.platform);
    if (!address || !poster) {
      logger.warn({ channel }, 'weekly post skipped: that platform is not connected');
      return undefined;
    }
    const catalog = this.options.catalog();
    const dead = this.options.deadLinks?.() ?? new Set<string>();
    const claim = await store.claimSlot(channel, slotKey, this.instanceId, (state) => {
      const pick = nextInCycle(channel, state, catalog.resources, dead);
      return pick && { cycle: pick.cycle, resourceId: pick.resource.id };
    });
    if (!claim.claimed) {
      this.options.onOutcome?.('skipped', address.platform);
      return claim.record;
    }
    const resource = catalog.resourcesById.get(claim.record.resourceId!)!;
    const topic = catalog.topicsById.get(resource.topicIds[0]!)!;
    const post = { resource, topic: topicRef(topic), slot };
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        const messageId = await poster.postWeekly(address.channelId, post);
        return this.finish(channel, slotKey, address.platform, {
          status: 'posted',
          attempts: attempt,
          messageId,
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof ChannelUnavailableError) {
          await store.pauseSubscription(channel, error.reason);
          await this.schedule(channel);
          logger.warn(
            { channel, reason: error.reason },
            'weekly subscription paused: the platform refused the channel',
          );
          return this.finish(channel, slotKey, address.platform, {
            status: 'failed',
            attempts: attempt,
            error: message,
          });
        }
        const delay = delays[attempt - 1];
        if (delay === undefined || this.stopping) {
          logger.error(
            { channel, slot: slotKey, attempts: attempt, err: error },
            'weekly post failed',
          );
          return this.finish(channel, slotKey, address.platform, {
            status: 'failed',
            attempts: attempt,
            error: message,
          });
        }
        logger.warn(
          { channel, slot: slotKey, attempt, retryInMs: delay, error: message },
          'weekly post failed; retrying',
        );
        await this.waitForRetry(delay);
      }
    }
  }

  private async catchUp(subscription: Subscription): Promise<void> {
    const { clock, defaults, store, logger } = this.options;
    if (subscription.pausedReason) return;
    const now = clock.now();
    const slot = previousSlot(subscription, now);
    if (
      !slot ||
      slot < new Date(subscription.createdAt) ||
      (await store.getPost(subscription.channel, slot.toISOString()))
    )
      return;
    if (now.getTime() - slot.getTime() <= defaults.catchUpMs) {
      logger.info(
        { channel: subscription.channel, slot },
        'posting a weekly slot missed while the bot was down',
      );
      this.track(this.runSlot(subscription.channel, slot));
    } else if (await store.recordMissed(subscription.channel, slot.toISOString())) {
      logger.warn(
        { channel: subscription.channel, slot },
        'weekly slot missed while the bot was down (too late to catch up)',
      );
      const platform = parseChannelAddress(subscription.channel)?.platform;
      if (platform) this.options.onOutcome?.('missed', platform);
    }
  }

  private async finish(
    channel: string,
    slotKey: string,
    platform: WeeklyPlatform,
    outcome: PostOutcome,
  ): Promise<PostRecord | undefined> {
    await this.options.store.finishPost(channel, slotKey, outcome);
    this.options.onOutcome?.(outcome.status, platform);
    return this.options.store.getPost(channel, slotKey);
  }

  private waitForRetry(delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        cancel();
        this.wakeRetries.delete(wake);
        resolve();
      };
      const cancel = this.options.clock.setTimer(
        new Date(this.options.clock.now().getTime() + delayMs),
        wake,
      );
      this.wakeRetries.add(wake);
    });
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }
}
