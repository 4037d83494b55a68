import { randomUUID } from 'node:crypto';
import type { WeeklyConfig } from '../config.js';
import type { Catalog } from '../content/types.js';
import { topicRef } from '../engine/answer.js';
import type { Logger } from '../logger.js';
import type { WeeklyPoster } from '../platform/weekly-post.js';
import type { BotStore, PostRecord, Subscription } from '../store/bot-store.js';
import { splitChannelAddress } from './channel-address.js';
import type { Clock } from './clock.js';
import { nextSlots, previousSlot, type Schedule } from './schedule.js';
import { SlotDelivery, type SlotJob, type WeeklyFailureStage } from './slot-delivery.js';
import { nextInCycle } from './pick-resource.js';
import { previewPicks, type PreviewPick } from './weekly-preview.js';

/** What the weekly service needs. */
export interface WeeklyServiceOptions {
  store: BotStore;
  /** The catalog in use now (it changes when content is reloaded). */
  catalog: () => Catalog;
  posters: Map<string, WeeklyPoster>;
  clock: Clock;
  logger: Logger;
  defaults: WeeklyConfig;
  /** URLs the link checker found dead; they are never posted. */
  deadLinks?: () => ReadonlySet<string>;
  /** Waits between attempts of a failing post. */
  retryDelaysMs?: number[];
  /** Told of every post's outcome, for metrics. */
  onOutcome?: (status: PostRecord['status'] | 'skipped', platform: string) => void;
  /** Told of every failed claim, platform check, post or record write, for metrics. */
  onFailure?: (stage: WeeklyFailureStage, platform: string) => void;
}

const DEFAULT_RETRY_DELAYS_MS = [30_000, 120_000, 600_000];

/**
 * Posts the resource of the week to every subscribed channel on its schedule: each (channel,
 * slot) is claimed in the store before posting, so restarts and a second instance never post it
 * twice; a slot missed while down is posted on start if recent enough, else recorded as missed;
 * a slot an earlier process claimed but never recorded is finished after asking the platform.
 */
export class WeeklyService {
  private readonly timers = new Map<string, () => void>();
  // Bumped by each schedule() call, so a call that finishes reading the store after a newer one sets no timer.
  private readonly scheduleGenerations = new Map<string, number>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly instanceId = randomUUID();
  private stopping = false;
  private wakeRetries = new Set<() => void>();
  private readonly delays: number[];
  private readonly delivery: SlotDelivery;
  // Claims untouched since this process started (or took over a platform) belong to one gone.
  private startedAt: Date;

  constructor(private readonly options: WeeklyServiceOptions) {
    this.delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.startedAt = options.clock.now();
    this.delivery = new SlotDelivery({
      store: options.store,
      logger: options.logger,
      delays: this.delays,
      wait: (ms) => this.waitForRetry(ms),
      stopping: () => this.stopping,
      pause: async (channel, reason) => {
        await options.store.pauseSubscription(channel, reason);
        await this.schedule(channel);
      },
      ...(options.onOutcome && { onOutcome: options.onOutcome }),
      ...(options.onFailure && { onFailure: options.onFailure }),
    });
  }

  /** Subscribes configured channels, catches up what was missed, and schedules every channel. */
  async start(): Promise<void> {
    const { store, defaults, clock } = this.options;
    this.startedAt = clock.now();
    for (const channel of defaults.channels)
      await store.addConfiguredSubscription(channel, defaults.cron, defaults.timezone);
    for (const subscription of await store.activeSubscriptions()) {
      await this.catchUp(subscription);
      await this.schedule(subscription.channel);
    }
  }

  /**
   * Catches up the channels of `platform` when this process starts posting there after start-up
   * (it took over the platform's session from a replica that stopped): a recent slot no replica
   * could post is posted, and one the old holder left claimed is finished after asking.
   */
  async takeOver(platform: string): Promise<void> {
    this.startedAt = this.options.clock.now();
    for (const subscription of await this.options.store.activeSubscriptions()) {
      if (!this.stopping && splitChannelAddress(subscription.channel)?.platform === platform)
        await this.catchUp(subscription);
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
    return previewPicks({
      channel,
      schedule: await this.scheduleFor(channel),
      state: await this.options.store.cycleState(channel),
      resources: this.options.catalog().resources,
      dead: this.options.deadLinks?.() ?? new Set<string>(),
      from: this.options.clock.now(),
      weeks,
    });
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
    const target = this.target(channel);
    if (!target) return undefined;
    const catalog = this.options.catalog();
    const dead = this.options.deadLinks?.() ?? new Set<string>();
    const claim = await this.delivery.claim(
      channel,
      slotKey,
      this.instanceId,
      target.address.platform,
      (state) => {
        const pick = nextInCycle(channel, state, catalog.resources, dead);
        return pick && { cycle: pick.cycle, resourceId: pick.resource.id };
      },
    );
    if (!claim) return undefined;
    if (!claim.claimed) {
      this.options.onOutcome?.('skipped', target.address.platform);
      return claim.record;
    }
    return this.deliver(target, claim.record, slot, { mayBePosted: false, mayPost: true });
  }

  /** The platform and poster of a channel address, or undefined (logged) when it is not connected. */
  private target(channel: string) {
    const address = splitChannelAddress(channel);
    const poster = address && this.options.posters.get(address.platform);
    if (!address || !poster) {
      this.options.logger.warn(
        { channel },
        'weekly post skipped here: that platform is not connected in this process (with replicas, the one holding its gateway posts it)',
      );
      return undefined;
    }
    return { channel, address, poster };
  }

  private deliver(
    target: NonNullable<ReturnType<WeeklyService['target']>>,
    record: PostRecord,
    slot: Date,
    how: Pick<SlotJob, 'mayBePosted' | 'mayPost'>,
  ): Promise<PostRecord | undefined> {
    const catalog = this.options.catalog();
    const resource = record.resourceId ? catalog.resourcesById.get(record.resourceId) : undefined;
    const topic = resource && catalog.topicsById.get(resource.topicIds[0]!);
    const marker = { slot, slotKey: record.slot };
    return this.delivery.deliver({
      channel: target.channel,
      channelId: target.address.channelId,
      platform: target.address.platform,
      poster: target.poster,
      claim: record,
      post: resource && topic ? { resource, topic: topicRef(topic), ...marker } : undefined,
      slot: marker,
      ...how,
    });
  }

  /**
   * Finishes a slot an earlier process claimed but never recorded (it crashed, or stopped during
   * a retry wait): asks the platform, and posts only if it has no such message and it is not too
   * late.
   */
  private async recover(channel: string, slot: Date, mayPost: boolean): Promise<void> {
    const target = this.target(channel);
    if (!target) return;
    const record = await this.options.store.takeOverClaim(
      channel,
      slot.toISOString(),
      this.instanceId,
      this.startedAt,
    );
    if (!record) return;
    this.options.logger.warn(
      { channel, slot: record.slot, status: record.status },
      'weekly slot left unfinished by an earlier process; asking the platform whether it was posted',
    );
    await this.deliver(target, record, slot, { mayBePosted: true, mayPost });
  }

  private async catchUp(subscription: Subscription): Promise<void> {
    const { clock, defaults, store, logger } = this.options;
    if (subscription.pausedReason) return;
    const now = clock.now();
    const slot = previousSlot(subscription, now);
    if (!slot || slot < new Date(subscription.createdAt)) return;
    const recent = now.getTime() - slot.getTime() <= defaults.catchUpMs;
    const existing = await store.getPost(subscription.channel, slot.toISOString());
    if (existing?.status === 'claimed' || existing?.status === 'interrupted') {
      this.track(this.recover(subscription.channel, slot, recent));
      return;
    }
    if (existing) return;
    if (recent) {
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
      const platform = splitChannelAddress(subscription.channel)?.platform;
      if (platform) this.options.onOutcome?.('missed', platform);
    }
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
