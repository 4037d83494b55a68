import type Database from 'better-sqlite3';

/**
 * Schema changes in order, each applied once. They are written in the SQL that SQLite and
 * PostgreSQL both accept, so the two stores keep one schema.
 */
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
  `CREATE TABLE seen_events (
     event_key TEXT PRIMARY KEY,
     expires_at TEXT NOT NULL
   );
   CREATE INDEX seen_events_expiry ON seen_events (expires_at);`,
];

/**
 * Applies the migrations a SQLite database has not had yet, tracked by its `user_version`, each
 * in its own write transaction; the version is read inside it, so two processes starting
 * together never apply one twice.
 */
export function migrateSqlite(db: Database.Database): void {
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
