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

/**
 * Everything the bot keeps between runs. Claims are atomic across processes sharing the store,
 * so a restart or a second instance never posts a slot twice.
 */
export interface BotStore {
  saveSubscription(subscription: Omit<Subscription, 'createdAt' | 'pausedReason'>): Subscription;
  /** Subscribes a configured channel unless the channel already has a record (even an unsubscribed one). */
  addConfiguredSubscription(channel: string, cron: string, timezone: string): void;
  removeSubscription(channel: string): boolean;
  getSubscription(channel: string): Subscription | undefined;
  activeSubscriptions(): Subscription[];
  pauseSubscription(channel: string, reason: string): void;

  /**
   * Atomically records that this process posts `slot` in `channel`, with the resource `pick`
   * chooses from the channel's cycle state (a pick in a later cycle moves the channel to it).
   * Nothing is claimed if `pick` finds nothing.
   */
  claimSlot(channel: string, slot: string, claimant: string, pick: PickResource): ClaimResult;
  finishPost(
    channel: string,
    slot: string,
    outcome: Pick<PostRecord, 'status' | 'attempts' | 'messageId' | 'error'>,
  ): void;
  /** Records a slot that passed while the bot was down, unless it already has a record. */
  recordMissed(channel: string, slot: string): boolean;
  getPost(channel: string, slot: string): PostRecord | undefined;
  /** Marks claims older than `before` that never finished: they may or may not have been posted. */
  markStaleClaims(before: Date): number;
  cycleState(channel: string): CycleState;
  /** False once closed (for the readiness probe). */
  isOpen(): boolean;
  close(): void;
}
