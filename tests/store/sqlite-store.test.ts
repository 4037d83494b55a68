import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore, STORE_FILE } from '../../src/store/sqlite-store.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import type { CycleState } from '../../src/store/bot-store.js';
import { makeDataDir } from '../support/weekly.js';

describe('the SQLite store', () => {
  it('keeps subscriptions across a restart', () => {
    const dataDir = makeDataDir();
    const first = openSqliteStore(dataDir);
    first.saveSubscription({
      channel: 'slack:C1',
      cron: '0 9 * * 1',
      timezone: 'Europe/Paris',
      source: 'command',
      createdBy: 'U1',
    });
    first.close();
    const second = openSqliteStore(dataDir);
    expect(second.getSubscription('slack:C1')).toMatchObject({
      cron: '0 9 * * 1',
      timezone: 'Europe/Paris',
      createdBy: 'U1',
    });
    second.close();
  });

  it('uses WAL mode and records the schema version it migrated to', () => {
    const dataDir = makeDataDir();
    openSqliteStore(dataDir).close();
    const db = new Database(path.join(dataDir, STORE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('does not resubscribe a configured channel that someone unsubscribed', () => {
    const store = openSqliteStore(makeDataDir());
    store.addConfiguredSubscription('discord:9', '0 9 * * 1', 'UTC');
    expect(store.removeSubscription('discord:9')).toBe(true);
    store.addConfiguredSubscription('discord:9', '0 9 * * 1', 'UTC');
    expect(store.getSubscription('discord:9')).toBeUndefined();
    store.close();
  });

  it('lets only the first claim of a slot post, and moves the channel to the cycle its pick is in', () => {
    const store = openSqliteStore(makeDataDir());
    // Like the weekly pick: the next unused id, or the first again in the next cycle.
    const pickFrom = (ids: string[]) => (state: CycleState) => {
      const unused = ids.find((id) => !state.used.has(id));
      return unused
        ? { cycle: state.cycle, resourceId: unused }
        : { cycle: state.cycle + 1, resourceId: ids[0]! };
    };
    expect(store.claimSlot('slack:C1', 'slot-1', 'a', pickFrom(['r1', 'r2'])).claimed).toBe(true);
    expect(store.claimSlot('slack:C1', 'slot-1', 'b', pickFrom(['r1', 'r2'])).claimed).toBe(false);
    store.claimSlot('slack:C1', 'slot-2', 'a', pickFrom(['r1', 'r2']));
    const third = store.claimSlot('slack:C1', 'slot-3', 'a', pickFrom(['r1', 'r2']));
    expect(third).toMatchObject({ claimed: true, record: { cycle: 1, resourceId: 'r1' } });
    expect(store.cycleState('slack:C1')).toEqual({ cycle: 1, used: new Set(['r1']) });
    store.close();
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
