import { randomBytes } from 'node:crypto';
import type { Answer } from '../engine/answer.js';
import type { AnswerEngine } from '../engine/engine.js';
import type { AnswerFeedback, VoteOutcome } from '../platform/answer-feedback.js';
import type { ConversationContext } from '../platform/conversation.js';
import type { AnalyticsStore, Verdict } from '../store/analytics-store.js';
import { normalizeQuery } from './normalize-query.js';
import { hashUser } from './user-hash.js';
import { CONSOLE_PLATFORM } from '../platform/platform-descriptor.js';

/** What votes need: where to write, the salt for user ids, the time, and where errors go. */
export interface AnswerVotesOptions {
  store: AnalyticsStore;
  salt: string;
  now: () => Date;
  /** Told when an answer could not be remembered (it is then shown without vote buttons). */
  onError: (error: unknown) => void;
}

/**
 * A new answer id: 72 random bits in 12 URL-safe characters, short enough for any button and
 * too many to guess another person's answer.
 */
export function newAnswerId(): string {
  return randomBytes(9).toString('base64url');
}

/**
 * Votes on answers, kept in the analytics store: each answer that shows resources on a chat
 * platform is stored under a new id (so any replica, after a restart too, knows what a vote is
 * about), and each vote carries the voter's salted hash, never the raw id.
 */
export class AnswerVotes implements AnswerFeedback {
  constructor(private readonly options: AnswerVotesOptions) {}

  async remember(
    query: string,
    answer: Answer,
    context: ConversationContext,
    engine: AnswerEngine,
  ): Promise<string | undefined> {
    if (context.platform === CONSOLE_PLATFORM) return undefined;
    if (answer.kind !== 'topic' && answer.kind !== 'search') return undefined;
    if (answer.results.length === 0) return undefined;
    const answerId = newAnswerId();
    try {
      await this.options.store.rememberAnswer({
        answerId,
        query,
        normalizedQuery: normalizeQuery(engine.read(query)),
        kind: answer.kind,
        resultIds: answer.results.map((result) => result.resource.id),
        platform: context.platform,
        channel: context.channelId ?? '',
        at: this.options.now(),
      });
      return answerId;
    } catch (error) {
      this.options.onError(error);
      return undefined;
    }
  }

  async vote(
    answerId: string,
    verdict: Verdict,
    context: ConversationContext,
  ): Promise<VoteOutcome> {
    const shown = await this.options.store.shownAnswer(answerId);
    if (!shown) return { status: 'unknown' };
    const previous = await this.options.store.recordVote({
      ...shown,
      platform: context.platform,
      channel: context.channelId ?? shown.channel,
      voterHash: hashUser(this.options.salt, context.platform, context.userId),
      verdict,
      at: this.options.now(),
    });
    return { status: 'recorded', verdict, ...(previous && { previous }) };
  }
}
