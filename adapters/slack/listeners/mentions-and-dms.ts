import type { App, webApi } from '@slack/bolt';
import { stripInvocation } from '../../../src/engine/invocation.js';
import {
  isPrivateNotice,
  questionLogFields,
  type SlackConversation,
  type SlackQuestion,
} from '../slack-conversation.js';
import { slackErrorFields } from '../slack-errors.js';

/** Where a message to the bot was written, so the reply lands beside it. */
interface MessagePlace extends SlackQuestion {
  threadTs?: string;
  directMessage: boolean;
}

/**
 * `@devops-bot QUERY` in a channel, answered in a thread under the mention, and direct messages,
 * answered in the DM. Messages from bots, this one included, are ignored.
 */
export function registerMentionsAndDirectMessages(app: App, conversation: SlackConversation): void {
  app.event('app_mention', async ({ event, client, context }) => {
    if (event.bot_id || !event.user) return;
    await answerInPlace(client, conversation, {
      text: queryFromMessage(event.text, context.botUserId),
      channelId: event.channel,
      userId: event.user,
      threadTs: event.thread_ts ?? event.ts,
      directMessage: false,
    });
  });

  app.message(async ({ message, client, context }) => {
    if (message.subtype !== undefined || message.channel_type !== 'im' || message.bot_id) return;
    await answerInPlace(client, conversation, {
      text: queryFromMessage(message.text ?? '', context.botUserId),
      channelId: message.channel,
      userId: message.user,
      ...(message.thread_ts ? { threadTs: message.thread_ts } : {}),
      directMessage: true,
    });
  });
}

/** The query in a message: the bot's own mention and a leading `devops-bot:` removed. */
export function queryFromMessage(text: string, botUserId: string | undefined): string {
  const mention = botUserId
    ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g')
    : /^\s*<@[A-Z0-9]+(\|[^>]*)?>/;
  return stripInvocation(text.replace(mention, ' '));
}

async function answerInPlace(
  client: webApi.WebClient,
  conversation: SlackConversation,
  place: MessagePlace,
): Promise<void> {
  const source = place.directMessage ? 'direct message' : 'mention';
  const { message, ephemeral } = await conversation.reply(
    place,
    (answer) => ({ ephemeral: !place.directMessage && isPrivateNotice(answer) }),
    source,
  );
  const where = {
    channel: place.channelId,
    ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
  };
  try {
    if (ephemeral && !place.directMessage) {
      await client.chat.postEphemeral({ ...where, user: place.userId, ...message });
    } else {
      await client.chat.postMessage({
        ...where,
        ...message,
        unfurl_links: false,
        unfurl_media: false,
      });
    }
  } catch (error) {
    conversation.logger.error(
      { err: error, ...slackErrorFields(error), ...questionLogFields(place), source },
      'slack reply could not be posted',
    );
  }
}
