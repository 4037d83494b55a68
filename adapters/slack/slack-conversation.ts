import type { Answer } from '../../src/engine/answer.js';
import type { Logger } from '../../src/logger.js';
import type { VoteOutcome } from '../../src/platform/answer-feedback.js';
import { APOLOGY } from '../../src/platform/failure-notices.js';
import type { ConversationRouter } from '../../src/platform/conversation-router.js';
import type { Verdict } from '../../src/store/analytics-store.js';
import type { SlackMessage } from './block-kit.js';
import { SLACK_CHANNEL_MANAGERS, type SlackChannelManagers } from './channel-managers.js';
import { renderAnswer, type RenderOptions } from './render-answer.js';
import { slackErrorFields } from './slack-errors.js';
import { capQuery } from './slack-text.js';

/** A question asked on Slack: what was typed, where and by whom. */
export interface SlackQuestion {
  text: string;
  channelId: string;
  userId: string;
  /** Page of the answer, from 1. */
  page?: number;
}

/** What the Slack listeners share: asking the router and rendering its answers. */
export class SlackConversation {
  constructor(
    private readonly router: ConversationRouter,
    private readonly managers: SlackChannelManagers,
    /** The slash command's name, e.g. `/devops`. */
    readonly command: string,
    /** Whether slash command answers are seen by the asker only or by the whole channel. */
    readonly responseType: 'ephemeral' | 'in_channel',
    readonly logger: Logger,
  ) {}

  /** Answers a question through the router (channel commands included), the query capped. */
  ask(question: SlackQuestion): Promise<Answer> {
    const { channelId, userId } = question;
    return this.router.answer(
      capQuery(question.text),
      {
        platform: 'slack',
        channelId,
        userId,
        canManageChannel: () => this.managers.canManageChannel(userId),
        channelManagers: SLACK_CHANNEL_MANAGERS,
        whyBotCannotPost: () => this.managers.whyBotCannotPost(channelId),
      },
      { page: question.page ?? 1 },
    );
  }

  /** Records a click on a vote button by `userId` in `channelId`. */
  vote(
    answerId: string,
    verdict: Verdict,
    where: Pick<SlackQuestion, 'channelId' | 'userId'>,
  ): Promise<VoteOutcome> {
    return this.router.vote(answerId, verdict, { platform: 'slack', ...where });
  }

  /**
   * Answers a question and renders the answer as `view` says; a failure is logged with the
   * question and `source`, and rendered as a short apology for the asker only.
   */
  async reply(question: SlackQuestion, view: ViewFor, source: string): Promise<SlackReply> {
    try {
      const answer = await this.ask(question);
      const options = view(answer);
      return {
        message: renderAnswer(answer, { command: this.command, ...options }),
        ephemeral: options.ephemeral,
      };
    } catch (error) {
      this.logger.error(
        { err: error, ...slackErrorFields(error), ...questionLogFields(question), source },
        'slack answer failed',
      );
      return {
        message: renderAnswer(APOLOGY, { command: this.command, ephemeral: true }),
        ephemeral: true,
      };
    }
  }
}

/** How to show an answer, decided once the answer is known. */
export type ViewFor = (answer: Answer) => Omit<RenderOptions, 'command'>;

/** A rendered reply and whether only the asker should see it. */
export interface SlackReply {
  message: SlackMessage;
  ephemeral: boolean;
}

/** What a log line says about a question: where, who, and the start of what was asked. */
export function questionLogFields(question: SlackQuestion): Record<string, unknown> {
  return {
    channelId: question.channelId,
    userId: question.userId,
    query: question.text.slice(0, 200),
  };
}

/** A notice meant only for the person who asked, whatever the channel's settings. */
export function isPrivateNotice(answer: Answer): boolean {
  return answer.kind === 'notice' && answer.private;
}
