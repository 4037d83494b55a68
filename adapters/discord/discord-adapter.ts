import { createHash } from 'node:crypto';
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { DiscordConfig } from './platform.js';
import type { Logger } from '../../src/logger.js';
import { StartupError } from '../../src/errors/startup-error.js';
import type { OnGiveUp, PlatformAdapter } from '../../src/platform/adapter.js';
import type { ConversationRouter } from '../../src/platform/conversation-router.js';
import type { WeeklyPost, WeeklyPoster, WeeklySlot } from '../../src/platform/weekly-post.js';
import { ButtonActions } from './button-actions.js';
import { loginFault } from './gateway-faults.js';
import { GatewayWatch } from './gateway-watch.js';
import type { DiscordHandlerContext } from './handler-context.js';
import { handleInteraction } from './interaction-handler.js';
import { logClientEvents } from './log-client-events.js';
import { handleMessage } from './message-handler.js';
import { postToChannel } from './post-to-channel.js';
import { renderWeeklyPost } from './render-weekly.js';
import { StayDownShardingStrategy } from './stay-down-shards.js';
import { findWeeklyMessage, weeklyNonce } from './weekly-marker.js';

/** What the Discord adapter is built from. */
export interface DiscordAdapterOptions {
  config: DiscordConfig;
  router: ConversationRouter;
  logger: Logger;
  /** How long an answer may take before an interaction is deferred; default 2 s of Discord's 3. */
  deferAfterMs?: number;
  /** Told when the adapter gives up after start-up (see {@link GatewayWatch}). */
  onGiveUp?: OnGiveUp;
}

const DEFAULT_DEFER_AFTER_MS = 2000;
const DEFAULT_READY_TIMEOUT_MS = 60_000;
const DESTROY_GRACE_MS = 2000;

/**
 * Serves `/devops` (with autocomplete and buttons), mentions and DMs on Discord through one
 * gateway connection, and posts the resource of the week.
 */
export class DiscordAdapter implements PlatformAdapter, WeeklyPoster {
  readonly name = 'discord';
  readonly platform = 'discord';
  private client: Client | undefined;
  private accepting = false;
  private watch: GatewayWatch | undefined;
  private givenUp = false;
  /** Rejects the start in progress, when a fault comes before READY. */
  private failStart: ((reason: StartupError) => void) | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly buttons = new ButtonActions();
  private readonly context: DiscordHandlerContext;

  /** One gateway session per bot token: named by the token's hash, so the token never leaves. */
  readonly sessionLease: string;

  constructor(private readonly options: DiscordAdapterOptions) {
    const tokenHash = createHash('sha256').update(options.config.token).digest('hex');
    this.sessionLease = `discord gateway ${tokenHash}`;
    this.context = {
      router: options.router,
      buttons: this.buttons,
      render: { privateHits: options.config.ephemeral },
      logger: options.logger.child({ platform: 'discord' }),
      deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    };
  }

  /**
   * Logs in and resolves once the gateway is ready. A rejected token, a fatal close code, READY
   * not sent in time or Discord out of reach is a start-up error saying what to do.
   */
  async start(): Promise<void> {
    const { token, apiUrl } = this.options.config;
    const client = new Client({
      // Mentions carry their content without the privileged MessageContent intent.
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.DirectMessages,
      ],
      partials: [Partials.Channel],
      rest: apiUrl ? { api: apiUrl } : {},
      // A client destroyed while its gateway is still connecting must not reconnect on its own.
      ws: { buildStrategy: (manager) => new StayDownShardingStrategy(manager) },
    });
    this.client = client;
    logClientEvents(client, this.context.logger);
    const failed = new Promise<never>((_resolve, reject) => (this.failStart = reject));
    const { readyTimeoutMs = DEFAULT_READY_TIMEOUT_MS } = this.options.config;
    const watch = new GatewayWatch(client, readyTimeoutMs, (reason) => this.giveUp(reason, watch));
    this.watch = watch;
    client.on(Events.InteractionCreate, (interaction) =>
      this.take(() => handleInteraction(interaction, this.context)),
    );
    client.on(Events.MessageCreate, (message) =>
      this.take(() => handleMessage(message, this.context)),
    );
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    this.accepting = true;
    try {
      await Promise.race([client.login(token).then(() => ready), failed]);
    } catch (error) {
      await this.stop();
      throw error instanceof StartupError ? error : (loginFault(error, apiUrl) ?? error);
    } finally {
      this.failStart = undefined;
    }
    if (client.isReady()) this.warnOnOtherApplication(client);
  }

  /** Stops taking new events, lets the handlers in flight finish, and disconnects. */
  async stop(): Promise<void> {
    this.accepting = false;
    this.watch?.stop();
    this.watch = undefined;
    await Promise.allSettled(this.inFlight);
    // A safety net: should @discordjs/ws not settle a destroy, the process must not wait on it.
    await settledWithin(this.client?.destroy(), DESTROY_GRACE_MS);
    this.client = undefined;
  }

  isReady(): boolean {
    return (
      this.accepting &&
      !this.givenUp &&
      this.watch?.connected === true &&
      this.client?.isReady() === true
    );
  }

  /** Posts the resource of the week with a nonce Discord enforces, so a repeated request posts once. */
  async postWeekly(channelId: string, post: WeeklyPost): Promise<string> {
    const client = this.connectedClient();
    const message = renderWeeklyPost(post, this.buttons);
    return postToChannel(client, channelId, message, weeklyNonce(channelId, post));
  }

  /** The id of the weekly post for `post`'s slot among the channel's recent messages. */
  async findWeekly(channelId: string, post: WeeklySlot): Promise<string | undefined> {
    return findWeeklyMessage(this.connectedClient(), channelId, post);
  }

  private connectedClient(): Client<true> {
    const client = this.client;
    if (!client?.isReady()) throw new Error('the Discord adapter is not connected');
    return client;
  }

  /**
   * Gives up on Discord: fails the start in progress, or tells the bot, which stops and exits.
   * A watch of a stopped client (the adapter stopped, maybe started again) is no longer heard.
   */
  private giveUp(reason: StartupError, from: GatewayWatch): void {
    if (this.givenUp || from !== this.watch) return;
    this.givenUp = true;
    if (this.failStart) this.failStart(reason);
    else if (this.options.onGiveUp) this.options.onGiveUp(reason);
    else this.context.logger.fatal({ code: reason.code }, reason.message);
  }

  private take(handle: () => Promise<void>): void {
    if (!this.accepting) return;
    const handling = handle()
      .catch((error: unknown) =>
        this.context.logger.error({ err: error }, 'discord handler failed'),
      )
      .finally(() => this.inFlight.delete(handling));
    this.inFlight.add(handling);
  }

  private warnOnOtherApplication(client: Client<true>): void {
    const { appId } = this.options.config;
    if (client.application.id === appId) return;
    this.context.logger.warn(
      { configured: appId, actual: client.application.id },
      'DISCORD_APP_ID is not the application of DISCORD_TOKEN; discord-register will target the wrong one',
    );
  }
}

/** Waits for `work`, but no longer than `ms`. */
async function settledWithin(work: Promise<unknown> | undefined, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([work?.catch(() => undefined), late]).finally(() => clearTimeout(timer));
}
