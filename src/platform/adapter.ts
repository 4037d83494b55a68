import type { StartupError } from '../errors/startup-error.js';

/** A chat platform the bot serves: it forwards each inbound message to the engine and renders the answer. */
export interface PlatformAdapter {
  /** Short name used in logs and metrics, e.g. `slack`. */
  readonly name: string;
  /** Connects and starts taking messages; resolves once ready. */
  start(): Promise<void>;
  /** Stops taking new messages, lets those in flight finish, and disconnects. */
  stop(): Promise<void>;
  /** True while connected to the platform and taking messages (for the readiness probe). */
  isReady(): boolean;
  /**
   * Set by an adapter whose platform allows one session per bot at a time (Discord's gateway):
   * the name of the lease that replicas on one store take turns on, the same in every replica
   * and never a secret. The adapter then runs only in the replica holding the lease.
   */
  readonly sessionLease?: string;
}

/**
 * Called once when an adapter gives up for good after start-up (a revoked token, a gateway that
 * will not come back): `reason` says why and what to do, and the process should stop and exit
 * with `reason.exitCode` so that an orchestrator restarts it and a person reads why.
 */
export type OnGiveUp = (reason: StartupError) => void;
