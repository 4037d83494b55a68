import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { StartupError } from '../../src/errors/startup-error.js';
import { LOOPBACK } from '../../src/config.js';
import type { SlackConfig } from './platform.js';
import type { Logger } from '../../src/logger.js';
import type { OnGiveUp, PlatformAdapter } from '../../src/platform/adapter.js';
import type { ConversationRouter } from '../../src/platform/conversation-router.js';
import type { WeeklyPost, WeeklyPoster, WeeklySlot } from '../../src/platform/weekly-post.js';
import { boltLogger } from './bolt-logger.js';
import { SlackChannelManagers } from './channel-managers.js';
import { createBoltApp } from './create-bolt-app.js';
import { ignoreRepeatedEvents, type SeenEvents } from './ignore-repeated-events.js';
import { InFlightWork } from './in-flight-work.js';
import { registerButtons } from './listeners/buttons.js';
import { registerMentionsAndDirectMessages } from './listeners/mentions-and-dms.js';
import { registerSlashCommand } from './listeners/slash-command.js';
import { renderWeeklyPost } from './render-weekly-post.js';
import { findWeeklyMessage, weeklyMetadata } from './weekly-marker.js';
import { SlackConversation } from './slack-conversation.js';
import { slackFault } from './slack-faults.js';
import { catchReconnectFailures } from './socket-reconnects.js';
import { channelUnavailable, slackErrorFields } from './slack-errors.js';

const START_RETRY_DELAYS_MS = [1000, 2000, 4000];

/** What the Slack adapter is built from. */
export interface SlackAdapterOptions {
  config: SlackConfig;
  /** The port HTTP mode listens on; 0 picks a free one (see {@link SlackAdapter.httpPort}). */
  port: number;
  /** The address HTTP mode listens on (`HOST`); default 127.0.0.1. */
  host?: string;
  router: ConversationRouter;
  logger: Logger;
  /** Remembers Events API deliveries, so an event Slack sends again is acted on once. */
  seenEvents: SeenEvents;
  /** Told when the adapter gives up after start-up (Socket Mode could not reconnect). */
  onGiveUp?: OnGiveUp;
  /** Waits between `auth.test` attempts while Slack cannot be reached at start; default 1, 2, 4 s. */
  startRetryDelaysMs?: number[];
  /** How long one Web API call may take before it fails; default 10 s. */
  webApiTimeoutMs?: number;
  /** How long a slash command may take before it is acknowledged empty and answered later. */
  ackDeadlineMs?: number;
}

/**
 * devops-bot on Slack: the slash command, mentions, direct messages and buttons through Bolt, in
 * HTTP mode or Socket Mode; and the resource of the week posted to subscribed channels.
 */
export class SlackAdapter implements PlatformAdapter, WeeklyPoster {
  readonly name = 'slack';
  readonly platform = 'slack' as const;
  private readonly app: App;
  private readonly logger: Logger;
  private readonly work = new InFlightWork();
  private server?: Server;
  private running = false;
  private socketConnected: boolean;
  private givenUp = false;

  constructor(private readonly options: SlackAdapterOptions) {
    const { config } = options;
    this.logger = options.logger.child({ platform: 'slack' });
    const bolt = createBoltApp(config, boltLogger(this.logger), options.webApiTimeoutMs);
    this.app = bolt.app;
    // Socket Mode reconnects by itself; until it has, the bot is not ready.
    bolt.socket?.on('connected', () => (this.socketConnected = true));
    bolt.socket?.on('reconnecting', () => (this.socketConnected = false));
    bolt.socket?.on('disconnected', () => (this.socketConnected = false));
    bolt.socket?.on('close', () => (this.socketConnected = false));
    this.socketConnected = !bolt.socket;
    if (bolt.socket) catchReconnectFailures(bolt.socket, (error) => this.reconnectFailed(error));
    this.app.use(({ next }) => this.work.run(next));
    ignoreRepeatedEvents(this.app, options.seenEvents, this.logger);
    this.app.error(async ({ error, body }: { error: Error; body: unknown }) => {
      this.logger.error(
        { err: error, ...slackErrorFields(error), ...describeRequest(body) },
        'slack request failed',
      );
    });
    const managers = new SlackChannelManagers(this.app.client, config.adminUsers, this.logger);
    const conversation = new SlackConversation(
      options.router,
      managers,
      config.command,
      config.responseType,
      this.logger,
    );
    registerSlashCommand(this.app, conversation, options.ackDeadlineMs);
    registerMentionsAndDirectMessages(this.app, conversation);
    registerButtons(this.app, conversation);
  }

  /** Checks the bot token with `auth.test`, then listens (HTTP mode) or connects (Socket Mode). */
  async start(): Promise<void> {
    await this.checkToken();
    try {
      if (this.options.config.mode === 'socket') await this.app.start();
      else {
        const { port, host = LOOPBACK } = this.options;
        this.server = await this.app.start({ port, host });
        this.logger.info({ host, port: this.httpPort }, 'listening for Slack requests');
      }
    } catch (error) {
      throw this.connectionError(error);
    }
    this.running = true;
  }

  isReady(): boolean {
    return this.running && this.socketConnected && !this.givenUp;
  }

  /**
   * `auth.test`, retried with backoff while Slack cannot be reached; a rejected token, or Slack
   * still out of reach after the last retry, is a start-up error saying which.
   */
  private async checkToken(): Promise<void> {
    const delays = this.options.startRetryDelaysMs ?? START_RETRY_DELAYS_MS;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.app.init();
        return;
      } catch (error) {
        const fault = slackFault(error, 'auth.test', 'SLACK_BOT_TOKEN', this.options.config.apiUrl);
        if (!fault) throw error;
        const delay = delays[attempt];
        if (!fault.retry || delay === undefined) throw fault.reason;
        this.logger.warn({ retryInMs: delay }, fault.reason.message);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** Socket Mode could not reconnect: the bot gives up, saying why, rather than stay deaf. */
  private reconnectFailed(error: unknown): void {
    if (this.givenUp || !this.running) return;
    this.givenUp = true;
    const { config, onGiveUp } = this.options;
    const reason =
      slackFault(error, 'apps.connections.open', 'SLACK_APP_TOKEN', config.apiUrl)?.reason ??
      new StartupError(
        `Slack Socket Mode could not reconnect (${String(error)}).`,
        'SLACK_SOCKET_FAILED',
        1,
      );
    if (onGiveUp) onGiveUp(reason);
    else this.logger.fatal({ code: reason.code }, reason.message);
  }

  /** Refuses new requests, lets those in flight finish their replies, then disconnects. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.work.close();
    await this.work.drained();
    try {
      await this.app.stop();
    } catch (error) {
      this.logger.warn({ err: error }, 'slack did not stop cleanly');
    }
  }

  /** The port HTTP mode listens on, once started. */
  get httpPort(): number | undefined {
    const address = this.server?.address();
    return typeof address === 'object' && address ? (address as AddressInfo).port : undefined;
  }

  /**
   * Posts the resource of the week, marked with metadata naming its channel and slot; a channel
   * Slack says is gone throws `ChannelUnavailableError`.
   */
  async postWeekly(channelId: string, post: WeeklyPost): Promise<string> {
    try {
      const result = await this.app.client.chat.postMessage({
        channel: channelId,
        ...renderWeeklyPost(post),
        metadata: weeklyMetadata(channelId, post),
        unfurl_links: false,
        unfurl_media: false,
      });
      return result.ts ?? '';
    } catch (error) {
      throw channelUnavailable(error, channelId) ?? error;
    }
  }

  /** The `ts` of the weekly post for `post`'s slot, found by its metadata in recent history. */
  async findWeekly(channelId: string, post: WeeklySlot): Promise<string | undefined> {
    try {
      return await findWeeklyMessage(this.app.client, channelId, post);
    } catch (error) {
      throw channelUnavailable(error, channelId) ?? error;
    }
  }

  private connectionError(error: unknown): Error {
    if ((error as { code?: unknown }).code === 'EADDRINUSE') {
      return new StartupError(
        `PORT ${this.options.port} is already in use; set PORT to a free port for Slack's HTTP mode.`,
        'PORT_IN_USE',
      );
    }
    if ((error as { code?: unknown }).code === 'EADDRNOTAVAIL') {
      return new StartupError(
        `Cannot listen on HOST ${this.options.host}: no interface of this machine has that address. Set HOST to 127.0.0.1, 0.0.0.0 or one of this machine's addresses.`,
        'HOST_UNAVAILABLE',
      );
    }
    if (this.options.config.mode === 'socket') {
      return new StartupError(
        `Slack Socket Mode did not connect (${String(error)}); check SLACK_APP_TOKEN, an xapp- token with connections:write.`,
        'SLACK_SOCKET_FAILED',
      );
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}

function describeRequest(body: unknown): Record<string, unknown> {
  const request = (body ?? {}) as {
    type?: string;
    command?: string;
    event?: { type?: string; channel?: string; user?: string };
    user?: { id?: string } | string;
    user_id?: string;
    channel_id?: string;
  };
  return {
    requestType: request.command ?? request.event?.type ?? request.type,
    channelId: request.channel_id ?? request.event?.channel,
    userId:
      request.user_id ??
      request.event?.user ??
      (typeof request.user === 'object' ? request.user.id : request.user),
  };
}
