import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { StartupError } from '../../src/errors/startup-error.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { freshDatabaseUrl } from '../support/postgres.js';
import { freePort } from '../support/processes.js';
import { describeAnalyticsContract } from './analytics-contract.js';
import { describeStoreContract, type OpenAt } from './store-contract.js';

async function newPostgresLocation(): Promise<OpenAt> {
  const url = await freshDatabaseUrl();
  return (now) => openStore({ kind: 'postgres', url }, now);
}

describeStoreContract('PostgreSQL', newPostgresLocation);
describeAnalyticsContract('PostgreSQL', newPostgresLocation);

describe('the PostgreSQL store database', () => {
  it('records each migration it applied once, however many replicas started', async () => {
    const url = await freshDatabaseUrl();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openStore({ kind: 'postgres', url })),
    );
    await Promise.all(stores.map((store) => store.close()));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    await client.end();
    expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });

  it('refuses a server it cannot reach with a clear error that never shows the password', async () => {
    const port = await freePort();
    const opening = openStore({
      kind: 'postgres',
      url: `postgres://bot:s3cret-pass@127.0.0.1:${port}/devops`,
    });
    await expect(opening).rejects.toBeInstanceOf(StartupError);
    const error = (await opening.catch((caught: unknown) => caught)) as StartupError;
    expect(error.code).toBe('STORE_UNAVAILABLE');
    expect(error.message).toContain(`127.0.0.1:${port}/devops`);
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).not.toContain('s3cret-pass');
  });
});
