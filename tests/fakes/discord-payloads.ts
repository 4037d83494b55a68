import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  PermissionFlagsBits,
  type APIDMChannel,
  type APIGuildMember,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord.js';

/** Discord sends `flags: 0`, but its TypeScript flag enums have no 0 member. */
export const NO_FLAGS = 0 as never;

/** Milliseconds since the Unix epoch at which Discord snowflakes start (2015-01-01). */
export const DISCORD_EPOCH = 1_420_070_400_000n;

let snowflakeIncrement = 0n;

/** Returns a fresh, time-ordered snowflake id (as Discord sends them: a decimal string). */
export function nextSnowflake(): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  const timestamp = BigInt(Date.now()) - DISCORD_EPOCH;
  // Worker id 1 keeps fake ids distinguishable from hand-written fixture ids.
  return ((timestamp << 22n) | (1n << 17n) | snowflakeIncrement).toString();
}

/** Permissions a regular member has by default in the fake guilds (view, send, embed, history, commands). */
export const DEFAULT_MEMBER_PERMISSIONS = (
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands
).toString();

/** A text channel of a fake guild. */
export interface FakeChannel {
  id: string;
  name: string;
}

/** A guild as the fake serves it; normalised from {@link FakeGuildOptions}. */
export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  channels: FakeChannel[];
  /** Human members (the bot is always added as a member on top of these). */
  members: APIUser[];
}

/** Guild description accepted by `startFakeDiscord({ guilds })`. */
export interface FakeGuildOptions {
  id: string;
  name?: string;
  ownerId?: string;
  channels?: { id: string; name?: string }[];
  members?: APIUser[];
}

/** Builds a complete API v10 user object. */
export function apiUser(fields: Partial<APIUser> & Pick<APIUser, 'id' | 'username'>): APIUser {
  return {
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: false,
    public_flags: NO_FLAGS,
    ...fields,
  };
}

/** The human user that builders use when a test names no user. */
export const DEFAULT_USER: APIUser = apiUser({
  id: '400000000000000001',
  username: 'alice',
  global_name: 'Alice',
});

/** Another bot, used as the author of `fromBot` messages. */
export const OTHER_BOT_USER: APIUser = apiUser({
  id: '400000000000000099',
  username: 'other-bot',
  bot: true,
});

/** Fills in defaults for a guild description. */
export function normalizeGuild(options: FakeGuildOptions): FakeGuild {
  return {
    id: options.id,
    name: options.name ?? 'DevOps Learners',
    ownerId: options.ownerId ?? DEFAULT_USER.id,
    channels: (options.channels ?? []).map((c) => ({ id: c.id, name: c.name ?? 'general' })),
    members: options.members ?? [DEFAULT_USER],
  };
}

/** The @everyone role: Discord gives it the guild's own id. */
export function everyoneRole(guildId: string): APIRole {
  return {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: DEFAULT_MEMBER_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: NO_FLAGS,
  };
}

/** A guild text channel (type 0) object as Discord serialises it. */
export function textChannel(guildId: string, channel: FakeChannel, position = 0): APITextChannel {
  return {
    id: channel.id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name: channel.name,
    position,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: NO_FLAGS,
  };
}

/** A DM channel (type 1) between the bot and `recipient`. */
export function dmChannel(id: string, recipient: APIUser): APIDMChannel {
  return {
    id,
    type: ChannelType.DM,
    name: null,
    last_message_id: null,
    flags: NO_FLAGS,
    recipients: [recipient],
  };
}

/** A guild member object for `user`. */
export function guildMember(user: APIUser, joinedAt = new Date(0).toISOString()): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: NO_FLAGS,
    pending: false,
    communication_disabled_until: null,
  };
}

/** The full GUILD_CREATE payload Discord sends for an available guild. */
export function guildCreatePayload(
  guild: FakeGuild,
  botUser: APIUser,
): GatewayGuildCreateDispatchData {
  const members = [
    guildMember(botUser, new Date().toISOString()),
    ...guild.members.map((u) => guildMember(u)),
  ];
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [everyoneRole(guild.id)],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
    rules_channel_id: null,
    max_members: 500_000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members,
    channels: guild.channels.map((c, i) => textChannel(guild.id, c, i)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
