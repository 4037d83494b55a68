import {
  SimpleContextFetchingStrategy,
  SimpleShardingStrategy,
  WebSocketShard,
  WebSocketShardEvents,
  WebSocketShardStatus,
  managerToFetchingStrategyOptions,
  type FetchingStrategyOptions,
  type IShardingStrategy,
  type SessionInfo,
  type WebSocketManager,
  type WebSocketShardDestroyOptions,
} from '@discordjs/ws';
import type { GatewaySendPayload } from 'discord.js';

/**
 * discord.js's in-process shards, except that a destroyed shard stays down.
 *
 * `@discordjs/ws` 1.2 destroys a shard that is still waiting for HELLO or READY twice: the
 * destroy aborts that wait, and the aborted wait starts a second destroy that reconnects 500 ms
 * later and keeps reconnecting, with the bot's token, for as long as the process lives. The first
 * destroy never settles, and an IDENTIFY held by the identify throttle is later sent on whatever
 * socket the shard has by then ("WebSocket is not open: readyState 0 (CONNECTING)", unhandled).
 * Here a destroyed shard's reconnect is held at its first step, reading the session, before any
 * socket is opened, and an IDENTIFY still waiting when its socket closes is dropped.
 */
export class StayDownShardingStrategy implements IShardingStrategy {
  private readonly shards = new Map<number, { shard: WebSocketShard; context: Context }>();

  constructor(private readonly manager: WebSocketManager) {}

  async spawn(shardIds: number[]): Promise<void> {
    const options = await managerToFetchingStrategyOptions(this.manager);
    for (const shardId of shardIds) {
      const context: Context = new Context(this.manager, options, () => shard.status);
      const shard = new WebSocketShard(context, shardId);
      for (const event of Object.values(WebSocketShardEvents)) {
        shard.on(event, (payload?: object) => this.forward(event, { ...payload, shardId }));
      }
      this.shards.set(shardId, { shard, context });
    }
  }

  async connect(): Promise<void> {
    await Promise.all([...this.shards.values()].map(({ shard }) => shard.connect()));
  }

  async destroy(options?: Omit<WebSocketShardDestroyOptions, 'recover'>): Promise<void> {
    await Promise.all(
      [...this.shards.values()].map(({ shard, context }) => {
        context.retired = true;
        // The shard's own second destroy may leave this one pending; its reconnect ends the wait.
        return Promise.race([shard.destroy(options), context.reconnectHeld]);
      }),
    );
    this.shards.clear();
  }

  async send(shardId: number, payload: GatewaySendPayload): Promise<void> {
    const entry = this.shards.get(shardId);
    if (!entry) throw new RangeError(`Shard ${shardId} not found`);
    await entry.shard.send(payload);
  }

  async fetchStatus() {
    // Empty, and of the Collection class @discordjs/ws declares (not discord.js's older copy).
    const statuses = await new SimpleShardingStrategy(this.manager).fetchStatus();
    for (const [shardId, { shard }] of this.shards) statuses.set(shardId, shard.status);
    return statuses;
  }

  private forward(event: WebSocketShardEvents, payload: object): void {
    (this.manager.emit as (event: string, payload: object) => boolean)(event, payload);
  }
}

/** One shard's view of the manager: its session and identify throttling, held once retired. */
class Context extends SimpleContextFetchingStrategy {
  /** Set when the shard is destroyed for good. */
  retired = false;
  /** Settles when a retired shard started to reconnect and was held. */
  readonly reconnectHeld: Promise<void>;
  private holdReconnect!: () => void;

  constructor(
    manager: WebSocketManager,
    options: FetchingStrategyOptions,
    private readonly shardStatus: () => WebSocketShardStatus,
  ) {
    super(manager, options);
    this.reconnectHeld = new Promise((resolve) => (this.holdReconnect = resolve));
  }

  override async retrieveSessionInfo(shardId: number): Promise<SessionInfo | null> {
    if (!this.retired) return super.retrieveSessionInfo(shardId);
    // An idle shard reads its session only to connect again.
    if (this.shardStatus() === WebSocketShardStatus.Idle) this.holdReconnect();
    // Never settles: a retired shard goes no further, and opens no socket.
    return new Promise<never>(() => undefined);
  }

  override async waitForIdentify(shardId: number, signal: AbortSignal): Promise<void> {
    // The default throttler ignores `signal` once it sleeps; a rejection here makes the shard
    // drop the IDENTIFY of a socket that closed meanwhile instead of sending it on the next one.
    const closed = new Promise<never>((_resolve, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    await Promise.race([super.waitForIdentify(shardId, signal), closed]);
  }
}
