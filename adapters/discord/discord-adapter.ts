import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { DiscordConfig } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import type { PlatformAdapter } from '../../src/platform/adapter.js';
import type { ConversationRouter } from '../../src/platform/conversation.js';
import type { WeeklyPost, WeeklyPoster, WeeklySlot } from '../../src/platform/weekly-post.js';
import { ButtonActions } from './button-actions.js';
import { isTokenRejected, tokenRejectedError } from './discord-errors.js';
import type { DiscordHandlerContext } from './handler-context.js';
import { handleInteraction } from './interaction-handler.js';
import { logClientEvents } from './log-client-events.js';
import { handleMessage } from './message-handler.js';
import { postToChannel } from './post-to-channel.js';
import { renderWeeklyPost } from './render-weekly.js';
import { findWeeklyMessage, weeklyNonce } from './weekly-marker.js';

/** What the Discord adapter is built from. */
export interface DiscordAdapterOptions {
  config: DiscordConfig;
  router: ConversationRouter;
  logger: Logger;
  /** How long an answer may take before an interaction is deferred; default 2 s of Discord's 3. */
  deferAfterMs?: number;
}

const DEFAULT_DEFER_AFTER_MS = 2000;

/**
 * Serves `/devops` (with autocomplete and buttons), mentions and DMs on Discord through one
 * gateway connection, and posts the resource of the week.
 */
export class DiscordAdapter implements PlatformAdapter, WeeklyPoster {
  readonly name = 'discord';
  readonly platform = 'discord';
  private client: Client | undefined;
  private accepting = false;
  // `client.isReady()` and the manager's status stay "ready" while the gateway reconnects.
  private gatewayConnected = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly buttons = new ButtonActions();
  private readonly context: DiscordHandlerContext;

  constructor(private readonly options: DiscordAdapterOptions) {
    this.context = {
      router: options.router,
      buttons: this.buttons,
      render: { privateHits: options.config.ephemeral },
      logger: options.logger.child({ platform: 'discord' }),
      deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    };
  }

  /** Logs in and resolves once the gateway is ready; a rejected token is a start-up error. */
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
    });
    this.client = client;
    logClientEvents(client, this.context.logger);
    client.on(Events.ShardReady, () => (this.gatewayConnected = true));
    client.on(Events.ShardResume, () => (this.gatewayConnected = true));
    client.on(Events.ShardReconnecting, () => (this.gatewayConnected = false));
    client.on(Events.ShardDisconnect, () => (this.gatewayConnected = false));
    client.on(Events.InteractionCreate, (interaction) =>
      this.take(() => handleInteraction(interaction, this.context)),
    );
    client.on(Events.MessageCreate, (message) =>
      this.take(() => handleMessage(message, this.context)),
    );
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    this.accepting = true;
    try {
      await client.login(token);
    } catch (error) {
      await this.stop();
      if (!isTokenRejected(error)) throw error;
      throw tokenRejectedError();
    }
    await ready;
    if (client.isReady()) this.warnOnOtherApplication(client);
  }

  /** Stops taking new events, lets the handlers in flight finish, and disconnects. */
  async stop(): Promise<void> {
    this.accepting = false;
    await Promise.allSettled(this.inFlight);
    await this.client?.destroy();
    this.client = undefined;
  }

  isReady(): boolean {
    return this.accepting && this.gatewayConnected && this.client?.isReady() === true;
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
