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
  `CREATE TABLE asked_queries (
     normalized_query TEXT NOT NULL,
     kind TEXT NOT NULL,
     topic_id TEXT,
     suggested_topics TEXT NOT NULL,
     platform TEXT NOT NULL,
     asker_hash TEXT NOT NULL,
     asked_at TEXT NOT NULL
   );
   CREATE INDEX asked_queries_time ON asked_queries (asked_at);
   CREATE TABLE answer_votes (
     answer_id TEXT NOT NULL,
     voter_hash TEXT NOT NULL,
     query TEXT NOT NULL,
     normalized_query TEXT NOT NULL,
     kind TEXT NOT NULL,
     result_ids TEXT NOT NULL,
     verdict TEXT NOT NULL,
     platform TEXT NOT NULL,
     channel TEXT NOT NULL,
     voted_at TEXT NOT NULL,
     PRIMARY KEY (answer_id, voter_hash)
   );
   CREATE INDEX answer_votes_time ON answer_votes (voted_at);
   CREATE TABLE suggestions (
     id TEXT PRIMARY KEY,
     url TEXT NOT NULL,
     note TEXT,
     count INTEGER NOT NULL,
     suggested_by TEXT NOT NULL,
     first_at TEXT NOT NULL,
     last_at TEXT NOT NULL
   );
   CREATE TABLE bot_settings (
     name TEXT PRIMARY KEY,
     value TEXT NOT NULL
   );`,
  `CREATE TABLE shown_answers (
     answer_id TEXT PRIMARY KEY,
     query TEXT NOT NULL,
     normalized_query TEXT NOT NULL,
     kind TEXT NOT NULL,
     result_ids TEXT NOT NULL,
     platform TEXT NOT NULL,
     channel TEXT NOT NULL,
     shown_at TEXT NOT NULL
   );
   CREATE INDEX shown_answers_time ON shown_answers (shown_at);`,
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
