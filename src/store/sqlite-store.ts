import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StartupError } from '../app/startup-errors.js';
import type {
  BotStore,
  ClaimResult,
  CycleState,
  PickResource,
  PostRecord,
  Subscription,
} from './bot-store.js';
import { migrate } from './migrations.js';

/** The file name of the store inside `DATA_DIR`. */
export const STORE_FILE = 'devops-bot.sqlite';

interface PostRow {
  channel: string;
  slot: string;
  cycle: number;
  resource_id: string | null;
  status: PostRecord['status'];
  attempts: number;
  message_id: string | null;
  error: string | null;
}

interface SubscriptionRow {
  channel: string;
  cron: string;
  timezone: string;
  paused_reason: string | null;
  source: Subscription['source'];
  created_by: string | null;
  created_at: string;
}

/** Statuses after which a resource counts as shown in its cycle (an interrupted post may have gone out). */
const USED_STATUSES = "('claimed', 'posted', 'interrupted')";

/**
 * Opens (creating if needed) the SQLite store in `dataDir`, in WAL mode, migrated to the current
 * schema; `now` stamps records (tests pass their clock). A folder or file that cannot be used throws a {@link StartupError} that says what to do.
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
    migrate(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `Cannot open the store ${file}: ${reason}. Check that DATA_DIR (${dataDir}) is a writable folder and that the file is a devops-bot SQLite database (move a damaged one aside to start afresh).`,
      'STORE_UNAVAILABLE',
    );
  }
  return new SqliteStore(db, now);
}

class SqliteStore implements BotStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  private timestamp(): string {
    return this.now().toISOString();
  }

  saveSubscription(subscription: Omit<Subscription, 'createdAt' | 'pausedReason'>): Subscription {
    const now = this.timestamp();
    this.db
      .prepare(
        `INSERT INTO subscriptions (channel, cron, timezone, active, paused_reason, source, created_by, created_at, updated_at)
         VALUES (@channel, @cron, @timezone, 1, NULL, @source, @createdBy, @now, @now)
         ON CONFLICT (channel) DO UPDATE SET cron = @cron, timezone = @timezone, active = 1,
           paused_reason = NULL, source = @source, created_by = @createdBy, updated_at = @now`,
      )
      .run({ ...subscription, createdBy: subscription.createdBy ?? null, now });
    return this.getSubscription(subscription.channel)!;
  }

  addConfiguredSubscription(channel: string, cron: string, timezone: string): void {
    const now = this.timestamp();
    this.db
      .prepare(
        `INSERT INTO subscriptions (channel, cron, timezone, active, source, created_at, updated_at)
         VALUES (?, ?, ?, 1, 'config', ?, ?) ON CONFLICT (channel) DO NOTHING`,
      )
      .run(channel, cron, timezone, now, now);
  }

  removeSubscription(channel: string): boolean {
    const result = this.db
      .prepare(
        'UPDATE subscriptions SET active = 0, updated_at = ? WHERE channel = ? AND active = 1',
      )
      .run(this.timestamp(), channel);
    return result.changes > 0;
  }

  getSubscription(channel: string): Subscription | undefined {
    const row = this.db
      .prepare('SELECT * FROM subscriptions WHERE channel = ? AND active = 1')
      .get(channel) as SubscriptionRow | undefined;
    return row && toSubscription(row);
  }

  activeSubscriptions(): Subscription[] {
    const rows = this.db
      .prepare('SELECT * FROM subscriptions WHERE active = 1 ORDER BY channel')
      .all() as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  pauseSubscription(channel: string, reason: string): void {
    this.db
      .prepare('UPDATE subscriptions SET paused_reason = ?, updated_at = ? WHERE channel = ?')
      .run(reason, this.timestamp(), channel);
  }

  claimSlot(channel: string, slot: string, claimant: string, choose: PickResource): ClaimResult {
    const claim = this.db.transaction((): ClaimResult => {
      const existing = this.getPost(channel, slot);
      if (existing) return { claimed: false, record: existing };
      const state = this.cycleState(channel);
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
      return { claimed: true, record: this.getPost(channel, slot)! };
    });
    // IMMEDIATE takes the write lock first, so two processes cannot both read "no record yet".
    return claim.immediate();
  }

  finishPost(
    channel: string,
    slot: string,
    outcome: Pick<PostRecord, 'status' | 'attempts' | 'messageId' | 'error'>,
  ): void {
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

  recordMissed(channel: string, slot: string): boolean {
    const { cycle } = this.cycleState(channel);
    const result = this.db
      .prepare(
        `INSERT INTO weekly_posts (channel, slot, cycle, status, attempts, updated_at)
         VALUES (?, ?, ?, 'missed', 0, ?) ON CONFLICT (channel, slot) DO NOTHING`,
      )
      .run(channel, slot, cycle, this.timestamp());
    return result.changes > 0;
  }

  getPost(channel: string, slot: string): PostRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM weekly_posts WHERE channel = ? AND slot = ?')
      .get(channel, slot) as PostRow | undefined;
    return row && toPostRecord(row);
  }

  markStaleClaims(before: Date): number {
    return this.db
      .prepare(
        `UPDATE weekly_posts SET status = 'interrupted', updated_at = ? WHERE status = 'claimed' AND updated_at < ?`,
      )
      .run(this.timestamp(), before.toISOString()).changes;
  }

  cycleState(channel: string): CycleState {
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

  isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    this.db.close();
  }
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    channel: row.channel,
    cron: row.cron,
    timezone: row.timezone,
    source: row.source,
    createdAt: row.created_at,
    ...(row.paused_reason ? { pausedReason: row.paused_reason } : {}),
    ...(row.created_by ? { createdBy: row.created_by } : {}),
  };
}

function toPostRecord(row: PostRow): PostRecord {
  return {
    channel: row.channel,
    slot: row.slot,
    cycle: row.cycle,
    status: row.status,
    attempts: row.attempts,
    ...(row.resource_id ? { resourceId: row.resource_id } : {}),
    ...(row.message_id ? { messageId: row.message_id } : {}),
    ...(row.error ? { error: row.error } : {}),
  };
}
