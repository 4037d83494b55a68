import { createHash } from 'node:crypto';
import pg from 'pg';
import type { GatewayLease, GatewayLeaseOptions } from './gateway-lease.js';

/**
 * The lease with PostgreSQL: a session advisory lock (`pg_try_advisory_lock`) held on a
 * connection of its own, outside the store's pool, so the lock lives exactly as long as that
 * session. When the holder dies its connection closes, the server ends the session and the lock
 * is free for the next replica's attempt.
 */
export class PostgresGatewayLease implements GatewayLease {
  private client: pg.Client | undefined;
  private held = false;
  private readonly listeners: (() => void)[] = [];
  private readonly key: string;

  constructor(
    private readonly url: string,
    private readonly options: GatewayLeaseOptions,
  ) {
    this.key = advisoryLockKey(options.name);
  }

  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    const client = await this.connection();
    try {
      const { rows } = await client.query<{ acquired: boolean }>(
        'SELECT pg_try_advisory_lock($1::bigint) AS acquired',
        [this.key],
      );
      this.held = rows[0]?.acquired === true;
    } catch (error) {
      this.drop(client);
      throw error;
    }
    return this.held;
  }

  async isHeld(): Promise<boolean> {
    const client = this.client;
    if (!this.held || !client) return false;
    try {
      // A session lock is only ever given up by its session, so a live session still holds it.
      await client.query('SELECT 1');
      return this.held;
    } catch {
      this.drop(client);
      return false;
    }
  }

  async release(): Promise<void> {
    const client = this.client;
    if (!this.held || !client) return;
    this.held = false;
    try {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [this.key]);
    } catch {
      // Unlocking failed, so the session may still hold the lock: ending it frees the lock.
      this.drop(client);
    }
  }

  onLost(listener: () => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    await this.release();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const { timeoutMs } = this.options;
    const client = new pg.Client({
      connectionString: this.url,
      application_name: 'devops-bot gateway lease',
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      keepAlive: true,
    });
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
      // The server ends a holder it no longer hears from only after the holder has noticed the
      // silence itself (its checks time out within `timeoutMs`) and stopped its session.
      const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
      await client.query(
        `SET tcp_keepalives_idle = ${2 * seconds}; SET tcp_keepalives_interval = ${seconds}; SET tcp_keepalives_count = 2`,
      );
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  /** Forgets a connection that failed; a lease it held is lost, and the listeners are told. */
  private drop(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    if (!this.held) return;
    this.held = false;
    for (const listener of this.listeners) listener();
  }
}

/** The advisory lock key of a lease name: 64 bits of its SHA-256, the same in every replica. */
export function advisoryLockKey(name: string): string {
  return createHash('sha256')
    .update(`devops-bot gateway lease\n${name}`)
    .digest()
    .readBigInt64BE(0)
    .toString();
}
