import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StartupError } from '../errors/startup-error.js';
import type {
  BotStore,
  ClaimResult,
  CycleState,
  PickResource,
  PostOutcome,
  PostRecord,
  Subscription,
} from './bot-store.js';
import { migrateSqlite } from './migrations.js';
import { SqlAnalyticsStore } from './sql-analytics-store.js';
import {
  type PostRow,
  type SubscriptionRow,
  toPostRecord,
  toSubscription,
  USED_STATUSES,
} from './rows.js';

/** The file name of the store inside `DATA_DIR`. */
export const STORE_FILE = 'devops-bot.sqlite';

/**
 * Opens (creating if needed) the SQLite store in `dataDir`, in WAL mode, migrated to the current
 * schema; `now` stamps records (tests pass their clock). A folder or file that cannot be used
 * throws a {@link StartupError} that says what to do.
 */
export function openSqliteStore(dataDir: string, now: () => Date = () => new Date()): BotStore {
  const file = path.join(dataDir, STORE_FILE);
  let db: Database.Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    migrateSqlite(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `Cannot open the store ${file}: ${reason}. Check that DATA_DIR (${dataDir}) is a writable folder and that the file is a devops-bot SQLite database (move a damaged one aside to start afresh).`,
      'STORE_UNAVAILABLE',
    );
  }
  return new SqliteStore(db, now);
}

// better-sqlite3 is synchronous: each method does its work at once and resolves with the result.
class SqliteStore implements BotStore {
  // Analytics runs a handful of fixed statements on every answer: each is prepared once.
  private readonly preparedStatements = new Map<string, Database.Statement>();

  readonly analytics = new SqlAnalyticsStore(async <Row>(sql: string, params: unknown[]) => {
    let statement = this.preparedStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.preparedStatements.set(sql, statement);
    }
    if (statement.reader) return statement.all(...params) as Row[];
    statement.run(...params);
    return [];
  });

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  private timestamp(): string {
    return this.now().toISOString();
  }

  async saveSubscription(
    subscription: Omit<Subscription, 'createdAt' | 'pausedReason'>,
  ): Promise<Subscription> {
    const now = this.timestamp();
    this.db
      .prepare(
        `INSERT INTO subscriptions (channel, cron, timezone, active, paused_reason, source, created_by, created_at, updated_at)
         VALUES (@channel, @cron, @timezone, 1, NULL, @source, @createdBy, @now, @now)
         ON CONFLICT (channel) DO UPDATE SET cron = @cron, timezone = @timezone, active = 1,
           paused_reason = NULL, source = @source, created_by = @createdBy, updated_at = @now`,
      )
      .run({ ...subscription, createdBy: subscription.createdBy ?? null, now });
    return (await this.getSubscription(subscription.channel))!;
  }

  async addConfiguredSubscription(channel: string, cron: string, timezone: string): Promise<void> {
    const now = this.timestamp();
    this.db
      .prepare(
        `INSERT INTO subscriptions (channel, cron, timezone, active, source, created_at, updated_at)
         VALUES (?, ?, ?, 1, 'config', ?, ?) ON CONFLICT (channel) DO NOTHING`,
      )
      .run(channel, cron, timezone, now, now);
  }

  async removeSubscription(channel: string): Promise<boolean> {
    const result = this.db
      .prepare(
        'UPDATE subscriptions SET active = 0, updated_at = ? WHERE channel = ? AND active = 1',
      )
      .run(this.timestamp(), channel);
    return result.changes > 0;
  }

  async getSubscription(channel: string): Promise<Subscription | undefined> {
    const row = this.db
      .prepare('SELECT * FROM subscriptions WHERE channel = ? AND active = 1')
      .get(channel) as SubscriptionRow | undefined;
    return row && toSubscription(row);
  }

  async activeSubscriptions(): Promise<Subscription[]> {
    const rows = this.db
      .prepare('SELECT * FROM subscriptions WHERE active = 1 ORDER BY channel')
      .all() as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  async pauseSubscription(channel: string, reason: string): Promise<void> {
    this.db
      .prepare('UPDATE subscriptions SET paused_reason = ?, updated_at = ? WHERE channel = ?')
      .run(reason, this.timestamp(), channel);
  }

  async claimSlot(
    channel: string,
    slot: string,
    claimant: string,
    choose: PickResource,
  ): Promise<ClaimResult> {
    const claim = this.db.transaction((): ClaimResult => {
      const existing = this.readPost(channel, slot);
      if (existing) return { claimed: false, record: existing };
      const state = this.readCycleState(channel);
      const pick = choose(state);
      if (!pick) return { claimed: false, record: undefined };
      if (pick.cycle !== state.cycle) {
        this.db
          .prepare(
            'INSERT INTO channel_cycles (channel, cycle) VALUES (?, ?) ON CONFLICT (channel) DO UPDATE SET cycle = excluded.cycle',
          )
          .run(channel, pick.cycle);
      }
      this.db
        .prepare(
          `INSERT INTO weekly_posts (channel, slot, cycle, resource_id, status, attempts, claimed_by, updated_at)
           VALUES (?, ?, ?, ?, 'claimed', 0, ?, ?)`,
        )
        .run(channel, slot, pick.cycle, pick.resourceId, claimant, this.timestamp());
      return { claimed: true, record: this.readPost(channel, slot)! };
    });
    // IMMEDIATE takes the write lock first, so two processes cannot both read "no record yet".
    return claim.immediate();
  }

  async finishPost(channel: string, slot: string, outcome: PostOutcome): Promise<void> {
    this.db
      .prepare(
        'UPDATE weekly_posts SET status = ?, attempts = ?, message_id = ?, error = ?, updated_at = ? WHERE channel = ? AND slot = ?',
      )
      .run(
        outcome.status,
        outcome.attempts,
        outcome.messageId ?? null,
        outcome.error ?? null,
        this.timestamp(),
        channel,
        slot,
      );
  }

  async recordMissed(channel: string, slot: string): Promise<boolean> {
    const { cycle } = this.readCycleState(channel);
    const result = this.db
      .prepare(
        `INSERT INTO weekly_posts (channel, slot, cycle, status, attempts, updated_at)
         VALUES (?, ?, ?, 'missed', 0, ?) ON CONFLICT (channel, slot) DO NOTHING`,
      )
      .run(channel, slot, cycle, this.timestamp());
    return result.changes > 0;
  }

  async getPost(channel: string, slot: string): Promise<PostRecord | undefined> {
    return this.readPost(channel, slot);
  }

  async markStaleClaims(before: Date): Promise<number> {
    return this.db
      .prepare(
        `UPDATE weekly_posts SET status = 'interrupted', updated_at = ? WHERE status = 'claimed' AND updated_at < ?`,
      )
      .run(this.timestamp(), before.toISOString()).changes;
  }

  async takeOverClaim(
    channel: string,
    slot: string,
    claimant: string,
    before: Date,
  ): Promise<PostRecord | undefined> {
    const result = this.db
      .prepare(
        `UPDATE weekly_posts SET status = 'claimed', claimed_by = ?, updated_at = ?
         WHERE channel = ? AND slot = ? AND status IN ('claimed', 'interrupted') AND updated_at <= ?`,
      )
      .run(claimant, this.timestamp(), channel, slot, before.toISOString());
    return result.changes > 0 ? this.getPost(channel, slot) : undefined;
  }

  async cycleState(channel: string): Promise<CycleState> {
    return this.readCycleState(channel);
  }

  async claimEvent(key: string, now: Date, ttlMs: number): Promise<boolean> {
    const claim = this.db.transaction((): boolean => {
      this.db.prepare('DELETE FROM seen_events WHERE expires_at <= ?').run(now.toISOString());
      const expires = new Date(now.getTime() + ttlMs).toISOString();
      return (
        this.db
          .prepare(
            'INSERT INTO seen_events (event_key, expires_at) VALUES (?, ?) ON CONFLICT (event_key) DO NOTHING',
          )
          .run(key, expires).changes > 0
      );
    });
    return claim.immediate();
  }

  async isOpen(): Promise<boolean> {
    return this.db.open;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private readPost(channel: string, slot: string): PostRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM weekly_posts WHERE channel = ? AND slot = ?')
      .get(channel, slot) as PostRow | undefined;
    return row && toPostRecord(row);
  }

  private readCycleState(channel: string): CycleState {
    const row = this.db
      .prepare('SELECT cycle FROM channel_cycles WHERE channel = ?')
      .get(channel) as { cycle: number } | undefined;
    const cycle = row?.cycle ?? 0;
    const used = this.db
      .prepare(
        `SELECT resource_id FROM weekly_posts WHERE channel = ? AND cycle = ? AND resource_id IS NOT NULL AND status IN ${USED_STATUSES}`,
      )
      .all(channel, cycle) as { resource_id: string }[];
    return { cycle, used: new Set(used.map((entry) => entry.resource_id)) };
  }
}
