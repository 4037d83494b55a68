import type { App, BlockButtonAction, RespondFn } from '@slack/bolt';
import { voteAcknowledgement } from '../../../src/platform/answer-feedback.js';
import { APOLOGY, ASK_AGAIN } from '../../../src/platform/failure-notices.js';
import {
  ACTIONS,
  decodeButtonValue,
  TOPIC_ACTION,
  verdictOfAction,
  VOTE_ACTION,
} from '../query-buttons.js';
import {
  isPrivateNotice,
  type SlackConversation,
  type SlackQuestion,
  type ViewFor,
} from '../slack-conversation.js';
import { slackErrorFields } from '../slack-errors.js';
import { renderAnswer } from '../render-answer.js';
import { escapeMrkdwn } from '../slack-text.js';

/** A click on one of the bot's buttons, reduced to what the handlers need. */
interface Click {
  question: SlackQuestion;
  /** Whether the clicked message was seen by the clicker only. */
  onEphemeral: boolean;
  respond: RespondFn;
}

/**
 * The bot's buttons. **Share in channel** reposts the answer for everyone, saying who shared it;
 * **More** replaces the message with the next page; a topic button answers that topic, and a
 * series button (**Next: part N**, **Start here**) that part, in place on a message only the
 * clicker sees, else privately to the clicker; **Helpful** and **Not helpful** record the
 * clicker's vote and tell only them, leaving the message as it is.
 */
export function registerButtons(app: App, conversation: SlackConversation): void {
  registerVoteButtons(app, conversation);

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

  onClick(app, TOPIC_ACTION, conversation, (click) =>
    answerForClicker(click, conversation, 'topic'),
  );
  onClick(app, ACTIONS.seriesStep, conversation, (click) =>
    answerForClicker(click, conversation, 'series step'),
  );
}

/** Answers a button's query for the clicker: in place on a message only they see, else privately. */
async function answerForClicker(click: Click, conversation: SlackConversation, source: string) {
  const { message } = await conversation.reply(click.question, () => ({ ephemeral: true }), source);
  const placement = click.onEphemeral
    ? { replace_original: true }
    : { response_type: 'ephemeral' as const, replace_original: false };
  await click.respond({ ...placement, ...message });
}

function registerVoteButtons(app: App, conversation: SlackConversation): void {
  app.action<BlockButtonAction>(VOTE_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    const verdict = verdictOfAction(action.action_id);
    const channelId = clickedChannel(body);
    if (!verdict || !action.value || !channelId) {
      conversation.logger.warn({ actionId: action.action_id }, 'slack vote without an answer id');
      return;
    }
    const where = { channelId, userId: body.user.id };
    let message: { text: string; blocks?: unknown[] };
    try {
      const outcome = await conversation.vote(action.value, verdict, where);
      message = { text: escapeMrkdwn(voteAcknowledgement(outcome)) };
    } catch (error) {
      conversation.logger.error(
        { err: error, actionId: action.action_id, channelId },
        'slack vote could not be recorded',
      );
      message = renderAnswer(APOLOGY, { command: conversation.command, ephemeral: true });
    }
    try {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    } catch (error) {
      conversation.logger.error(
        { err: error, ...slackErrorFields(error), actionId: action.action_id, channelId },
        'slack vote acknowledgement could not be sent to response_url',
      );
    }
  });
}

/** The channel of the message a button was clicked on. */
function clickedChannel(body: BlockButtonAction): string | undefined {
  return body.channel?.id ?? (body.container as { channel_id?: string }).channel_id;
}

function onClick(
  app: App,
  actionId: string | RegExp,
  conversation: SlackConversation,
  handle: (click: Click) => Promise<unknown>,
): void {
  app.action<BlockButtonAction>(actionId, async ({ ack, body, action, respond }) => {
    await ack();
    const request = decodeButtonValue(action.value);
    const channelId = clickedChannel(body);
    if (!request || !channelId) {
      // A value the bot cannot read (an older format, a cut query) is told to ask again, not ignored.
      conversation.logger.warn({ actionId: action.action_id }, 'slack button without a query');
      const expired = renderAnswer(ASK_AGAIN, { command: conversation.command, ephemeral: true });
      await respond({ response_type: 'ephemeral', replace_original: false, ...expired }).catch(
        (error: unknown) =>
          conversation.logger.error(
            { err: error, ...slackErrorFields(error), actionId: action.action_id },
            'slack button answer could not be sent to response_url',
          ),
      );
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
