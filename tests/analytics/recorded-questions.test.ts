import { afterEach, describe, expect, it } from 'vitest';
import { AnalyticsRecorder } from '../../src/analytics/analytics-recorder.js';
import { ConversationRouter } from '../../src/platform/conversation-router.js';
import type { BotStore } from '../../src/store/bot-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { apiUser } from '../fakes/discord-payloads.js';
import { harnessPerTest } from '../discord/discord-harness.js';
import { startSlackHarness, type SlackHarness } from '../slack/slack-harness.js';
import { fixtureEngine } from '../support/content.js';
import { makeDataDir } from '../support/weekly.js';

const EPOCH = new Date(0);
const startDiscord = harnessPerTest();
let store: BotStore;
let slack: SlackHarness | undefined;

function recorderOn(target: BotStore): AnalyticsRecorder {
  return new AnalyticsRecorder({
    store: target.analytics,
    salt: 'test-salt-for-hashes',
    now: () => new Date('2026-06-01T10:00:00Z'),
    onError: (error) => {
      throw error;
    },
  });
}

afterEach(async () => {
  await slack?.stop();
  slack = undefined;
  await store.close();
});

describe('questions recorded for the curator', () => {
  it('counts Slack questions that found nothing under one normalized query, with hashed askers', async () => {
    store = openSqliteStore(makeDataDir());
    const recorder = recorderOn(store);
    slack = await startSlackHarness({ recorder });

    await slack.command('hi quantum flux capacitors', { user_id: 'U1' });
    await slack.command('Quantum flux capacitors?', { user_id: 'U2' });
    await slack.command('quantum flux capacitors thanks', { user_id: 'U1' });
    await slack.command('docker', { user_id: 'U2' });
    await recorder.flush();

    const asks = await store.analytics.asksSince(EPOCH);
    const misses = asks.filter((ask) => ask.kind === 'none');
    expect(misses.map((ask) => ask.normalizedQuery)).toEqual(
      Array(3).fill('quantum flux capacitors'),
    );
    expect(misses.every((ask) => ask.platform === 'slack')).toBe(true);
    expect(new Set(misses.map((ask) => ask.askerHash)).size).toBe(2);
    expect(JSON.stringify(asks)).not.toMatch(/"U1"|"U2"/);
    expect(asks.at(-1)).toMatchObject({ kind: 'topic', topicId: expect.any(String) });
  });

  it('records a Discord question with the same hash for the same person each time', async () => {
    store = openSqliteStore(makeDataDir());
    const recorder = recorderOn(store);
    const discord = await startDiscord({ recorder });
    const user = apiUser({ id: '400000000000000123', username: 'bob' });
    const ask = (value: string) =>
      discord.interact(
        discord.fake.chatInputInteraction({
          user,
          options: [{ name: 'query', type: 3, value }],
        }),
      );

    await ask('quantum flux capacitors');
    await ask('quantum flux capacitors');
    await recorder.flush();

    const asks = await store.analytics.asksSince(EPOCH);
    expect(asks).toHaveLength(2);
    expect(asks[0]).toMatchObject({ kind: 'none', platform: 'discord' });
    expect(asks[0]!.askerHash).toBe(asks[1]!.askerHash);
    expect(asks[0]!.askerHash).toBe(recorder.userHash('discord', user.id));
    expect(asks[0]!.askerHash).not.toContain(user.id);
  });

  it('never records the console, help or later pages', async () => {
    store = openSqliteStore(makeDataDir());
    const recorder = recorderOn(store);
    const engine = await fixtureEngine();
    const router = new ConversationRouter(() => engine, [], undefined, recorder);

    await router.answer('quantum flux capacitors', { platform: 'console' });
    await router.answer('help', { platform: 'slack', userId: 'U1' });
    await router.answer('docker', { platform: 'slack', userId: 'U1' }, { page: 2 });
    await recorder.flush();

    expect(await store.analytics.asksSince(EPOCH)).toEqual([]);
  });
});
