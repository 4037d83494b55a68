import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { openSqliteStore, STORE_FILE } from '../../src/store/sqlite-store.js';
import { makeDataDir } from '../support/weekly.js';
import { describeAnalyticsContract } from './analytics-contract.js';
import { describeGatewayLeaseContract } from './gateway-lease-contract.js';
import { describeStoreContract, type OpenAt } from './store-contract.js';

async function newSqliteLocation(): Promise<OpenAt> {
  const dataDir = makeDataDir();
  return (now) => openStore({ kind: 'sqlite', dataDir }, now);
}

describeStoreContract('SQLite', newSqliteLocation);
describeAnalyticsContract('SQLite', newSqliteLocation);

describe('the SQLite store file', () => {
  it('uses WAL mode and records the schema version it migrated to', async () => {
    const dataDir = makeDataDir();
    await openSqliteStore(dataDir).close();
    const db = new Database(path.join(dataDir, STORE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a corrupt database file with a clear error', () => {
    const dataDir = makeDataDir();
    writeFileSync(path.join(dataDir, STORE_FILE), 'this is not a database, just text '.repeat(200));
    expect(() => openSqliteStore(dataDir)).toThrow(
      expect.objectContaining({
        code: 'STORE_UNAVAILABLE',
        message: expect.stringContaining('DATA_DIR'),
      }),
    );
  });

  it('refuses a data folder that is a file', () => {
    const dataDir = path.join(makeDataDir(), 'plain-file');
    writeFileSync(dataDir, 'x');
    expect(() => openSqliteStore(dataDir)).toThrow(
      expect.objectContaining({ code: 'STORE_UNAVAILABLE' }),
    );
  });
});

describeGatewayLeaseContract('SQLite', async () => ({ kind: 'sqlite', dataDir: makeDataDir() }));
