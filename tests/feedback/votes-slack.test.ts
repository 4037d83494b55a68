import { afterEach, describe, expect, it } from 'vitest';
import type { CuratorReport } from '../../src/analytics/curator-report.js';
import { hashUser } from '../../src/analytics/user-hash.js';
import type { BotStore } from '../../src/store/bot-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { startSlackHarness, type SlackHarness } from '../slack/slack-harness.js';
import { buttonLabelled, buttonsOf, type SlackMessageBody } from '../slack/slack-message.js';
import { TEST_SALT, votesOn } from '../support/analytics.js';
import { runCliInProcess } from '../support/cli.js';
import { baseEnv } from '../support/processes.js';
import { makeDataDir } from '../support/weekly.js';
import { APOLOGY } from '../../src/platform/failure-notices.js';

type Response = SlackMessageBody & { response_type?: string; replace_original?: boolean };

const EPOCH = new Date(0);
let store: BotStore;
let slack: SlackHarness;

afterEach(async () => {
  await slack.stop();
  await store.close();
});

async function startWithVotes(dataDir = makeDataDir()): Promise<void> {
  store = openSqliteStore(dataDir);
  slack = await startSlackHarness({ feedback: votesOn(store, () => new Date()) });
}

async function ask(text: string, userId = 'U0ASKER'): Promise<SlackMessageBody> {
  return (await slack.command(text, { user_id: userId })).json as Response;
}

/** Clicks `label` on `message` as `userId` and resolves with the one response to that click. */
async function clickAs(message: SlackMessageBody, label: string, userId: string) {
  const id = await slack.click(buttonLabelled(message, label), { userId, ephemeral: false });
  return (await slack.fake.waitForResponse((response) => response.id === id)).body as Response;
}

describe('Helpful / Not helpful on Slack', () => {
  it('offers both buttons beside Share and More on an answer with resources', async () => {
    await startWithVotes();
    const answer = await ask('docker');

    const labels = buttonsOf(answer).map((button) => button.text.text);
    expect(labels).toEqual([
      'Share in channel',
      'More',
      'Start here: part 1 of 2',
      'Helpful',
      'Not helpful',
    ]);
    const values = buttonsOf(answer)
      .slice(3)
      .map((button) => button.value);
    expect(values[0]).toBe(values[1]);
    expect(values[0]!.length).toBeLessThanOrEqual(2000);
  });

  it('records a vote once per person, lets them change it, and counts a second person apart', async () => {
    await startWithVotes();
    const answer = await ask('k8s cronjobs');

    const first = await clickAs(answer, 'Helpful', 'U0ALICE');
    const again = await clickAs(answer, 'Helpful', 'U0ALICE');
    const changed = await clickAs(answer, 'Not helpful', 'U0ALICE');
    await clickAs(answer, 'Helpful', 'U0BOB');

    expect(first).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Thanks — noted as helpful.',
    });
    expect(again.text).toBe('Already noted as helpful, thanks.');
    expect(changed.text).toBe('Thanks — changed to not helpful.');
    const votes = await store.analytics.votesSince(EPOCH);
    expect(votes).toHaveLength(2);
    const alice = votes.find((vote) => vote.voterHash === hashUser(TEST_SALT, 'slack', 'U0ALICE'));
    expect(alice).toMatchObject({
      query: 'k8s cronjobs',
      kind: expect.stringMatching(/^(topic|search)$/),
      verdict: 'not_helpful',
      platform: 'slack',
      channel: 'C0001',
    });
    expect(alice!.resultIds.length).toBeGreaterThan(0);
  });

  it('leaves the message as it is: no replacement, no chat.update', async () => {
    await startWithVotes();
    const answer = await ask('docker');

    await clickAs(answer, 'Not helpful', 'U0ALICE');

    expect(slack.fake.responses.every((r) => (r.body as Response).replace_original === false)).toBe(
      true,
    );
    expect(slack.fake.callsTo('chat.update')).toEqual([]);
  });

  it('keeps no raw user id in the store', async () => {
    await startWithVotes();
    const answer = await ask('docker', 'U0ASKER');

    await clickAs(answer, 'Helpful', 'U0ALICE');

    const stored = JSON.stringify(await store.analytics.votesSince(EPOCH));
    expect(stored).not.toMatch(/U0ALICE|U0ASKER/);
  });

  it('puts what was voted not helpful in the curator report, with no raw user id', async () => {
    const dataDir = makeDataDir();
    await startWithVotes(dataDir);
    const weak = await ask('hi, k8s cronjobs?');
    const good = await ask('docker');
    await clickAs(weak, 'Not helpful', 'U0ALICE');
    await clickAs(weak, 'Not helpful', 'U0BOB');
    await clickAs(good, 'Not helpful', 'U0ALICE');
    await clickAs(good, 'Helpful', 'U0ALICE');

    const { code, stdout } = await runCliInProcess(['report', '--json'], {
      env: baseEnv({ DATA_DIR: dataDir }),
    });

    expect(code).toBe(0);
    const report = JSON.parse(stdout) as CuratorReport;
    const votes = await store.analytics.votesSince(EPOCH);
    const onWeak = votes.find((vote) => vote.query === 'hi, k8s cronjobs?')!;
    expect(onWeak.resultIds.length).toBeGreaterThan(0);
    expect(report.notHelpful).toEqual(
      onWeak.resultIds.map((resourceId) => ({
        resourceId,
        votes: 2,
        queries: ['k8s cronjobs'],
      })),
    );
    expect(report.notHelpfulQueries).toEqual([
      expect.objectContaining({
        query: 'k8s cronjobs',
        votes: 2,
        voters: 2,
        platforms: { slack: 2 },
      }),
    ]);
    expect(stdout).not.toMatch(/U0ALICE|U0BOB|U0ASKER/);
  });

  it('offers no vote buttons on a miss, or when votes are not recorded', async () => {
    await startWithVotes();
    const miss = await ask('quantum flux capacitors');
    expect(buttonsOf(miss).map((button) => button.text.text)).not.toContain('Helpful');
    await slack.stop();

    slack = await startSlackHarness();
    const answer = await ask('docker');
    expect(buttonsOf(answer).map((button) => button.text.text)).toEqual([
      'Share in channel',
      'More',
      'Start here: part 1 of 2',
    ]);
  });

  it('tells a clicker that feedback is off when a vote button reaches a bot that records none', async () => {
    store = openSqliteStore(makeDataDir());
    slack = await startSlackHarness();
    const fromEarlier = {
      type: 'button' as const,
      action_id: 'devops_vote_helpful',
      text: { type: 'plain_text' as const, text: 'Helpful' },
      value: 'fromearlier0',
    };

    const id = await slack.click(fromEarlier, { userId: 'U0ALICE' });
    const response = await slack.fake.waitForResponse((r) => r.id === id);

    expect((response.body as Response).text).toContain('Feedback is turned off');
  });

  it('offers the vote buttons, and only them, on an answer shared in the channel', async () => {
    await startWithVotes();
    const answer = await ask('docker');

    const id = await slack.click(buttonLabelled(answer, 'Share in channel'), { userId: 'U0ALICE' });
    const shared = (await slack.fake.waitForResponse((r) => r.id === id)).body as Response;

    expect(shared.response_type).toBe('in_channel');
    expect(buttonsOf(shared).map((button) => button.text.text)).toEqual(['Helpful', 'Not helpful']);
    expect(buttonsOf(shared)[0]!.value).not.toBe(buttonLabelled(answer, 'Helpful').value);
  });

  it('apologises privately when the vote cannot be recorded', async () => {
    await startWithVotes();
    const answer = await ask('docker');
    await store.close();

    const response = await clickAs(answer, 'Helpful', 'U0ALICE');

    expect(response).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(response.text).toContain(APOLOGY.title);
    await slack.waitForLog((line) => line.msg === 'slack vote could not be recorded');
    store = openSqliteStore(makeDataDir());
  });

  it('says so privately when a vote button outlived its answer', async () => {
    await startWithVotes();
    const answer = await ask('docker');
    const stale = { ...buttonLabelled(answer, 'Helpful'), value: 'gone00000000' };

    const id = await slack.click(stale, { userId: 'U0ALICE' });
    const response = await slack.fake.waitForResponse((r) => r.id === id);

    expect((response.body as Response).text).toContain('too old to vote on');
    expect(await store.analytics.votesSince(EPOCH)).toEqual([]);
  });
});
