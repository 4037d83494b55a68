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
}
