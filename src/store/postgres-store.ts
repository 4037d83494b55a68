import pg from 'pg';
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
import { migratePostgres } from './postgres-migrations.js';
import { SqlAnalyticsStore } from './sql-analytics-store.js';
import {
  type PostRow,
  type SubscriptionRow,
  toPostRecord,
  toSubscription,
  USED_STATUSES,
} from './rows.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

/**
 * Connects to the PostgreSQL database at `url` (`DATABASE_URL`) and migrates it to the current
 * schema under an advisory lock, so several replicas may start at once; `now` stamps records.
 * A database that cannot be reached or migrated throws a {@link StartupError} naming the server
 * (never the password).
 */
export async function openPostgresStore(
  url: string,
  now: () => Date = () => new Date(),
): Promise<BotStore> {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // A connection lost while idle is replaced on next use; failing queries reject on their own.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `Cannot use the PostgreSQL database ${describeDatabase(url)}: ${reason}. Check DATABASE_URL (postgres://USER:PASSWORD@HOST:PORT/DATABASE), that the server is reachable and that the user may create tables; unset DATABASE_URL to keep state in SQLite under DATA_DIR.`,
      'STORE_UNAVAILABLE',
    );
  }
  return new PostgresStore(pool, now);
}

/** `host:port/database` from a connection URL, without user or password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return '(DATABASE_URL is not a URL)';
  }
}

class PostgresStore implements BotStore {
  private closed = false;
  readonly analytics = new SqlAnalyticsStore(async <Row>(sql: string, params: unknown[]) => {
    let placeholder = 0;
    const numbered = sql.replace(/\?/g, () => `$${++placeholder}`);
    return (await this.pool.query(numbered, params)).rows as Row[];
  });

  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
  ) {}

  private timestamp(): string {
    return this.now().toISOString();
  }

  async saveSubscription(
    subscription: Omit<Subscription, 'createdAt' | 'pausedReason'>,
  ): Promise<Subscription> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      `INSERT INTO subscriptions (channel, cron, timezone, active, paused_reason, source, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, 1, NULL, $4, $5, $6, $6)
       ON CONFLICT (channel) DO UPDATE SET cron = $2, timezone = $3, active = 1,
         paused_reason = NULL, source = $4, created_by = $5, updated_at = $6
       RETURNING *`,
      [
        subscription.channel,
        subscription.cron,
        subscription.timezone,
        subscription.source,
        subscription.createdBy ?? null,
        this.timestamp(),
      ],
    );
    return toSubscription(rows[0]!);
  }

  async addConfiguredSubscription(channel: string, cron: string, timezone: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO subscriptions (channel, cron, timezone, active, source, created_at, updated_at)
       VALUES ($1, $2, $3, 1, 'config', $4, $4) ON CONFLICT (channel) DO NOTHING`,
      [channel, cron, timezone, this.timestamp()],
    );
  }

  async removeSubscription(channel: string): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE subscriptions SET active = 0, updated_at = $1 WHERE channel = $2 AND active = 1',
      [this.timestamp(), channel],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async getSubscription(channel: string): Promise<Subscription | undefined> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE channel = $1 AND active = 1',
      [channel],
    );
    return rows[0] && toSubscription(rows[0]);
  }

  async activeSubscriptions(): Promise<Subscription[]> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE active = 1 ORDER BY channel',
    );
    return rows.map(toSubscription);
  }

  async pauseSubscription(channel: string, reason: string): Promise<void> {
    await this.pool.query(
      'UPDATE subscriptions SET paused_reason = $1, updated_at = $2 WHERE channel = $3',
      [reason, this.timestamp(), channel],
    );
  }

  async claimSlot(
    channel: string,
    slot: string,
    claimant: string,
    choose: PickResource,
  ): Promise<ClaimResult> {
    return this.inTransaction(async (client) => {
      // One claim per channel at a time across replicas: the cycle state read below stays true until commit.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('devops-bot weekly ' || $1))", [
        channel,
      ]);
      const existing = await readPost(client, channel, slot);
      if (existing) return { claimed: false, record: existing };
      const state = await readCycleState(client, channel);
      const pick = choose(state);
      if (!pick) return { claimed: false, record: undefined };
      if (pick.cycle !== state.cycle) {
        await client.query(
          'INSERT INTO channel_cycles (channel, cycle) VALUES ($1, $2) ON CONFLICT (channel) DO UPDATE SET cycle = excluded.cycle',
          [channel, pick.cycle],
        );
      }
      const { rows } = await client.query<PostRow>(
        `INSERT INTO weekly_posts (channel, slot, cycle, resource_id, status, attempts, claimed_by, updated_at)
         VALUES ($1, $2, $3, $4, 'claimed', 0, $5, $6) RETURNING *`,
        [channel, slot, pick.cycle, pick.resourceId, claimant, this.timestamp()],
      );
      return { claimed: true, record: toPostRecord(rows[0]!) };
    });
  }

  async finishPost(channel: string, slot: string, outcome: PostOutcome): Promise<void> {
    await this.pool.query(
      'UPDATE weekly_posts SET status = $1, attempts = $2, message_id = $3, error = $4, updated_at = $5 WHERE channel = $6 AND slot = $7',
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
    const { cycle } = await readCycleState(this.pool, channel);
    const result = await this.pool.query(
      `INSERT INTO weekly_posts (channel, slot, cycle, status, attempts, updated_at)
       VALUES ($1, $2, $3, 'missed', 0, $4) ON CONFLICT (channel, slot) DO NOTHING`,
      [channel, slot, cycle, this.timestamp()],
    );
    return (result.rowCount ?? 0) > 0;
  }

  getPost(channel: string, slot: string): Promise<PostRecord | undefined> {
    return readPost(this.pool, channel, slot);
  }

  async markStaleClaims(before: Date): Promise<number> {
    const result = await this.pool.query(
      `UPDATE weekly_posts SET status = 'interrupted', updated_at = $1 WHERE status = 'claimed' AND updated_at < $2`,
      [this.timestamp(), before.toISOString()],
    );
    return result.rowCount ?? 0;
  }

  async takeOverClaim(
    channel: string,
    slot: string,
    claimant: string,
    before: Date,
  ): Promise<PostRecord | undefined> {
    const result = await this.pool.query(
      `UPDATE weekly_posts SET status = 'claimed', claimed_by = $1, updated_at = $2
       WHERE channel = $3 AND slot = $4 AND status IN ('claimed', 'interrupted') AND updated_at <= $5`,
      [claimant, this.timestamp(), channel, slot, before.toISOString()],
    );
    return (result.rowCount ?? 0) > 0 ? this.getPost(channel, slot) : undefined;
  }

  cycleState(channel: string): Promise<CycleState> {
    return readCycleState(this.pool, channel);
  }

  async claimEvent(key: string, now: Date, ttlMs: number): Promise<boolean> {
    await this.pool.query('DELETE FROM seen_events WHERE expires_at <= $1', [now.toISOString()]);
    const result = await this.pool.query(
      'INSERT INTO seen_events (event_key, expires_at) VALUES ($1, $2) ON CONFLICT (event_key) DO NOTHING',
      [key, new Date(now.getTime() + ttlMs).toISOString()],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async isOpen(): Promise<boolean> {
    if (this.closed) return false;
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A connection that failed mid-transaction is dropped rather than reused.
      client.release(error instanceof Error ? error : true);
      throw error;
    }
  }
}

async function readPost(
  db: Queryable,
  channel: string,
  slot: string,
): Promise<PostRecord | undefined> {
  const { rows } = await db.query<PostRow>(
    'SELECT * FROM weekly_posts WHERE channel = $1 AND slot = $2',
    [channel, slot],
  );
  return rows[0] && toPostRecord(rows[0]);
}

async function readCycleState(db: Queryable, channel: string): Promise<CycleState> {
  const cycles = await db.query<{ cycle: number }>(
    'SELECT cycle FROM channel_cycles WHERE channel = $1',
    [channel],
  );
  const cycle = cycles.rows[0]?.cycle ?? 0;
  const used = await db.query<{ resource_id: string }>(
    `SELECT resource_id FROM weekly_posts WHERE channel = $1 AND cycle = $2 AND resource_id IS NOT NULL AND status IN ${USED_STATUSES}`,
    [channel, cycle],
  );
  return { cycle, used: new Set(used.rows.map((entry) => entry.resource_id)) };
}
