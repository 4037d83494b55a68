import { GatewayDispatchEvents, GatewayIntentBits } from 'discord.js';

const MESSAGE_EVENTS: readonly string[] = [
  GatewayDispatchEvents.MessageCreate,
  GatewayDispatchEvents.MessageUpdate,
  GatewayDispatchEvents.MessageDelete,
];

interface MessageLike {
  guild_id?: string;
  author?: { id?: string };
  mentions?: { id?: string }[];
}

function has(intents: number, bit: GatewayIntentBits): boolean {
  return (intents & bit) === bit;
}

/** Discord's rule: content is visible in DMs, in messages mentioning the app and in its own messages. */
function contentVisible(message: MessageLike, intents: number, botId: string): boolean {
  if (has(intents, GatewayIntentBits.MessageContent) || !message.guild_id) return true;
  return message.author?.id === botId || (message.mentions ?? []).some((u) => u.id === botId);
}

function withoutContent<T extends object>(message: T): T {
  return { ...message, content: '', embeds: [], attachments: [], components: [], poll: undefined };
}

/**
 * What a session with `intents` would receive for dispatch `t`: the payload, a copy with message
 * content blanked (no MessageContent intent), or undefined when Discord would not send it at all.
 */
export function filterForIntents<T>(
  t: string,
  d: T,
  intents: number,
  botId: string,
): T | undefined {
  if (!MESSAGE_EVENTS.includes(t) || typeof d !== 'object' || d === null) return d;
  const message = d as MessageLike;
  const needed = message.guild_id
    ? GatewayIntentBits.GuildMessages
    : GatewayIntentBits.DirectMessages;
  if (!has(intents, needed)) return undefined;
  if (t === GatewayDispatchEvents.MessageDelete || contentVisible(message, intents, botId))
    return d;
  return withoutContent(d);
}

/** Whether the session asked for GUILD_CREATE and other guild events. */
export function wantsGuilds(intents: number): boolean {
  return has(intents, GatewayIntentBits.Guilds);
}
