import type { GatewayLease } from './gateway-lease.js';

// SQLite serves one process, so the leases of that process are all there is to share.
const heldNames = new Set<string>();

/**
 * The lease with a SQLite store: one process uses the store, so the lease is held in that
 * process; the first lease of a name takes it at once and a second one stands by until release.
 */
export class InProcessGatewayLease implements GatewayLease {
  private held = false;

  constructor(private readonly name: string) {}

  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    if (heldNames.has(this.name)) return false;
    heldNames.add(this.name);
    this.held = true;
    return true;
  }

  async isHeld(): Promise<boolean> {
    return this.held;
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    heldNames.delete(this.name);
  }

  // Nothing can take an in-process lease away.
  onLost(): void {}

  close(): Promise<void> {
    return this.release();
  }
}
