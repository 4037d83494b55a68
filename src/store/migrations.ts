import type Database from 'better-sqlite3';

/** Schema changes in order; each runs once, tracked by SQLite's `user_version`. */
export const MIGRATIONS: string[] = [
  `CREATE TABLE subscriptions (
     channel TEXT PRIMARY KEY,
     cron TEXT NOT NULL,
     timezone TEXT NOT NULL,
     active INTEGER NOT NULL DEFAULT 1,
     paused_reason TEXT,
     source TEXT NOT NULL,
     created_by TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE weekly_posts (
     channel TEXT NOT NULL,
     slot TEXT NOT NULL,
     cycle INTEGER NOT NULL,
     resource_id TEXT,
     status TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     message_id TEXT,
     error TEXT,
     claimed_by TEXT,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (channel, slot)
   );
   CREATE TABLE channel_cycles (
     channel TEXT PRIMARY KEY,
     cycle INTEGER NOT NULL
   );`,
];

/**
 * Applies the migrations the database has not had yet, each in its own write transaction; the
 * version is read inside it, so two processes starting together never apply one twice.
 */
export function migrate(db: Database.Database): void {
  const applyNext = db.transaction((): boolean => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version >= MIGRATIONS.length) return false;
    db.exec(MIGRATIONS[version]!);
    db.pragma(`user_version = ${version + 1}`);
    return true;
  });
  while (applyNext.immediate()) {
    // Each call applies one migration; the loop ends when none is left.
  }
}
