import type { ClientBase } from 'pg';
import { MIGRATIONS } from './migrations.js';

// Any fixed number works; it only has to be the same in every replica and unused elsewhere.
const MIGRATION_LOCK_KEY = 4_711_031;

/**
 * Applies the migrations a PostgreSQL database has not had yet, tracked in `schema_migrations`.
 * The whole run holds a session advisory lock, so replicas starting at the same moment take
 * turns: the first migrates, the others find nothing left to do (concurrent
 * `CREATE TABLE IF NOT EXISTS` is not safe on PostgreSQL, a lock is).
 */
export async function migratePostgres(client: ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    for (let version = rows[0]?.version ?? 0; version < MIGRATIONS.length; version++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[version]!);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          version + 1,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}
