import { StartupError } from '../errors/startup-error.js';
import type { Logger } from '../logger.js';
import type { GatewayLease } from '../store/gateway-lease.js';
import type { OnGiveUp, PlatformAdapter } from './adapter.js';

/** Whether this replica serves an exclusive session now (`active`) or waits for its lease (`standby`). */
export type LeaseRole = 'active' | 'standby';

/** What a {@link LeasedAdapter} is built from. */
export interface LeasedAdapterOptions {
  /** The adapter whose session only one replica may hold at a time. */
  adapter: PlatformAdapter;
  lease: GatewayLease;
  /** How often a standby tries the lease again, and a holder checks it still has it. */
  retryMs: number;
  logger: Logger;
  /** Told after the adapter started on a taken lease, and before it stops on a lost one. */
  onRole?: (role: LeaseRole) => void;
  /** Told when the adapter, started on a lease taken after start-up, gives up. */
  onGiveUp?: OnGiveUp;
}

/**
 * Runs an adapter only while this replica holds its lease, so that among replicas exactly one
 * holds the platform session. The others stand by (ready, with nothing connected) and try the
 * lease every `retryMs`; the holder checks it as often and stops the adapter as soon as the lease
 * is lost, before any other replica can start one.
 */
export class LeasedAdapter implements PlatformAdapter {
  readonly name: string;
  private current: LeaseRole = 'standby';
  // True while the adapter starts on a lease just taken: not a standby, not ready yet.
  private connecting = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  // Steps run one after another, so a lost lease is never handled in the middle of a start.
  private steps: Promise<unknown> = Promise.resolve();
  private announcedStandby = false;
  private storeFailing = false;

  constructor(private readonly options: LeasedAdapterOptions) {
    this.name = options.adapter.name;
  }

  /** `active` while this replica holds the lease (the adapter runs or starts here), else `standby`. */
  get role(): LeaseRole {
    return this.connecting ? 'active' : this.current;
  }

  /**
   * Tries the lease once and, when it is free (always, on SQLite), starts the adapter, failing as
   * the adapter alone would; otherwise resolves at once as a standby. Then keeps trying.
   */
  async start(): Promise<void> {
    this.options.lease.onLost(() => {
      this.serially(() => this.lose('its connection to the database dropped')).catch(
        () => undefined,
      );
    });
    await this.serially(() => this.attempt(true));
    this.scheduleNext();
  }

  /** Stops trying, stops the adapter if it runs here, and gives the lease up. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.serially(async () => {
      if (this.current === 'active') await this.standDown();
      await this.options.lease.close();
    });
  }

  /** The adapter's readiness while active; a standby is ready to take over. */
  isReady(): boolean {
    return this.role === 'active' ? this.options.adapter.isReady() : !this.stopped;
  }

  private serially<T>(step: () => Promise<T>): Promise<T> {
    const run = this.steps.then(step);
    this.steps = run.catch(() => undefined);
    return run;
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.serially(() => this.tick())
        .catch((error: unknown) => this.log.error({ err: error }, 'gateway lease check failed'))
        .finally(() => this.scheduleNext());
    }, this.options.retryMs);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    if (this.current === 'standby') await this.attempt(false);
    else if (!(await this.options.lease.isHeld()))
      await this.lose('the database no longer answers for it');
  }

  /** Takes the lease if free and starts the adapter on it; `first` rethrows a failed start. */
  private async attempt(first: boolean): Promise<void> {
    const { lease, adapter } = this.options;
    let acquired: boolean;
    try {
      acquired = await lease.tryAcquire();
    } catch (error) {
      if (!this.storeFailing)
        this.log.warn({ err: error }, 'gateway lease could not be asked for; retrying');
      this.storeFailing = true;
      return;
    }
    this.storeFailing = false;
    if (!acquired) {
      if (!this.announcedStandby)
        this.log.info('standing by: another replica holds the gateway lease');
      this.announcedStandby = true;
      return;
    }
    this.log.info('gateway lease acquired; connecting');
    this.connecting = true;
    try {
      await adapter.start();
    } catch (error) {
      await lease.release().catch(() => undefined);
      if (first) throw error;
      this.giveUp(error);
      return;
    } finally {
      this.connecting = false;
    }
    this.current = 'active';
    this.announcedStandby = false;
    this.log.info('connected on the gateway lease');
    this.options.onRole?.('active');
  }

  private async lose(why: string): Promise<void> {
    if (this.current !== 'active') return;
    this.log.warn({ reason: why }, 'gateway lease lost; disconnecting, then standing by');
    await this.standDown();
    await this.options.lease.release().catch(() => undefined);
  }

  private async standDown(): Promise<void> {
    this.current = 'standby';
    this.options.onRole?.('standby');
    await this.options.adapter.stop();
  }

  /** A start on a lease taken later failed: a setup fault ends the process, anything else is retried. */
  private giveUp(error: unknown): void {
    if (error instanceof StartupError && this.options.onGiveUp) {
      this.stopped = true;
      this.options.onGiveUp(error);
      return;
    }
    this.log.error({ err: error }, 'could not connect on the gateway lease; retrying');
  }

  private get log(): Logger {
    return this.options.logger;
  }
}
