import pg from 'pg';
import { StartupError } from '../errors/startup-error.js';
import type { BotStore } from './bot-store.js';
import { migratePostgres } from './postgres-migrations.js';
import { SqlBotStore } from './sql-bot-store.js';
import { runSteps, type SqlDatabase, type SqlResult, type SqlSteps } from './sql-database.js';

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
  return new SqlBotStore(new PostgresDatabase(pool), now);
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

/** A pool of PostgreSQL connections as a {@link SqlDatabase}. */
class PostgresDatabase implements SqlDatabase {
  private closed = false;

  constructor(private readonly pool: pg.Pool) {}

  run<Row>(sql: string, params: unknown[] = []): Promise<SqlResult<Row>> {
    return runOn<Row>(this.pool, sql, params);
  }

  perform<T>(steps: SqlSteps<T>): Promise<T> {
    return runSteps(steps, ({ sql, params }) => runOn(this.pool, sql, params));
  }

  async transaction<T>(steps: SqlSteps<T>, lockKey?: string): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (lockKey) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey]);
      const result = await runSteps(steps, ({ sql, params }) => runOn(client, sql, params));
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
}

/** Runs a statement written with `?` placeholders, numbered as PostgreSQL wants them. */
async function runOn<Row>(db: Queryable, sql: string, params: unknown[]): Promise<SqlResult<Row>> {
  let placeholder = 0;
  const numbered = sql.replace(/\?/g, () => `$${++placeholder}`);
  const result = await db.query(numbered, params);
  return { rows: result.rows as Row[], changes: result.rowCount ?? 0 };
}
