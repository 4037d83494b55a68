import { afterEach, describe, expect, it } from 'vitest';
import { AnalyticsRecorder } from '../../src/analytics/analytics-recorder.js';
import type { CuratorReport } from '../../src/analytics/curator-report.js';
import type { AskRecord, VoteRecord } from '../../src/store/analytics-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { startSlackHarness, type SlackHarness } from '../slack/slack-harness.js';
import { makeAsk as makeAnyAsk, makeVote as makeAnyVote } from '../support/analytics.js';
import { runCliInProcess } from '../support/cli.js';
import { baseEnv } from '../support/processes.js';
import { makeDataDir } from '../support/weekly.js';

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

function makeAsk(overrides: Partial<AskRecord> = {}): AskRecord {
  return makeAnyAsk({ at: daysAgo(1), ...overrides });
}

function makeVote(overrides: Partial<VoteRecord> = {}): VoteRecord {
  return makeAnyVote({ verdict: 'not_helpful', at: daysAgo(1), ...overrides });
}

async function seededDataDir(asks: AskRecord[], votes: VoteRecord[] = []): Promise<string> {
  const dataDir = makeDataDir();
  const store = openSqliteStore(dataDir);
  for (const ask of asks) await store.analytics.recordAsk(ask);
  for (const vote of votes) await store.analytics.recordVote(vote);
  await store.close();
  return dataDir;
}

async function reportJson(dataDir: string, ...flags: string[]): Promise<CuratorReport> {
  const { code, stdout, stderr } = await runCliInProcess(['report', '--json', ...flags], {
    env: baseEnv({ DATA_DIR: dataDir }),
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as CuratorReport;
}

let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.stop();
  slack = undefined;
});

describe('devops-bot report', () => {
  it('ranks unanswered questions by count with distinct askers, and lists topics and down-voted resources', async () => {
    const dataDir = await seededDataDir(
      [
        makeAsk({ askerHash: 'hash-a' }),
        makeAsk({ askerHash: 'hash-b', platform: 'discord' }),
        makeAsk({ askerHash: 'hash-a', at: daysAgo(0.5) }),
        makeAsk({ normalizedQuery: 'vault secrets', suggestedTopics: [] }),
        makeAsk({ kind: 'topic', topicId: 'docker', suggestedTopics: [] }),
        makeAsk({ kind: 'search', topicId: 'docker', suggestedTopics: [], platform: 'discord' }),
      ],
      [
        makeVote(),
        makeVote({ voterHash: 'hash-b', resultIds: ['docker-intro'] }),
        makeVote({ answerId: 'answer-2', verdict: 'helpful' }),
      ],
    );

    const report = await reportJson(dataDir);

    expect(Object.keys(report)).toEqual([
      'period',
      'answered',
      'unanswered',
      'notHelpful',
      'notHelpfulQueries',
      'topics',
    ]);
    expect(report.period.days).toBe(30);
    expect(report.answered).toBe(2);
    expect(report.unanswered).toEqual([
      {
        query: 'terraform state locking',
        count: 3,
        askers: 2,
        lastSeen: expect.any(String),
        suggestedTopics: ['Terraform'],
        platforms: { slack: 2, discord: 1 },
      },
      expect.objectContaining({ query: 'vault secrets', count: 1, askers: 1 }),
    ]);
    expect(report.notHelpful).toEqual([
      { resourceId: 'docker-intro', votes: 2, queries: ['docker basics'] },
      { resourceId: 'docker-compose', votes: 1, queries: ['docker basics'] },
    ]);
    expect(report.notHelpfulQueries).toEqual([
      {
        query: 'docker basics',
        votes: 2,
        voters: 2,
        firstSeen: expect.any(String),
        lastSeen: expect.any(String),
        platforms: { discord: 2 },
      },
    ]);
    expect(report.topics).toEqual([
      { topic: 'docker', count: 2, platforms: { slack: 1, discord: 1 } },
    ]);
  });

  it('leaves out what is older than --days', async () => {
    const dataDir = await seededDataDir([
      makeAsk({ normalizedQuery: 'recent', at: daysAgo(2) }),
      makeAsk({ normalizedQuery: 'older', at: daysAgo(10) }),
    ]);
    const report = await reportJson(dataDir, '--days', '7');
    expect(report.period.days).toBe(7);
    expect(report.unanswered.map((entry) => entry.query)).toEqual(['recent']);
  });

  it('prints the answered rate and the top unanswered questions as text', async () => {
    const dataDir = await seededDataDir([
      makeAsk(),
      makeAsk({ kind: 'topic', topicId: 'docker', suggestedTopics: [] }),
    ]);
    const { code, stdout } = await runCliInProcess(['report'], {
      env: baseEnv({ DATA_DIR: dataDir }),
    });
    expect(code).toBe(0);
    expect(stdout).toContain('2 questions, 1 answered (50%), 1 unanswered');
    expect(stdout).toContain('1× "terraform state locking" by 1 person (slack 1)');
    expect(stdout).toContain('closest: Terraform');
  });

  it('says what --days takes when it is not a number', async () => {
    const { code, stderr } = await runCliInProcess(['report', '--days', 'many'], {
      env: baseEnv({ DATA_DIR: makeDataDir() }),
    });
    expect(code).toBe(2);
    expect(stderr).toContain('--days takes a whole number');
  });

  it('lists questions asked in Slack that found nothing, with counts and no raw user ids', async () => {
    const dataDir = makeDataDir();
    const store = openSqliteStore(dataDir);
    const recorder = new AnalyticsRecorder({
      store: store.analytics,
      salt: await store.analytics.salt('a-salt-made-for-this-test'),
      now: () => new Date(),
      onError: (error) => {
        throw error;
      },
    });
    slack = await startSlackHarness({ store, recorder });
    await slack.command('quantum flux capacitors', { user_id: 'UALICE01' });
    await slack.command('hello, quantum flux capacitors', { user_id: 'UBOB0002' });
    await recorder.flush();
    await slack.stop();
    slack = undefined;
    await store.close();

    const { stdout } = await runCliInProcess(['report', '--json'], {
      env: baseEnv({ DATA_DIR: dataDir }),
    });
    const report = JSON.parse(stdout) as CuratorReport;
    expect(report.unanswered).toEqual([
      expect.objectContaining({ query: 'quantum flux capacitors', count: 2, askers: 2 }),
    ]);
    expect(stdout).not.toMatch(/UALICE01|UBOB0002/);
  });
});
