import {
  ChannelType,
  MessageType,
  type APIGuildMember,
  type APIMessage,
  type APIGuildMemberNoUser,
  type APIUser,
  type APIUserWithMember,
  type GatewayMessageCreateDispatchData,
} from 'discord.js';
import {
  DEFAULT_USER,
  NO_FLAGS,
  OTHER_BOT_USER,
  guildMember,
  nextSnowflake,
} from './discord-payloads.js';
import type { PayloadContext } from './discord-interactions.js';

/** Fields a test or a REST handler may set on a {@link messageObject}. */
export type MessageFields = Partial<APIMessage> & Pick<APIMessage, 'channel_id' | 'author'>;

/** A complete message object as returned by REST (and embedded in gateway events). */
export function messageObject(fields: MessageFields): APIMessage {
  return {
    id: nextSnowflake(),
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: MessageType.Default,
    flags: NO_FLAGS,
    ...fields,
  };
}

/** Options of {@link messageCreate}. */
export interface MessageCreateOptions {
  content: string;
  /** Defaults to {@link DEFAULT_USER}, or {@link OTHER_BOT_USER} with `fromBot`. */
  author?: APIUser;
  /** The author is a bot (`author.bot = true`); bots usually must ignore these. */
  fromBot?: boolean;
  /** A direct message: no `guild_id`, `channel_type: 1`, channel = the author's DM channel. */
  dm?: boolean;
  /** Defaults to the first fake guild. */
  guildId?: string;
  /** Defaults to the guild's first channel, or the author's DM channel. */
  channelId?: string;
  /** Prefix the content with `<@BOTID> ` and list the bot in `mentions`, as Discord does. */
  mentionBot?: boolean;
  /** Users mentioned in the content (added to `mentions`). */
  mentions?: APIUser[];
}

function memberNoUser(): APIGuildMemberNoUser {
  const member: Partial<APIGuildMember> = guildMember(DEFAULT_USER);
  delete member.user;
  return member as APIGuildMemberNoUser;
}

function resolveAuthor(opts: MessageCreateOptions): APIUser {
  const author = opts.author ?? (opts.fromBot ? OTHER_BOT_USER : DEFAULT_USER);
  return opts.fromBot ? { ...author, bot: true } : author;
}

/**
 * A MESSAGE_CREATE dispatch payload (API v10). Guild messages carry `guild_id`, `member` and
 * members on mentions; DMs carry `channel_type: 1` so discord.js can build the DM channel.
 */
export function messageCreate(
  ctx: PayloadContext,
  opts: MessageCreateOptions,
): GatewayMessageCreateDispatchData {
  const author = resolveAuthor(opts);
  const mentioned = [...(opts.mentionBot ? [ctx.botUser] : []), ...(opts.mentions ?? [])];
  const content = opts.mentionBot ? `<@${ctx.botUser.id}> ${opts.content}` : opts.content;
  if (opts.dm) {
    const channelId = opts.channelId ?? ctx.dmChannelFor(author);
    return {
      ...messageObject({ channel_id: channelId, author, content }),
      mentions: mentioned,
      channel_type: ChannelType.DM,
    };
  }
  const guild = opts.guildId ? ctx.guilds.find((g) => g.id === opts.guildId) : ctx.guilds[0];
  if (!guild) throw new Error(`fake discord has no guild ${opts.guildId ?? '(none configured)'}`);
  const channelId = opts.channelId ?? guild.channels[0]?.id;
  if (!channelId) throw new Error(`fake guild ${guild.id} has no channel`);
  const withMember = (u: APIUser): APIUserWithMember => ({ ...u, member: memberNoUser() });
  return {
    ...messageObject({ channel_id: channelId, author, content }),
    guild_id: guild.id,
    member: memberNoUser(),
    mentions: mentioned.map(withMember),
    channel_type: ChannelType.GuildText,
  };
}
