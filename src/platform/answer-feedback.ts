import type { Answer } from '../engine/answer.js';
import type { AnswerEngine } from '../engine/engine.js';
import type { Verdict } from '../store/analytics-store.js';
import type { ConversationContext } from './conversation.js';

/** What became of a click on "Helpful" or "Not helpful". */
export type VoteOutcome =
  /** Recorded; `previous` is the clicker's earlier verdict on the same answer, if any. */
  | { status: 'recorded'; verdict: Verdict; previous?: Verdict }
  /** The answer is not known (purged past its retention period, or never stored). */
  | { status: 'unknown' }
  /** Analytics is off, so votes are not recorded. */
  | { status: 'off' };

/**
 * Votes on answers: every answer that shows resources on a chat platform is remembered under an
 * id its vote buttons carry, and a click on one records the clicker's verdict under that id.
 */
export interface AnswerFeedback {
  /**
   * Remembers an answer so it can be voted on; resolves with its id, or undefined when it
   * cannot be voted on (no resources, the console, or the store could not keep it).
   */
  remember(
    query: string,
    answer: Answer,
    context: ConversationContext,
    engine: AnswerEngine,
  ): Promise<string | undefined>;
  /** Records the clicker's verdict on the answer remembered under `answerId`. */
  vote(answerId: string, verdict: Verdict, context: ConversationContext): Promise<VoteOutcome>;
}

const VERDICT_WORDS: Record<Verdict, string> = {
  helpful: 'helpful',
  not_helpful: 'not helpful',
};

/** The quiet, private line that tells the clicker what became of their vote. */
export function voteAcknowledgement(outcome: VoteOutcome): string {
  switch (outcome.status) {
    case 'recorded': {
      const words = VERDICT_WORDS[outcome.verdict];
      if (outcome.previous === undefined) return `Thanks — noted as ${words}.`;
      if (outcome.previous === outcome.verdict) return `Already noted as ${words}, thanks.`;
      return `Thanks — changed to ${words}.`;
    }
    case 'unknown':
      return 'That answer is too old to vote on; ask again for a fresh one.';
    case 'off':
      return 'Feedback is turned off on this bot, so votes are not recorded.';
  }
}
