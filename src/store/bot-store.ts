import type { AnalyticsStore } from './analytics-store.js';

/** A channel subscribed to the resource of the week. */
export interface Subscription {
  /** `platform:channelId`, e.g. `slack:C0123`. */
  channel: string;
  cron: string;
  timezone: string;
  /** Set when the platform refused the channel (bot removed, channel deleted); no posts until resubscribed. */
  pausedReason?: string;
  source: 'command' | 'config';
  createdBy?: string;
  createdAt: string;
}

/** What happened to one (channel, slot). */
export type PostStatus = 'claimed' | 'posted' | 'failed' | 'missed' | 'interrupted';

/** The record of one scheduled (or manual) post. */
export interface PostRecord {
  channel: string;
  /** The scheduled instant as ISO text, or `manual:ISO` for a post asked for by hand. */
  slot: string;
  cycle: number;
  resourceId?: string;
  status: PostStatus;
  attempts: number;
  messageId?: string;
  error?: string;
}

/** What to post and in which cycle of the catalog it counts, chosen from the channel's cycle state. */
export interface CyclePick {
  cycle: number;
  resourceId: string;
}

/** Chooses the next resource for a channel from where it stands in its cycle; undefined for nothing. */
export type PickResource = (state: CycleState) => CyclePick | undefined;

/** The result of claiming a slot: only the claimer posts, and only once. */
export type ClaimResult =
  { claimed: true; record: PostRecord } | { claimed: false; record: PostRecord | undefined };

/** A channel's place in its cycle through the catalog. */
export interface CycleState {
  cycle: number;
  used: Set<string>;
}

/** The fields a finished (or failed) post records. */
export type PostOutcome = Pick<PostRecord, 'status' | 'attempts' | 'messageId' | 'error'>;

/**
 * Everything the bot keeps between runs, shared by every process that opens the same store.
 * Claims are atomic across those processes, so a restart or another replica never posts a slot
 * twice. Every method is asynchronous: one implementation is a network database.
 */
export interface BotStore {
  saveSubscription(
    subscription: Omit<Subscription, 'createdAt' | 'pausedReason'>,
  ): Promise<Subscription>;
  /** Subscribes a configured channel unless the channel already has a record (even an unsubscribed one). */
  addConfiguredSubscription(channel: string, cron: string, timezone: string): Promise<void>;
  removeSubscription(channel: string): Promise<boolean>;
  getSubscription(channel: string): Promise<Subscription | undefined>;
  activeSubscriptions(): Promise<Subscription[]>;
  pauseSubscription(channel: string, reason: string): Promise<void>;

  /**
   * Atomically records that this process posts `slot` in `channel`, with the resource `pick`
   * chooses from the channel's cycle state (a pick in a later cycle moves the channel to it).
   * Nothing is claimed if `pick` finds nothing.
   */
  claimSlot(
    channel: string,
    slot: string,
    claimant: string,
    pick: PickResource,
  ): Promise<ClaimResult>;
  finishPost(channel: string, slot: string, outcome: PostOutcome): Promise<void>;
  /** Records a slot that passed while the bot was down, unless it already has a record. */
  recordMissed(channel: string, slot: string): Promise<boolean>;
  getPost(channel: string, slot: string): Promise<PostRecord | undefined>;
  /** Marks claims older than `before` that never finished: they may or may not have been posted. */
  markStaleClaims(before: Date): Promise<number>;
  cycleState(channel: string): Promise<CycleState>;
  /**
   * Atomically hands a slot left `claimed` or `interrupted` by an earlier process to `claimant`
   * and returns its record: only a claim untouched since `before` (the taker's start), so of
   * several processes taking over one slot, one gets it. Undefined when the slot has no record,
   * another status, or was touched since.
   */
  takeOverClaim(
    channel: string,
    slot: string,
    claimant: string,
    before: Date,
  ): Promise<PostRecord | undefined>;

  /**
   * True the first time `key` is seen within `ttlMs` of `now` (an inbound event to act on), false
   * for a repeat (a platform retry, or the same event delivered to another replica). Entries
   * older than their time to live are purged.
   */
  claimEvent(key: string, now: Date, ttlMs: number): Promise<boolean>;

  /** Questions, votes and suggestions, for the curator's report. */
  readonly analytics: AnalyticsStore;

  /** False once closed or when the database does not answer (for the readiness probe). */
  isOpen(): Promise<boolean>;
  close(): Promise<void>;
}
