import { PermissionFlagsBits, type Message } from 'discord.js';
import type { ConversationContext } from '../../src/platform/conversation.js';
import { stripInvocation } from '../../src/engine/invocation.js';
import { APOLOGY } from '../../src/platform/failure-notices.js';
import { errorDetails } from './discord-errors.js';
import { outgoing, type DiscordMessage } from './discord-text.js';
import type { DiscordHandlerContext } from './handler-context.js';
import { renderAnswer } from './render-answer.js';
import { DISCORD_CHANNEL_MANAGERS, whyBotCannotPost } from './bot-permissions.js';

/**
 * Answers a message that mentions the bot, as a reply to it, and any direct message, in the DM.
 * Messages from the bot itself and from other bots are ignored. This is the boundary for message
 * errors: they are logged, and the asker gets a short apology when Discord lets the bot say it.
 */
export async function handleMessage(
  message: Message,
  context: DiscordHandlerContext,
): Promise<void> {
  if (message.author.bot || message.system) return;
  const botId = message.client.user.id;
  if (message.inGuild() && !message.mentions.users.has(botId)) return;
  try {
    const query = queryIn(message.content);
    const answer = await context.router.answer(query, conversationOf(message));
    await reply(message, renderAnswer(answer, context.buttons, context.render));
  } catch (error) {
    context.logger.error(
      { ...errorDetails(error), channelId: message.channelId, userId: message.author.id },
      'discord message failed',
    );
    await reply(message, renderAnswer(APOLOGY, context.buttons, context.render)).catch(
      (apologyError: unknown) =>
        context.logger.warn(errorDetails(apologyError), 'discord apology could not be sent'),
    );
  }
}

async function reply(message: Message, answer: DiscordMessage): Promise<void> {
  // A deleted question should not stop the answer: it is then sent without the reference.
  await message.reply({ ...outgoing(answer), failIfNotExists: false });
}

/**
 * The question in a message: mentions (of the bot, anyone, roles, channels, everyone) only address
 * it, so they are removed, as is a typed `/devops`.
 */
function queryIn(text: string): string {
  return stripInvocation(text.replaceAll(/<@[!&]?\d+>|<#\d+>|@(?:everyone|here)\b/g, ' '));
}

function conversationOf(message: Message): ConversationContext {
  return {
    platform: 'discord',
    channelId: message.channelId,
    userId: message.author.id,
    channelManagers: DISCORD_CHANNEL_MANAGERS,
    canManageChannel: async () =>
      message.inGuild() &&
      (message.member?.permissionsIn(message.channel).has(PermissionFlagsBits.ManageChannels) ??
        false),
    whyBotCannotPost: async () =>
      whyBotCannotPost(
        message.inGuild() ? message.guild.members.me?.permissionsIn(message.channel) : undefined,
      ),
  };
}
