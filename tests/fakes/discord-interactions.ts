import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIBaseInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIUser,
} from 'discord.js';
import {
  DEFAULT_MEMBER_PERMISSIONS,
  DEFAULT_USER,
  dmChannel,
  guildMember,
  nextSnowflake,
  textChannel,
  type FakeGuild,
} from './discord-payloads.js';
import { messageObject } from './discord-messages.js';

/** What the builders need to know about the fake they build payloads for. */
export interface PayloadContext {
  appId: string;
  botUser: APIUser;
  guilds: readonly FakeGuild[];
  /** Id of the DM channel between the bot and `user`; the fake creates it on first use. */
  dmChannelFor(user: APIUser): string;
}

/** Where an interaction happens and who triggers it. */
export interface InteractionOptions {
  /** Defaults to {@link DEFAULT_USER}. */
  user?: APIUser;
  /** Build a bot-DM interaction (no guild, `user` instead of `member`, channel type 1). */
  dm?: boolean;
  /** Defaults to the first fake guild. */
  guildId?: string;
  /** Defaults to the guild's first channel, or the user's DM channel. */
  channelId?: string;
  /** The invoking member's permission bitfield (decimal string). */
  memberPermissions?: string;
  /** The bot's permission bitfield in the channel (decimal string). */
  appPermissions?: string;
  locale?: Locale;
}

/** A chat-input option as the test writes it: `{ name: 'query', type: 3, value: 'k8s' }`. */
export type CommandOptionInput = APIApplicationCommandInteractionDataBasicOption;

/** Options of {@link chatInputInteraction}. */
export interface ChatInputOptions extends InteractionOptions {
  name?: string;
  commandId?: string;
  options?: CommandOptionInput[];
}

/** Options of {@link autocompleteInteraction}. */
export interface AutocompleteOptions extends ChatInputOptions {
  /** Shortcut for `options: [{ name: 'query', type: 3, value, focused: true }]`. */
  value?: string;
}

/** Options of {@link buttonInteraction}. */
export interface ButtonOptions extends InteractionOptions {
  customId: string;
  /** The message carrying the button; defaults to a bot message in the channel with that button. */
  message?: APIMessage;
}

type Envelope = Omit<APIBaseInteraction<InteractionType, never>, 'type' | 'data'> & {
  channel: NonNullable<APIBaseInteraction<InteractionType, never>['channel']>;
  channel_id: string;
  app_permissions: string;
};

function findGuild(ctx: PayloadContext, guildId: string | undefined): FakeGuild {
  const guild = guildId ? ctx.guilds.find((g) => g.id === guildId) : ctx.guilds[0];
  if (!guild) throw new Error(`fake discord has no guild ${guildId ?? '(none configured)'}`);
  return guild;
}

function guildChannel(guild: FakeGuild, channelId: string | undefined) {
  const channel = channelId ? guild.channels.find((c) => c.id === channelId) : guild.channels[0];
  return channel ?? { id: channelId ?? nextSnowflake(), name: 'general' };
}

/** The fields every interaction carries, for a guild or a bot DM. */
function envelope(ctx: PayloadContext, opts: InteractionOptions): Envelope {
  const user = opts.user ?? DEFAULT_USER;
  const appPermissions = opts.appPermissions ?? DEFAULT_MEMBER_PERMISSIONS;
  const common = {
    id: nextSnowflake(),
    application_id: ctx.appId,
    token: `fake-interaction-token-${nextSnowflake()}`,
    version: 1 as const,
    app_permissions: appPermissions,
    locale: opts.locale ?? Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (opts.dm) {
    const channelId = opts.channelId ?? ctx.dmChannelFor(user);
    return {
      ...common,
      user,
      channel: { ...dmChannel(channelId, user) },
      channel_id: channelId,
      context: InteractionContextType.BotDM,
      // A guild-installed app used in its bot DM reports "0" as the guild owner id.
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' },
    };
  }
  const guild = findGuild(ctx, opts.guildId);
  const channel = guildChannel(guild, opts.channelId);
  // Interaction channels carry the bot's computed permissions in that channel.
  const channelObject = { ...textChannel(guild.id, channel), permissions: appPermissions };
  return {
    ...common,
    guild_id: guild.id,
    guild: { id: guild.id, locale: Locale.EnglishUS, features: [] },
    guild_locale: Locale.EnglishUS,
    member: {
      ...guildMember(user),
      permissions: opts.memberPermissions ?? DEFAULT_MEMBER_PERMISSIONS,
    },
    channel: channelObject,
    channel_id: channel.id,
    context: InteractionContextType.Guild,
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guild.id },
  };
}

/** A slash-command (type 2 APPLICATION_COMMAND) interaction, e.g. `/devops query:k8s`. */
export function chatInputInteraction(
  ctx: PayloadContext,
  opts: ChatInputOptions = {},
): APIChatInputApplicationCommandInteraction {
  return {
    ...envelope(ctx, opts),
    type: InteractionType.ApplicationCommand,
    data: {
      id: opts.commandId ?? nextSnowflake(),
      type: ApplicationCommandType.ChatInput,
      name: opts.name ?? 'devops',
      ...(opts.options && { options: opts.options }),
    },
  };
}

/** An autocomplete (type 4) interaction; one option should carry `focused: true`. */
export function autocompleteInteraction(
  ctx: PayloadContext,
  opts: AutocompleteOptions = {},
): APIApplicationCommandAutocompleteInteraction {
  const options = opts.options ?? [
    {
      name: 'query',
      type: ApplicationCommandOptionType.String,
      value: opts.value ?? '',
      focused: true,
    },
  ];
  return {
    ...envelope(ctx, opts),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: opts.commandId ?? nextSnowflake(),
      type: ApplicationCommandType.ChatInput,
      name: opts.name ?? 'devops',
      options,
    },
  };
}

/** A button click (type 3 MESSAGE_COMPONENT, component_type 2) on `message`. */
export function buttonInteraction(
  ctx: PayloadContext,
  opts: ButtonOptions,
): APIMessageComponentButtonInteraction {
  const base = envelope(ctx, opts);
  const message =
    opts.message ??
    messageObject({
      channel_id: base.channel_id,
      author: ctx.botUser,
      content: 'Here are some resources.',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.Button,
              style: ButtonStyle.Secondary,
              label: 'More',
              custom_id: opts.customId,
            },
          ],
        },
      ],
    });
  return {
    ...base,
    type: InteractionType.MessageComponent,
    data: { custom_id: opts.customId, component_type: ComponentType.Button },
    message,
  };
}
