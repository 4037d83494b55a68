import { afterEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/engine/answer.js';
import { BotMetrics } from '../../src/ops/metrics.js';
import { ConversationRouter } from '../../src/platform/conversation-router.js';
import type { BotStore } from '../../src/store/bot-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { AnswerVotes } from '../../src/analytics/answer-votes.js';
import { ANALYTICS_START, TEST_SALT, votesOn } from '../support/analytics.js';
import { fixtureEngine } from '../support/content.js';
import { makeDataDir } from '../support/weekly.js';

const EPOCH = new Date(0);
const SLACK = { platform: 'slack' as const, channelId: 'C0001', userId: 'U0ALICE' };
const opened: BotStore[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

function openAt(dataDir: string): BotStore {
  const store = openSqliteStore(dataDir);
  opened.push(store);
  return store;
}

async function routerOn(store: BotStore, metrics?: BotMetrics): Promise<ConversationRouter> {
  const engine = await fixtureEngine();
  return new ConversationRouter(() => engine, [], metrics, undefined, votesOn(store));
}

function answerIdOf(answer: Answer): string | undefined {
  return answer.kind === 'topic' || answer.kind === 'search' ? answer.answerId : undefined;
}

describe('votes through the conversation router', () => {
  it('records a vote at another replica, after a restart, from what the first one stored', async () => {
    const dataDir = makeDataDir();
    const first = await routerOn(openAt(dataDir));
    const answer = await first.answer('docker', SLACK);
    await opened[0]!.close();
    opened.length = 0;

    const second = await routerOn(openAt(dataDir));
    const outcome = await second.vote(answerIdOf(answer)!, 'not_helpful', SLACK);

    expect(outcome).toEqual({ status: 'recorded', verdict: 'not_helpful' });
    const [vote] = await opened[0]!.analytics.votesSince(EPOCH);
    expect(vote).toMatchObject({
      query: 'docker',
      normalizedQuery: 'docker',
      kind: 'topic',
      verdict: 'not_helpful',
      at: ANALYTICS_START,
    });
    if (answer.kind !== 'topic') throw new Error(`docker was answered as ${answer.kind}`);
    expect(vote!.resultIds).toEqual(answer.results.map((result) => result.resource.id));
  });

  it('gives each page its own answer id, and none to the console, a miss or help', async () => {
    const router = await routerOn(openAt(makeDataDir()));

    const page1 = answerIdOf(await router.answer('docker', SLACK));
    const page2 = answerIdOf(await router.answer('docker', SLACK, { page: 2 }));

    expect(page1).toMatch(/^[\w-]{12}$/);
    expect(page2).toMatch(/^[\w-]{12}$/);
    expect(page2).not.toBe(page1);
    expect(answerIdOf(await router.answer('docker', { platform: 'console' }))).toBeUndefined();
    expect(await router.answer('quantum flux capacitors', SLACK)).not.toHaveProperty('answerId');
    expect(await router.answer('help', SLACK)).not.toHaveProperty('answerId');
  });

  it('answers without vote buttons when the store cannot keep the answer, and says why', async () => {
    const store = openSqliteStore(makeDataDir());
    const engine = await fixtureEngine();
    const errors: unknown[] = [];
    const votes = new AnswerVotes({
      store: store.analytics,
      salt: TEST_SALT,
      now: () => ANALYTICS_START,
      onError: (error) => errors.push(error),
    });
    const router = new ConversationRouter(() => engine, [], undefined, undefined, votes);
    await store.close();

    const answer = await router.answer('docker', SLACK);

    expect(answer).toMatchObject({ kind: 'topic', topic: { name: 'Docker' } });
    expect(answer).not.toHaveProperty('answerId');
    expect(errors).toHaveLength(1);
  });

  it('says votes are off when the router records none', async () => {
    const engine = await fixtureEngine();
    const router = new ConversationRouter(() => engine, []);

    expect(answerIdOf(await router.answer('docker', SLACK))).toBeUndefined();
    expect(await router.vote('anything0000', 'helpful', SLACK)).toEqual({ status: 'off' });
  });

  it('counts recorded votes by verdict on /metrics', async () => {
    const metrics = new BotMetrics();
    const router = await routerOn(openAt(makeDataDir()), metrics);
    const answerId = answerIdOf(await router.answer('docker', SLACK))!;

    await router.vote(answerId, 'helpful', SLACK);
    await router.vote(answerId, 'not_helpful', { ...SLACK, userId: 'U0BOB' });
    await router.vote('unknown00000', 'not_helpful', SLACK);

    const text = await metrics.registry.getSingleMetricAsString('devops_bot_votes_total');
    expect(text).toContain('devops_bot_votes_total{platform="slack",verdict="helpful"} 1');
    expect(text).toContain('devops_bot_votes_total{platform="slack",verdict="not_helpful"} 1');
  });
});
