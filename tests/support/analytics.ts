import { AnswerVotes } from '../../src/analytics/answer-votes.js';
import type { AskRecord, ShownAnswer, VoteRecord } from '../../src/store/analytics-store.js';
import type { BotStore } from '../../src/store/bot-store.js';

/** The instant analytics factories stamp records with unless told otherwise. */
export const ANALYTICS_START = new Date('2026-05-04T09:00:00Z');

/** A question that found nothing, asked on Slack; override what a test is about. */
export function makeAsk(overrides: Partial<AskRecord> = {}): AskRecord {
  return {
    normalizedQuery: 'terraform state locking',
    kind: 'none',
    suggestedTopics: ['Terraform'],
    platform: 'slack',
    askerHash: 'hash-a',
    at: ANALYTICS_START,
    ...overrides,
  };
}

/** A Docker topic answer shown on Discord; override what a test is about. */
export function makeShownAnswer(overrides: Partial<ShownAnswer> = {}): ShownAnswer {
  return {
    answerId: 'answer-1',
    query: 'docker basics',
    normalizedQuery: 'docker basics',
    kind: 'topic',
    resultIds: ['docker-intro', 'docker-compose'],
    platform: 'discord',
    channel: 'discord:1',
    at: ANALYTICS_START,
    ...overrides,
  };
}

/** A "helpful" vote on {@link makeShownAnswer}'s answer; override what a test is about. */
export function makeVote(overrides: Partial<VoteRecord> = {}): VoteRecord {
  return {
    ...makeShownAnswer(),
    voterHash: 'hash-a',
    verdict: 'helpful',
    ...overrides,
  };
}

/** The salt tests hash user ids with. */
export const TEST_SALT = 'test-salt-for-hashes';

/** Votes on answers kept in `store`, stamped `now`; a failing write fails the test. */
export function votesOn(store: BotStore, now: () => Date = () => ANALYTICS_START): AnswerVotes {
  return new AnswerVotes({
    store: store.analytics,
    salt: TEST_SALT,
    now,
    onError: (error) => {
      throw error;
    },
  });
}
