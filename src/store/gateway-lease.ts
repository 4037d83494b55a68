/**
 * A lease on one exclusive session shared by every replica on the same store, such as a bot's
 * Discord gateway connection, which the platform allows once per bot: one replica at a time holds
 * it, the others stand by and try again. The core sees only this interface; each kind of store
 * provides an implementation (see `open-gateway-lease.ts`).
 */
export interface GatewayLease {
  /**
   * One attempt to take the lease without waiting: true when this lease holds it now (also when
   * it already did), false when another holder has it. Rejects when the store cannot be asked.
   */
  tryAcquire(): Promise<boolean>;
  /** Asks the store whether the lease is still held here; false once it was lost or released. */
  isHeld(): Promise<boolean>;
  /** Gives the lease up, so another replica may take it; safe to call when not held. */
  release(): Promise<void>;
  /**
   * `listener` is called when a held lease is lost without {@link release} (the connection
   * holding it dropped), at once rather than at the next {@link isHeld}.
   */
  onLost(listener: () => void): void;
  /** Releases the lease and closes what it holds open. */
  close(): Promise<void>;
}

/** How a lease is opened: `name` says what it guards and is the same in every replica; never a secret. */
export interface GatewayLeaseOptions {
  name: string;
  /** How long one request to the store may take before it counts as failed. */
  timeoutMs: number;
}
