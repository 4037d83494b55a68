import { afterEach, describe, expect, it } from 'vitest';
import { hashUser } from '../../src/analytics/user-hash.js';
import type { BotStore } from '../../src/store/bot-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { apiUser } from '../fakes/discord-payloads.js';
import type { RecordedRequest } from '../fakes/fake-discord.js';
import {
  CHANNEL_ID,
  CHANNEL_MESSAGES,
  EPHEMERAL,
  harnessPerTest,
  messageData,
  type DiscordHarness,
} from '../discord/discord-harness.js';
import { TEST_SALT, votesOn } from '../support/analytics.js';
import { makeDataDir } from '../support/weekly.js';

const EPOCH = new Date(0);
const ALICE = apiUser({ id: '400000000000000001', username: 'alice' });
const BOB = apiUser({ id: '400000000000000002', username: 'bob' });
const startDiscord = harnessPerTest();
let store: BotStore;

afterEach(async () => {
  await store.close();
});

async function startWithVotes(): Promise<DiscordHarness> {
  store = openSqliteStore(makeDataDir());
  return startDiscord({ feedback: votesOn(store) });
}

async function ask(harness: DiscordHarness, value: string) {
  const { callback } = await harness.interact(
    harness.fake.chatInputInteraction({ options: [{ name: 'query', type: 3, value }] }),
  );
  return messageData(callback);
}

function buttonsOf(message: ReturnType<typeof messageData>) {
  return (message.components ?? []).flatMap((row) => row.components);
}

/** Clicks the button labelled `label` as `user`; resolves with the interaction's callback. */
async function clickAs(
  harness: DiscordHarness,
  message: ReturnType<typeof messageData>,
  label: string,
  user = ALICE,
): Promise<RecordedRequest> {
  const button = buttonsOf(message).find((candidate) => candidate.label === label);
  if (!button?.custom_id) throw new Error(`no "${label}" button`);
  const click = harness.fake.buttonInteraction({ customId: button.custom_id, user });
  return (await harness.interact(click)).callback;
}

function callbackType(callback: RecordedRequest): number {
  return (callback.body as { type: number }).type;
}

describe('Helpful / Not helpful on Discord', () => {
  it('offers both buttons after More, with custom ids within 100 characters', async () => {
    const harness = await startWithVotes();
    const answer = await ask(harness, 'docker');

    const buttons = buttonsOf(answer);
    expect(buttons.map((button) => button.label)).toEqual([
      'More',
      'Start here: part 1 of 2',
      'Helpful',
      'Not helpful',
    ]);
    for (const button of buttons) expect(button.custom_id!.length).toBeLessThanOrEqual(100);
  });

  it('acknowledges a vote privately without touching the message, once per person', async () => {
    const harness = await startWithVotes();
    const answer = await ask(harness, 'k8s cronjobs');

    const first = await clickAs(harness, answer, 'Helpful');
    const changed = await clickAs(harness, answer, 'Not helpful');
    await clickAs(harness, answer, 'Not helpful', BOB);

    expect(callbackType(first)).toBe(4);
    expect(messageData(first)).toMatchObject({
      content: 'Thanks — noted as helpful.',
      flags: EPHEMERAL,
    });
    expect(messageData(changed).content).toBe('Thanks — changed to not helpful.');
    expect(harness.fake.requests.filter((request) => request.method === 'PATCH')).toEqual([]);
    expect(
      harness.fake.requests.filter((r) => r.path.endsWith('/callback')).map(callbackType),
    ).not.toContain(7);
    const votes = await store.analytics.votesSince(EPOCH);
    expect(votes.map((vote) => vote.verdict)).toEqual(['not_helpful', 'not_helpful']);
    const alice = votes.find((vote) => vote.voterHash === hashUser(TEST_SALT, 'discord', ALICE.id));
    expect(alice).toMatchObject({
      query: 'k8s cronjobs',
      platform: 'discord',
      channel: CHANNEL_ID,
    });
    expect(alice!.resultIds.length).toBeGreaterThan(0);
    expect(JSON.stringify(votes)).not.toContain(ALICE.id);
    expect(JSON.stringify(votes)).not.toContain(BOB.id);
  });

  it('records a vote on an answer to a mention like one to /devops', async () => {
    const harness = await startWithVotes();
    const posted = harness.fake.waitForRequest('POST', CHANNEL_MESSAGES);
    harness.fake.dispatch(
      'MESSAGE_CREATE',
      harness.fake.messageCreate({ content: 'docker', author: BOB, mentionBot: true }),
    );
    const answer = messageData(await posted);

    const callback = await clickAs(harness, answer, 'Helpful');

    expect(messageData(callback)).toMatchObject({ flags: EPHEMERAL });
    const [vote] = await store.analytics.votesSince(EPOCH);
    expect(vote).toMatchObject({ query: 'docker', verdict: 'helpful', platform: 'discord' });
  });

  it('offers no vote buttons when votes are not recorded', async () => {
    store = openSqliteStore(makeDataDir());
    const harness = await startDiscord();

    const answer = await ask(harness, 'docker');

    expect(buttonsOf(answer).map((button) => button.label)).toEqual([
      'More',
      'Start here: part 1 of 2',
    ]);
  });
});
