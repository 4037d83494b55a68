import {
  InteractionType,
  type APIApplicationCommand,
  type APIChannel,
  type APIInteraction,
  type APIMessage,
  type APIUser,
} from 'discord.js';
import {
  DEFAULT_USER,
  OTHER_BOT_USER,
  apiUser,
  dmChannel,
  nextSnowflake,
  textChannel,
  type FakeGuild,
} from './discord-payloads.js';
import type { PayloadContext } from './discord-interactions.js';

/** An interaction the fake dispatched, with what the bot has answered so far. */
export interface InteractionRecord {
  id: string;
  type: InteractionType;
  token: string;
  channelId: string;
  guildId: string | undefined;
  user: APIUser;
  /** The message a component was clicked on. */
  message: APIMessage | undefined;
  /** Callback type of the first (and only allowed) response. */
  responseType: number | undefined;
  original: APIMessage | undefined;
  followups: Map<string, APIMessage>;
}

/** One answer the bot gave through `POST /interactions/:id/:token/callback`. */
export interface InteractionCallbackRecord {
  interactionId: string;
  token: string;
  type: number;
  data: unknown;
}

/** Mutable world of the fake: who exists, what was sent, which commands are registered. */
export class FakeDiscordState implements PayloadContext {
  readonly interactions = new Map<string, InteractionRecord>();
  readonly callbacks: InteractionCallbackRecord[] = [];
  readonly messages = new Map<string, APIMessage>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  private readonly dmChannels = new Map<string, APIChannel>();
  private readonly nonces = new Map<string, string>();
  /** `ws://127.0.0.1:PORT`, known once the server listens. */
  gatewayUrl = '';

  constructor(
    /** The bot token accepted now; {@link FakeDiscord.revokeToken} changes it. */
    public token: string,
    readonly appId: string,
    readonly botUser: APIUser,
    readonly guilds: readonly FakeGuild[],
  ) {}

  /** Id of the bot's DM channel with `user`, creating the channel on first use. */
  dmChannelFor(user: APIUser): string {
    const existing = [...this.dmChannels.values()].find(
      (c) => 'recipients' in c && c.recipients?.[0]?.id === user.id,
    );
    if (existing) return existing.id;
    const channel = dmChannel(nextSnowflake(), user);
    this.dmChannels.set(channel.id, channel);
    return channel.id;
  }

  /** A guild text channel or DM channel by id. */
  channel(id: string): APIChannel | undefined {
    for (const guild of this.guilds) {
      const index = guild.channels.findIndex((c) => c.id === id);
      const found = guild.channels[index];
      if (found) return textChannel(guild.id, found, index);
    }
    return this.dmChannels.get(id);
  }

  /** Guild id of a guild channel; undefined for DMs and unknown channels. */
  guildOfChannel(id: string): string | undefined {
    return this.guilds.find((g) => g.channels.some((c) => c.id === id))?.id;
  }

  /** Any user the fake knows (bot, guild members, defaults), or a plausible stranger. */
  user(id: string): APIUser {
    const known = [
      this.botUser,
      DEFAULT_USER,
      OTHER_BOT_USER,
      ...this.guilds.flatMap((g) => g.members),
    ];
    return known.find((u) => u.id === id) ?? apiUser({ id, username: `user-${id.slice(-4)}` });
  }

  /** Remembers a dispatched INTERACTION_CREATE so its callback and webhook routes resolve. */
  trackInteraction(interaction: APIInteraction): void {
    const user = interaction.member?.user ?? interaction.user;
    this.interactions.set(interaction.token, {
      id: interaction.id,
      type: interaction.type,
      token: interaction.token,
      channelId: interaction.channel?.id ?? interaction.channel_id ?? '',
      guildId: interaction.guild_id,
      user: user ?? DEFAULT_USER,
      message: 'message' in interaction ? interaction.message : undefined,
      responseType: undefined,
      original: undefined,
      followups: new Map(),
    });
  }

  /** Remembers which message an enforced nonce created in a channel. */
  rememberNonce(channelId: string, nonce: string, messageId: string): void {
    this.nonces.set(`${channelId}:${nonce}`, messageId);
  }

  /** The message an enforced nonce created in the channel, while it still exists. */
  messageWithNonce(channelId: string, nonce: string): APIMessage | undefined {
    const id = this.nonces.get(`${channelId}:${nonce}`);
    return id === undefined ? undefined : this.messages.get(id);
  }

  /** Remembers a dispatched message so replies referencing it resolve. */
  trackMessage(message: APIMessage): void {
    this.messages.set(message.id, message);
  }
}
