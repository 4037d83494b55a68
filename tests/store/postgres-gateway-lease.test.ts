import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayLease } from '../../src/store/gateway-lease.js';
import { openGatewayLease } from '../../src/store/open-gateway-lease.js';
import { advisoryLockKey } from '../../src/store/postgres-gateway-lease.js';
import { freshDatabaseUrl } from '../support/postgres.js';
import { freePort } from '../support/processes.js';
import { describeGatewayLeaseContract, leaseName } from './gateway-lease-contract.js';

describeGatewayLeaseContract('PostgreSQL', async () => ({
  kind: 'postgres',
  url: await freshDatabaseUrl(),
}));

const opened: GatewayLease[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((lease) => lease.close()));
});

async function openLease(url: string, name: string): Promise<GatewayLease> {
  const lease = await openGatewayLease({ kind: 'postgres', url }, { name, timeoutMs: 5000 });
  opened.push(lease);
  return lease;
}

/** Runs `sql` on a connection of its own, as an operator would. */
async function asAdmin<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return (await admin.query<Row>(sql)).rows;
  } finally {
    await admin.end();
  }
}

describe('the PostgreSQL gateway lease', () => {
  it('is a session advisory lock on a connection of its own, keyed by a hash of the lease name', async () => {
    const url = await freshDatabaseUrl();
    const name = leaseName();
    await (await openLease(url, name)).tryAcquire();
    const locks = await asAdmin<{ key: string; application_name: string }>(
      url,
      `SELECT ((l.classid::bigint << 32) | l.objid::bigint)::text AS key, a.application_name
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted`,
    );
    expect(locks).toEqual([
      { key: advisoryLockKey(name), application_name: 'devops-bot gateway lease' },
    ]);
  });

  it('is lost at once when its connection drops, telling its listeners, and another replica takes it', async () => {
    const url = await freshDatabaseUrl();
    const name = leaseName();
    const holder = await openLease(url, name);
    const standby = await openLease(url, name);
    expect(await holder.tryAcquire()).toBe(true);
    expect(await standby.tryAcquire()).toBe(false);
    const lost = new Promise<void>((resolve) => holder.onLost(resolve));

    await asAdmin(
      url,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE application_name = 'devops-bot gateway lease' AND pid IN (
         SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)`,
    );
    await lost;
    expect(await holder.isHeld()).toBe(false);
    expect(await standby.tryAcquire()).toBe(true);
    // The lost holder reconnects for its next attempt, and finds the lease taken.
    expect(await holder.tryAcquire()).toBe(false);
  });

  it('fails an attempt while the database is out of reach, and holds nothing', async () => {
    const port = await freePort();
    const lease = await openLease(`postgres://bot@127.0.0.1:${port}/devops`, leaseName());
    await expect(lease.tryAcquire()).rejects.toThrow();
    expect(await lease.isHeld()).toBe(false);
  });
});
