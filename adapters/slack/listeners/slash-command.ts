import type { App } from '@slack/bolt';
import {
  isPrivateNotice,
  questionLogFields,
  type SlackConversation,
  type SlackReply,
} from '../slack-conversation.js';
import { slackErrorFields } from '../slack-errors.js';

/** Slack gives up on a slash command after 3 seconds; answers slower than this go to response_url. */
export const DEFAULT_ACK_DEADLINE_MS = 2500;

/**
 * `/devops QUERY`: acknowledged with the rendered answer in the body or, when answering takes
 * longer than `ackDeadlineMs`, acknowledged empty and answered through `response_url`. A failure
 * is acknowledged with a short apology and logged.
 */
export function registerSlashCommand(
  app: App,
  conversation: SlackConversation,
  ackDeadlineMs = DEFAULT_ACK_DEADLINE_MS,
): void {
  app.command(conversation.command, async ({ command, ack, respond }) => {
    const question = { text: command.text, channelId: command.channel_id, userId: command.user_id };
    const replying = conversation.reply(
      question,
      (answer) => ({
        ephemeral: conversation.responseType === 'ephemeral' || isPrivateNotice(answer),
      }),
      'slash command',
    );
    const early = await settledWithin(replying, ackDeadlineMs);
    if (early) return ack(asResponse(early.value));
    await ack();
    try {
      await respond(asResponse(await replying));
    } catch (error) {
      conversation.logger.error(
        { err: error, ...slackErrorFields(error), ...questionLogFields(question) },
        'slack slash command answer could not be sent to response_url',
      );
    }
  });
}

function asResponse({ message, ephemeral }: SlackReply) {
  return {
    response_type: ephemeral ? ('ephemeral' as const) : ('in_channel' as const),
    ...message,
  };
}

async function settledWithin<T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ value: T } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
