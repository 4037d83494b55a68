import { PermissionFlagsBits } from 'discord.js';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { WeeklyPoster } from '../../src/platform/weekly-post.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { createSubscriptionCommands } from '../../src/weekly/subscription-commands.js';
import { WeeklyService } from '../../src/weekly/weekly-service.js';
import {
  CHANNEL_ID,
  CHANNEL_MESSAGES,
  EPHEMERAL,
  messageData,
  startDiscordHarness,
} from '../discord/discord-harness.js';
import { startSlackHarness } from '../slack/slack-harness.js';
import { fixtureEngine } from '../support/content.js';
import { FakeClock } from '../support/fake-clock.js';
import { makeDataDir, weeklyDefaults } from '../support/weekly.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

const SLACK_CHANNEL = 'C0WEEKLY';
const MANAGE = (PermissionFlagsBits.ManageChannels | PermissionFlagsBits.ViewChannel).toString();

/** Both real adapters against their fakes, sharing one weekly service on a controllable clock. */
async function startBothPlatforms() {
  const engine = await fixtureEngine();
  const clock = new FakeClock('2026-11-26T12:00:00Z');
  const store = openSqliteStore(makeDataDir(), () => clock.now());
  const posters = new Map<'slack' | 'discord', WeeklyPoster>();
  const weekly = new WeeklyService({
    store,
    catalog: () => engine.catalog,
    posters,
    clock,
    logger: pino({ level: 'silent' }),
    defaults: weeklyDefaults(),
  });
  const channelCommands = createSubscriptionCommands({ store, weekly, defaults: weeklyDefaults() });
  const slack = await startSlackHarness({
    channelCommands,
    fake: { users: { UADMIN: { is_admin: true }, UMEMBER: {} } },
  });
  stops.push(() => slack.stop());
  const discord = await startDiscordHarness({ channelCommands });
  stops.push(() => discord.close());
  posters.set('slack', slack.adapter);
  posters.set('discord', discord.adapter);
  await weekly.start();
  stops.push(async () => {
    await weekly.stop();
    await store.close();
  });
  return { slack, discord, clock, store };
}

describe('the resource of the week on Slack and Discord', () => {
  it('refuses subscriptions from people who cannot manage the channel, on both platforms', async () => {
    const { slack, discord, store } = await startBothPlatforms();
    const slackRefusal = await slack.command('subscribe', {
      user_id: 'UMEMBER',
      channel_id: SLACK_CHANNEL,
    });
    expect(slackRefusal.json).toMatchObject({ response_type: 'ephemeral' });
    expect(slackRefusal.text).toContain('Only channel managers can change this');
    expect(slackRefusal.text).toContain('(workspace admins and owners)');
    const { callback } = await discord.interact(
      discord.fake.chatInputInteraction({
        options: [{ name: 'query', type: 3, value: 'subscribe' }],
      }),
    );
    expect(messageData(callback).flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(JSON.stringify(messageData(callback))).toContain(
      'Only channel managers can change this',
    );
    expect(JSON.stringify(messageData(callback))).toContain(
      '(members with the Manage Channels permission)',
    );
    expect(await store.activeSubscriptions()).toEqual([]);
  });

  it('posts exactly one message per subscribed channel per weekly slot', async () => {
    const { slack, discord, clock, store } = await startBothPlatforms();
    const subscribed = await slack.command('subscribe weekly monday 09:00 Europe/Paris', {
      user_id: 'UADMIN',
      channel_id: SLACK_CHANNEL,
    });
    expect(subscribed.text).toContain('every Monday at 09:00 (Europe/Paris)');
    await discord.interact(
      discord.fake.chatInputInteraction({
        options: [
          { name: 'query', type: 3, value: 'subscribe weekly tuesday 10:30 America/New_York' },
        ],
        memberPermissions: MANAGE,
      }),
    );
    expect(
      (await store.activeSubscriptions()).map((subscription) => subscription.channel).sort(),
    ).toEqual([`discord:${CHANNEL_ID}`, `slack:${SLACK_CHANNEL}`]);

    await clock.advanceTo('2026-12-16T00:00:00Z');

    const slackPosts = slack.fake
      .callsTo('chat.postMessage')
      .filter((call) => call.args.channel === SLACK_CHANNEL);
    expect(slackPosts).toHaveLength(3);
    expect(JSON.stringify(slackPosts[0]!.args.blocks)).toContain('Resource of the week');
    const discordPosts = discord.fake.requests.filter(
      (request) =>
        request.method === 'POST' &&
        CHANNEL_MESSAGES.test(request.path) &&
        request.path.includes(CHANNEL_ID),
    );
    expect(discordPosts).toHaveLength(3);
    const posted = [...slackPosts.map((call) => JSON.stringify(call.args.blocks))];
    expect(new Set(posted).size).toBe(3);
  });
});
