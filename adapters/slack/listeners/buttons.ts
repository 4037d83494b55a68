import type { App, BlockButtonAction, RespondFn } from '@slack/bolt';
import { ACTIONS, decodeQueryButton, TOPIC_ACTION } from '../query-buttons.js';
import {
  isPrivateNotice,
  type SlackConversation,
  type SlackQuestion,
  type ViewFor,
} from '../slack-conversation.js';
import { slackErrorFields } from '../slack-errors.js';

/** A click on one of the bot's buttons, reduced to what the handlers need. */
interface Click {
  question: SlackQuestion;
  /** Whether the clicked message was seen by the clicker only. */
  onEphemeral: boolean;
  respond: RespondFn;
}

/**
 * The bot's buttons. **Share in channel** reposts the answer for everyone, saying who shared it;
 * **More** replaces the message with the next page; a topic button answers that topic, in place
 * on a message only the clicker sees, else privately to the clicker.
 */
export function registerButtons(app: App, conversation: SlackConversation): void {
  onClick(app, ACTIONS.share, conversation, async (click) => {
    const sharedBy = click.question.userId;
    const view: ViewFor = (answer) =>
      isPrivateNotice(answer) ? { ephemeral: true } : { ephemeral: false, sharedBy };
    const { message, ephemeral } = await conversation.reply(click.question, view, 'share');
    if (ephemeral) {
      return click.respond({ response_type: 'ephemeral', replace_original: false, ...message });
    }
    await click.respond({ response_type: 'in_channel', replace_original: false, ...message });
    if (click.onEphemeral) await click.respond({ delete_original: true });
  });

  onClick(app, ACTIONS.more, conversation, async (click) => {
    const view = () => ({ ephemeral: click.onEphemeral });
    const { message } = await conversation.reply(click.question, view, 'more');
    await click.respond({ replace_original: true, ...message });
  });

  onClick(app, TOPIC_ACTION, conversation, async (click) => {
    const { message } = await conversation.reply(
      click.question,
      () => ({ ephemeral: true }),
      'topic',
    );
    const placement = click.onEphemeral
      ? { replace_original: true }
      : { response_type: 'ephemeral' as const, replace_original: false };
    await click.respond({ ...placement, ...message });
  });
}

function onClick(
  app: App,
  actionId: string | RegExp,
  conversation: SlackConversation,
  handle: (click: Click) => Promise<unknown>,
): void {
  app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond }) => {
    await ack();
    const request = decodeQueryButton(action.value);
    const channelId = body.channel?.id ?? (body.container as { channel_id?: string }).channel_id;
    if (!request || !channelId) {
      conversation.logger.warn({ actionId: action.action_id }, 'slack button without a query');
      return;
    }
    const question = { text: request.query, page: request.page, channelId, userId: body.user.id };
    const onEphemeral = (body.container as { is_ephemeral?: boolean }).is_ephemeral === true;
    try {
      await handle({ question, onEphemeral, respond });
    } catch (error) {
      conversation.logger.error(
        { err: error, ...slackErrorFields(error), actionId: action.action_id, channelId },
        'slack button answer could not be sent to response_url',
      );
    }
  });
}
