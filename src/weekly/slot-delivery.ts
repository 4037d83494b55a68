import type { Logger } from '../logger.js';
import {
  ChannelUnavailableError,
  type WeeklyPost,
  type WeeklyPoster,
  type WeeklySlot,
} from '../platform/weekly-post.js';
import type {
  BotStore,
  ClaimResult,
  PickResource,
  PostOutcome,
  PostRecord,
} from '../store/bot-store.js';

/** Where a weekly delivery failed: claiming the slot, asking the platform, posting, or recording. */
export type WeeklyFailureStage = 'claim' | 'check' | 'post' | 'record';

/** What a delivery needs from the weekly service. */
export interface SlotDeliveryOptions {
  store: BotStore;
  logger: Logger;
  /** Waits between attempts; the last one is repeated while a record write keeps failing. */
  delays: number[];
  /** Waits `ms`, or less when the service stops. */
  wait: (ms: number) => Promise<void>;
  stopping: () => boolean;
  /** Pauses the channel's subscription after the platform refused the channel. */
  pause: (channel: string, reason: string) => Promise<void>;
  onOutcome?: (status: PostRecord['status'], platform: string) => void;
  onFailure?: (stage: WeeklyFailureStage, platform: string) => void;
}

/** One claimed (channel, slot) to deliver. */
export interface SlotJob {
  /** `platform:channelId`. */
  channel: string;
  channelId: string;
  platform: string;
  poster: WeeklyPoster;
  /** The record of the claim, from the store. */
  claim: PostRecord;
  /** What to post; undefined when the claimed resource is no longer in the catalog. */
  post: WeeklyPost | undefined;
  /** The slot, by which the platform finds the post. */
  slot: WeeklySlot;
  /** True when an earlier process may have posted it: the platform is asked first. */
  mayBePosted: boolean;
  /** False when it is too late to post: only a post found on the platform is recorded. */
  mayPost: boolean;
}

/**
 * Delivers one claimed slot at most once. A failed attempt may still have reached the platform
 * (a timeout), so every later attempt first asks the platform for the slot's post. Once the
 * platform has accepted the post it is never posted again: a failing record write is retried
 * with the message id kept here until it is written. A stop during a retry wait leaves the slot
 * `interrupted`, for the next start to finish the same way.
 */
export class SlotDelivery {
  constructor(private readonly options: SlotDeliveryOptions) {}

  /** Claims the slot, retrying a store that fails; undefined (logged) when it never answered. */
  async claim(
    channel: string,
    slotKey: string,
    claimant: string,
    platform: string,
    pick: PickResource,
  ): Promise<ClaimResult | undefined> {
    const { store, logger, delays } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        return await store.claimSlot(channel, slotKey, claimant, pick);
      } catch (error) {
        this.options.onFailure?.('claim', platform);
        const delay = delays[attempt - 1];
        if (delay === undefined || this.options.stopping()) {
          logger.error(
            { channel, slot: slotKey, attempts: attempt, err: error },
            'weekly slot could not be claimed; nothing was posted',
          );
          return undefined;
        }
        logger.warn(
          { channel, slot: slotKey, attempt, retryInMs: delay, err: error },
          'weekly slot could not be claimed; retrying',
        );
        await this.options.wait(delay);
      }
    }
  }

  /** Checks, posts and records the slot; resolves with what was recorded. */
  async deliver(job: SlotJob): Promise<PostRecord | undefined> {
    const { logger, delays } = this.options;
    const where = { channel: job.channel, slot: job.claim.slot };
    let lookFirst = job.mayBePosted;
    for (let attempt = 1; ; attempt++) {
      let stage: WeeklyFailureStage = 'check';
      try {
        const found = lookFirst ? await job.poster.findWeekly(job.channelId, job.slot) : undefined;
        if (found) {
          logger.info(
            { ...where, messageId: found },
            'weekly post found on the platform; not posting it again',
          );
          return this.record(job, { status: 'posted', attempts: attempt, messageId: found });
        }
        if (!job.mayPost || !job.post) {
          logger.warn(
            where,
            'weekly slot was interrupted and is too late to post; recorded as missed',
          );
          return this.record(job, { status: 'missed', attempts: attempt - 1 });
        }
        stage = 'post';
        const messageId = await job.poster.postWeekly(job.channelId, job.post);
        return this.record(job, { status: 'posted', attempts: attempt, messageId });
      } catch (error) {
        this.options.onFailure?.(stage, job.platform);
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof ChannelUnavailableError) {
          await this.options.pause(job.channel, error.reason);
          logger.warn(
            { ...where, reason: error.reason },
            'weekly subscription paused: the platform refused the channel',
          );
          return this.record(job, { status: 'failed', attempts: attempt, error: message });
        }
        const delay = delays[attempt - 1];
        const went = delay === undefined && stage === 'post' ? await this.lastLook(job) : undefined;
        if (went) return this.record(job, { status: 'posted', attempts: attempt, messageId: went });
        if (delay === undefined) {
          logger.error({ ...where, stage, attempts: attempt, err: error }, 'weekly post failed');
          return this.record(job, { status: 'failed', attempts: attempt, error: message });
        }
        if (this.options.stopping()) return this.interrupt(job, attempt, message);
        logger.warn(
          { ...where, stage, attempt, retryInMs: delay, error: message },
          'weekly post failed; retrying',
        );
        await this.options.wait(delay);
        if (this.options.stopping()) return this.interrupt(job, attempt, message);
        lookFirst = true;
      }
    }
  }

  private interrupt(
    job: SlotJob,
    attempts: number,
    error: string,
  ): Promise<PostRecord | undefined> {
    this.options.logger.warn(
      { channel: job.channel, slot: job.claim.slot, attempts },
      'weekly post interrupted by a stop; the next start asks the platform and posts it if needed',
    );
    return this.record(job, { status: 'interrupted', attempts, error });
  }

  /** Writes the outcome, retrying until it is written or the service stops; never posts again. */
  private async record(job: SlotJob, outcome: PostOutcome): Promise<PostRecord | undefined> {
    const { store, logger, delays } = this.options;
    const recorded = { ...job.claim, ...outcome };
    for (let attempt = 1; ; attempt++) {
      try {
        await store.finishPost(job.channel, job.claim.slot, outcome);
        this.options.onOutcome?.(outcome.status, job.platform);
        return recorded;
      } catch (error) {
        this.options.onFailure?.('record', job.platform);
        const fields = {
          channel: job.channel,
          slot: job.claim.slot,
          status: outcome.status,
          messageId: outcome.messageId,
          attempt,
          err: error,
        };
        if (this.options.stopping()) {
          logger.error(
            fields,
            'weekly outcome could not be recorded before the stop; the next start finds the post on the platform',
          );
          return undefined;
        }
        const delay = delays[Math.min(attempt, delays.length) - 1] ?? 1000;
        logger.error(
          { ...fields, retryInMs: delay },
          'weekly outcome could not be recorded; retrying the record (the post is not repeated)',
        );
        await this.options.wait(delay);
      }
    }
  }

  /** After a last post attempt that failed, whether it went through all the same. */
  private async lastLook(job: SlotJob): Promise<string | undefined> {
    try {
      return await job.poster.findWeekly(job.channelId, job.slot);
    } catch (error) {
      this.options.onFailure?.('check', job.platform);
      this.options.logger.warn(
        { channel: job.channel, slot: job.claim.slot, err: error },
        'weekly post could not be looked for after its last attempt',
      );
      return undefined;
    }
  }
}
