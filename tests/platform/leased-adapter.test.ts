import pg from 'pg';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { StartupError } from '../../src/errors/startup-error.js';
import type { PlatformAdapter } from '../../src/platform/adapter.js';
import { LeasedAdapter, type LeaseRole } from '../../src/platform/leased-adapter.js';
import type { StoreConfig } from '../../src/config.js';
import { openGatewayLease } from '../../src/store/open-gateway-lease.js';
import { freshDatabaseUrl } from '../support/postgres.js';
import { freePort } from '../support/processes.js';
import { makeDataDir } from '../support/weekly.js';
import { WaitableLog } from '../fakes/waitable-log.js';
import { leaseName } from '../store/gateway-lease-contract.js';

/** An adapter that only records being started and stopped; `failStart` makes its start throw. */
class SessionAdapter implements PlatformAdapter {
  readonly name = 'discord';
  running = false;
  starts = 0;
  stops = 0;
  failStart: Error | undefined;
  /** When set, a start waits for it, as a gateway waits for READY. */
  connected: Promise<void> | undefined;
  /** Told when a start begins. */
  onStart: (() => void) | undefined;

  async start(): Promise<void> {
    this.onStart?.();
    await this.connected;
    if (this.failStart) throw this.failStart;
    this.starts += 1;
    this.running = true;
  }

  async stop(): Promise<void> {
    this.stops += 1;
    this.running = false;
  }

  isReady(): boolean {
    return this.running;
  }
}

interface Replica {
  adapter: SessionAdapter;
  leased: LeasedAdapter;
  /** Resolves with the `count`th role this replica changed to (1: the first change). */
  roleChange(count: number): Promise<LeaseRole>;
  /** Resolves with the reason once the replica gives up. */
  gaveUp: Promise<StartupError>;
}

const running: LeasedAdapter[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((leased) => leased.stop()));
});

async function replica(store: StoreConfig, name: string, retryMs = 50): Promise<Replica> {
  const adapter = new SessionAdapter();
  const roles = new WaitableLog<{ role: LeaseRole; count: number }>(({ role }) => role);
  let giveUp!: (reason: StartupError) => void;
  const gaveUp = new Promise<StartupError>((resolve) => (giveUp = resolve));
  const leased = new LeasedAdapter({
    adapter,
    lease: await openGatewayLease(store, { name, timeoutMs: 2000 }),
    retryMs,
    logger: pino({ level: 'silent' }),
    onRole: (role) => roles.push({ role, count: roles.items.length + 1 }),
    onGiveUp: (reason) => giveUp(reason),
  });
  running.push(leased);
  return {
    adapter,
    leased,
    roleChange: async (count) =>
      (await roles.waitFor((change) => change.count === count, 5000, `role change ${count}`)).role,
    gaveUp,
  };
}

/** Two replicas on one SQLite store, both started: the first holds the lease. */
async function holderAndStandby(): Promise<[Replica, Replica]> {
  const store: StoreConfig = { kind: 'sqlite', dataDir: makeDataDir() };
  const name = leaseName();
  const holder = await replica(store, name);
  const standby = await replica(store, name);
  await holder.leased.start();
  await standby.leased.start();
  return [holder, standby];
}

function rejectedToken(): StartupError {
  return new StartupError('Discord rejected DISCORD_TOKEN.', 'DISCORD_AUTH');
}

describe('an adapter run on a lease', () => {
  it('starts at once on a free lease, as it would alone, and is ready with its adapter', async () => {
    const only = await replica({ kind: 'sqlite', dataDir: makeDataDir() }, leaseName());
    await only.leased.start();
    expect(only.leased.role).toBe('active');
    expect(only.adapter.running).toBe(true);
    expect(only.leased.isReady()).toBe(true);
  });

  it('is not ready, nor standing by, while its adapter connects on the lease it took', async () => {
    const only = await replica({ kind: 'sqlite', dataDir: makeDataDir() }, leaseName());
    let connect!: () => void;
    only.adapter.connected = new Promise((resolve) => (connect = resolve));
    const began = new Promise<void>((resolve) => (only.adapter.onStart = resolve));
    const starting = only.leased.start();
    await began;
    expect(only.leased.isReady()).toBe(false);
    expect(only.leased.role).toBe('active');
    connect();
    await starting;
    expect(only.leased.isReady()).toBe(true);
  });

  it('stands by, ready and unconnected, while another holds the lease, and takes over when it stops', async () => {
    const [holder, standby] = await holderAndStandby();
    expect(standby.leased.role).toBe('standby');
    expect(standby.leased.isReady()).toBe(true);
    expect(standby.adapter.starts).toBe(0);

    await holder.leased.stop();
    expect(holder.adapter.running).toBe(false);
    expect(await standby.roleChange(1)).toBe('active');
    expect(standby.adapter.running).toBe(true);
  });

  it('fails its start as the adapter does and gives the lease back', async () => {
    const store: StoreConfig = { kind: 'sqlite', dataDir: makeDataDir() };
    const name = leaseName();
    const broken = await replica(store, name);
    broken.adapter.failStart = rejectedToken();
    await expect(broken.leased.start()).rejects.toThrow('Discord rejected DISCORD_TOKEN.');
    const next = await replica(store, name);
    await next.leased.start();
    expect(next.leased.role).toBe('active');
  });

  it('reports a setup fault of a start on a lease taken later as giving up', async () => {
    const [holder, standby] = await holderAndStandby();
    standby.adapter.failStart = rejectedToken();
    await holder.leased.stop();
    expect((await standby.gaveUp).code).toBe('DISCORD_AUTH');
    expect(standby.leased.role).toBe('standby');
  });

  it('stops its adapter when the lease connection drops, then takes the lease again', async () => {
    const url = await freshDatabaseUrl();
    const only = await replica({ kind: 'postgres', url }, leaseName(), 100);
    await only.leased.start();
    expect(only.leased.role).toBe('active');

    expect(await only.roleChange(1)).toBe('active');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'devops-bot gateway lease'`,
    );
    await admin.end();
    expect(await only.roleChange(2)).toBe('standby');
    expect(only.adapter.stops).toBe(1);
    expect(await only.roleChange(3)).toBe('active');
    expect(only.adapter.starts).toBe(2);
  });

  it('stands by while the database is out of reach, rather than failing the start', async () => {
    const port = await freePort();
    const cutOff = await replica(
      { kind: 'postgres', url: `postgres://bot@127.0.0.1:${port}/devops` },
      leaseName(),
    );
    await cutOff.leased.start();
    expect(cutOff.leased.role).toBe('standby');
    expect(cutOff.adapter.starts).toBe(0);
  });
});
