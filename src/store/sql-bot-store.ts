import type {
  BotStore,
  ClaimResult,
  CycleState,
  PickResource,
  PostOutcome,
  PostRecord,
  Subscription,
} from './bot-store.js';
import {
  type PostRow,
  type SubscriptionRow,
  toPostRecord,
  toSubscription,
  USED_STATUSES,
} from './rows.js';
import { SqlAnalyticsStore } from './sql-analytics-store.js';
import { type SqlDatabase, type SqlSteps, statement } from './sql-database.js';

/**
 * The bot's store over either database, through its {@link SqlDatabase}: one set of SQL for
 * SQLite and PostgreSQL. Instants are kept as ISO-8601 UTC text stamped by `now`.
 */
export class SqlBotStore implements BotStore {
  readonly analytics: SqlAnalyticsStore;

  constructor(
    private readonly database: SqlDatabase,
    private readonly now: () => Date,
  ) {
    this.analytics = new SqlAnalyticsStore(database);
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  async saveSubscription(
    subscription: Omit<Subscription, 'createdAt' | 'pausedReason'>,
  ): Promise<Subscription> {
    const { channel, cron, timezone, source } = subscription;
    const createdBy = subscription.createdBy ?? null;
    const now = this.timestamp();
    const { rows } = await this.database.run<SubscriptionRow>(
      `INSERT INTO subscriptions (channel, cron, timezone, active, paused_reason, source, created_by, created_at, updated_at)
       VALUES (?, ?, ?, 1, NULL, ?, ?, ?, ?)
       ON CONFLICT (channel) DO UPDATE SET cron = excluded.cron, timezone = excluded.timezone, active = 1,
         paused_reason = NULL, source = excluded.source, created_by = excluded.created_by,
         updated_at = excluded.updated_at
       RETURNING *`,
      [channel, cron, timezone, source, createdBy, now, now],
    );
    return toSubscription(rows[0]!);
  }

  async addConfiguredSubscription(channel: string, cron: string, timezone: string): Promise<void> {
    const now = this.timestamp();
    await this.database.run(
      `INSERT INTO subscriptions (channel, cron, timezone, active, source, created_at, updated_at)
       VALUES (?, ?, ?, 1, 'config', ?, ?) ON CONFLICT (channel) DO NOTHING`,
      [channel, cron, timezone, now, now],
    );
  }

  async removeSubscription(channel: string): Promise<boolean> {
    const { changes } = await this.database.run(
      'UPDATE subscriptions SET active = 0, updated_at = ? WHERE channel = ? AND active = 1',
      [this.timestamp(), channel],
    );
    return changes > 0;
  }

  async getSubscription(channel: string): Promise<Subscription | undefined> {
    const { rows } = await this.database.run<SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE channel = ? AND active = 1',
      [channel],
    );
    return rows[0] && toSubscription(rows[0]);
  }

  async activeSubscriptions(): Promise<Subscription[]> {
    const { rows } = await this.database.run<SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE active = 1 ORDER BY channel',
    );
    return rows.map(toSubscription);
  }

  async pauseSubscription(channel: string, reason: string): Promise<void> {
    await this.database.run(
      'UPDATE subscriptions SET paused_reason = ?, updated_at = ? WHERE channel = ?',
      [reason, this.timestamp(), channel],
    );
  }

  claimSlot(
    channel: string,
    slot: string,
    claimant: string,
    choose: PickResource,
  ): Promise<ClaimResult> {
    // One claim per channel at a time across processes: the cycle state read here stays true until commit.
    return this.database.transaction(
      this.claimSteps(channel, slot, claimant, choose),
      `devops-bot weekly ${channel}`,
    );
  }

  private *claimSteps(
    channel: string,
    slot: string,
    claimant: string,
    choose: PickResource,
  ): SqlSteps<ClaimResult> {
    const existing = yield* readPost(channel, slot);
    if (existing) return { claimed: false, record: existing };
    const state = yield* readCycleState(channel);
    const pick = choose(state);
    if (!pick) return { claimed: false, record: undefined };
    if (pick.cycle !== state.cycle) {
      yield* statement(
        'INSERT INTO channel_cycles (channel, cycle) VALUES (?, ?) ON CONFLICT (channel) DO UPDATE SET cycle = excluded.cycle',
        [channel, pick.cycle],
      );
    }
    const { rows } = yield* statement<PostRow>(
      `INSERT INTO weekly_posts (channel, slot, cycle, resource_id, status, attempts, claimed_by, updated_at)
       VALUES (?, ?, ?, ?, 'claimed', 0, ?, ?) RETURNING *`,
      [channel, slot, pick.cycle, pick.resourceId, claimant, this.timestamp()],
    );
    return { claimed: true, record: toPostRecord(rows[0]!) };
  }

  async finishPost(channel: string, slot: string, outcome: PostOutcome): Promise<void> {
    await this.database.run(
      'UPDATE weekly_posts SET status = ?, attempts = ?, message_id = ?, error = ?, updated_at = ? WHERE channel = ? AND slot = ?',
      [
        outcome.status,
        outcome.attempts,
        outcome.messageId ?? null,
        outcome.error ?? null,
        this.timestamp(),
        channel,
        slot,
      ],
    );
  }

  async recordMissed(channel: string, slot: string): Promise<boolean> {
    const { cycle } = await this.database.perform(readCycleState(channel));
    const { changes } = await this.database.run(
      `INSERT INTO weekly_posts (channel, slot, cycle, status, attempts, updated_at)
       VALUES (?, ?, ?, 'missed', 0, ?) ON CONFLICT (channel, slot) DO NOTHING`,
      [channel, slot, cycle, this.timestamp()],
    );
    return changes > 0;
  }

  getPost(channel: string, slot: string): Promise<PostRecord | undefined> {
    return this.database.perform(readPost(channel, slot));
  }

  async markStaleClaims(before: Date): Promise<number> {
    const { changes } = await this.database.run(
      `UPDATE weekly_posts SET status = 'interrupted', updated_at = ? WHERE status = 'claimed' AND updated_at < ?`,
      [this.timestamp(), before.toISOString()],
    );
    return changes;
  }

  async takeOverClaim(
    channel: string,
    slot: string,
    claimant: string,
    before: Date,
  ): Promise<PostRecord | undefined> {
    const { rows } = await this.database.run<PostRow>(
      `UPDATE weekly_posts SET status = 'claimed', claimed_by = ?, updated_at = ?
       WHERE channel = ? AND slot = ? AND status IN ('claimed', 'interrupted') AND updated_at <= ?
       RETURNING *`,
      [claimant, this.timestamp(), channel, slot, before.toISOString()],
    );
    return rows[0] && toPostRecord(rows[0]);
  }

  cycleState(channel: string): Promise<CycleState> {
    return this.database.perform(readCycleState(channel));
  }

  claimEvent(key: string, now: Date, ttlMs: number): Promise<boolean> {
    return this.database.transaction(claimEventSteps(key, now, ttlMs));
  }

  isOpen(): Promise<boolean> {
    return this.database.isOpen();
  }

  close(): Promise<void> {
    return this.database.close();
  }
}

function* readPost(channel: string, slot: string): SqlSteps<PostRecord | undefined> {
  const { rows } = yield* statement<PostRow>(
    'SELECT * FROM weekly_posts WHERE channel = ? AND slot = ?',
    [channel, slot],
  );
  return rows[0] && toPostRecord(rows[0]);
}

function* readCycleState(channel: string): SqlSteps<CycleState> {
  const cycles = yield* statement<{ cycle: number }>(
    'SELECT cycle FROM channel_cycles WHERE channel = ?',
    [channel],
  );
  const cycle = cycles.rows[0]?.cycle ?? 0;
  const used = yield* statement<{ resource_id: string }>(
    `SELECT resource_id FROM weekly_posts WHERE channel = ? AND cycle = ? AND resource_id IS NOT NULL AND status IN ${USED_STATUSES}`,
    [channel, cycle],
  );
  return { cycle, used: new Set(used.rows.map((entry) => entry.resource_id)) };
}

function* claimEventSteps(key: string, now: Date, ttlMs: number): SqlSteps<boolean> {
  yield* statement('DELETE FROM seen_events WHERE expires_at <= ?', [now.toISOString()]);
  const { changes } = yield* statement(
    'INSERT INTO seen_events (event_key, expires_at) VALUES (?, ?) ON CONFLICT (event_key) DO NOTHING',
    [key, new Date(now.getTime() + ttlMs).toISOString()],
  );
  return changes > 0;
}
