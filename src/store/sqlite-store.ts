import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StartupError } from '../errors/startup-error.js';
import type { BotStore } from './bot-store.js';
import { migrateSqlite } from './migrations.js';
import { SqlBotStore } from './sql-bot-store.js';
import {
  runStepsNow,
  type SqlDatabase,
  type SqlResult,
  type SqlStatement,
  type SqlSteps,
} from './sql-database.js';

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
  return new SqlBotStore(new SqliteDatabase(db), now);
}

/** One better-sqlite3 connection as a {@link SqlDatabase}; every statement runs at once. */
class SqliteDatabase implements SqlDatabase {
  // Analytics runs a handful of fixed statements on every answer: each is prepared once.
  private readonly preparedStatements = new Map<string, Database.Statement>();
  private readonly execute = ({ sql, params }: SqlStatement): SqlResult<unknown> => {
    let prepared = this.preparedStatements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.preparedStatements.set(sql, prepared);
    }
    if (prepared.reader) {
      const rows = prepared.all(...params);
      return { rows, changes: rows.length };
    }
    return { rows: [], changes: prepared.run(...params).changes };
  };

  constructor(private readonly db: Database.Database) {}

  async run<Row>(sql: string, params: unknown[] = []): Promise<SqlResult<Row>> {
    return this.execute({ sql, params }) as SqlResult<Row>;
  }

  async perform<T>(steps: SqlSteps<T>): Promise<T> {
    return runStepsNow(steps, this.execute);
  }

  // IMMEDIATE takes the write lock first, so two processes cannot both read "no record yet"; it
  // locks the whole file, so a lock key adds nothing. The steps run synchronously inside it.
  async transaction<T>(steps: SqlSteps<T>): Promise<T> {
    return this.db.transaction(() => runStepsNow(steps, this.execute)).immediate();
  }

  async isOpen(): Promise<boolean> {
    return this.db.open;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
