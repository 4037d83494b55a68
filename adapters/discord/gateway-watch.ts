import { Events, type Client } from 'discord.js';
import type { StartupError } from '../../src/errors/startup-error.js';
import { closeCodeFault, readyTimeoutFault } from './gateway-faults.js';

/**
 * Follows a client's gateway connection: whether it is up, and when to give up on it. A close
 * code after which discord.js never reconnects (a revoked token: 4004) ends it at once; a READY
 * that does not come within `timeoutMs` of logging in, or of a reconnect, ends it too, so the bot
 * never sits alive but deaf.
 */
export class GatewayWatch {
  // `client.isReady()` and the manager's status stay "ready" while the gateway reconnects.
  connected = false;
  private timer: NodeJS.Timeout | undefined;
  // Closing the connection on stop is reported as a reconnect; a stopped watch ignores it.
  private stopped = false;

  constructor(
    client: Client,
    private readonly timeoutMs: number,
    private readonly giveUp: (reason: StartupError) => void,
  ) {
    client.on(Events.ShardReady, () => this.up());
    client.on(Events.ShardResume, () => this.up());
    client.on(Events.ShardReconnecting, () => this.down());
    client.on(Events.ShardDisconnect, (event) => {
      this.connected = false;
      const fault = closeCodeFault(event.code);
      if (fault && !this.stopped) this.fail(fault);
    });
    this.arm(false);
  }

  /** Stops watching for good (the adapter is stopping, or gave up): nothing arms it again. */
  stop(): void {
    this.stopped = true;
    this.connected = false;
    this.disarm();
  }

  private up(): void {
    if (this.stopped) return;
    this.connected = true;
    this.disarm();
  }

  private down(): void {
    this.connected = false;
    if (!this.timer && !this.stopped) this.arm(true);
  }

  private disarm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(reconnecting: boolean): void {
    this.timer = setTimeout(
      () => this.fail(readyTimeoutFault(this.timeoutMs, reconnecting)),
      this.timeoutMs,
    );
    this.timer.unref();
  }

  private fail(reason: StartupError): void {
    this.stop();
    this.giveUp(reason);
  }
}
