import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createReportChatCommand } from '../../src/analytics/report-chat-command.js';
import type { BotStore } from '../../src/store/bot-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { EPHEMERAL, harnessPerTest, messageData } from '../discord/discord-harness.js';
import { startSlackHarness, type SlackHarness } from '../slack/slack-harness.js';
import { visibleText, type SlackMessageBody } from '../slack/slack-message.js';
import { ANALYTICS_START, makeAsk } from '../support/analytics.js';
import { makeDataDir } from '../support/weekly.js';

const startDiscord = harnessPerTest();
let store: BotStore;
let slack: SlackHarness | undefined;

/** A store holding two misses of one question by two people, and one answered question. */
async function seededStore(): Promise<BotStore> {
  const seeded = openSqliteStore(makeDataDir());
  await seeded.analytics.recordAsk(makeAsk({ askerHash: 'hash-a' }));
  await seeded.analytics.recordAsk(makeAsk({ askerHash: 'hash-b', platform: 'discord' }));
  await seeded.analytics.recordAsk(
    makeAsk({ normalizedQuery: 'docker', kind: 'topic', topicId: 'platform/docker' }),
  );
  return seeded;
}

function reportCommand(target: BotStore) {
  const aDayLater = new Date(ANALYTICS_START.getTime() + 24 * 60 * 60 * 1000);
  return createReportChatCommand({ analytics: target.analytics, now: () => aDayLater });
}

afterEach(async () => {
  await slack?.stop();
  slack = undefined;
  await store.close();
});

describe('/devops report on Slack', () => {
  it('shows an admin the short report, seen by them only', async () => {
    store = await seededStore();
    slack = await startSlackHarness({
      fake: { users: { UADMIN: { is_admin: true } } },
      channelCommands: [reportCommand(store)],
      slack: { responseType: 'in_channel' },
    });

    const ack = await slack.command('report 7', { user_id: 'UADMIN' });
    const body = ack.json as SlackMessageBody & { response_type?: string };

    expect(body.response_type).toBe('ephemeral');
    const text = visibleText(body);
    expect(text).toContain('Curator report, last 7 days');
    expect(text).toContain('3 questions, 1 answered (33%), 2 unanswered');
    expect(text).toContain('2× "terraform state locking" by 2 people');
    expect(text).not.toContain('hash-a');
  });

  it('refuses a member privately, saying who can see it', async () => {
    store = await seededStore();
    slack = await startSlackHarness({
      fake: { users: { UMEMBER: {} } },
      channelCommands: [reportCommand(store)],
      slack: { responseType: 'in_channel' },
    });

    const ack = await slack.command('report', { user_id: 'UMEMBER' });
    const body = ack.json as SlackMessageBody & { response_type?: string };

    expect(body.response_type).toBe('ephemeral');
    expect(visibleText(body)).toContain('Only admins can see the report');
    expect(visibleText(body)).toContain('it is for workspace admins and owners.');
    expect(visibleText(body)).not.toContain('terraform');
  });

  it('says what it expected when the number of days cannot be read', async () => {
    store = await seededStore();
    slack = await startSlackHarness({
      fake: { users: { UADMIN: { is_admin: true } } },
      channelCommands: [reportCommand(store)],
    });

    const ack = await slack.command('report last week', { user_id: 'UADMIN' });

    expect(visibleText(ack.json as SlackMessageBody)).toContain(
      '"last week" is not a number of days from 1 to 3650',
    );
  });
});

describe('/devops report on Discord', () => {
  const ask = { options: [{ name: 'query', type: 3 as const, value: 'report' }] };

  it('shows the report to a member with Manage Channels, with the ephemeral flag', async () => {
    store = await seededStore();
    const discord = await startDiscord({ channelCommands: [reportCommand(store)] });
    const manage = (
      PermissionFlagsBits.ManageChannels | PermissionFlagsBits.ViewChannel
    ).toString();

    const { callback } = await discord.interact(
      discord.fake.chatInputInteraction({ ...ask, memberPermissions: manage }),
    );

    const data = messageData(callback);
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.embeds![0]!.title).toBe('Curator report, last 30 days');
    expect(data.embeds![0]!.description).toContain('terraform state locking');
  });

  it('refuses everyone else, privately', async () => {
    store = await seededStore();
    const discord = await startDiscord({ channelCommands: [reportCommand(store)] });

    const { callback } = await discord.interact(discord.fake.chatInputInteraction(ask));

    const data = messageData(callback);
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.embeds![0]!.title).toBe('Only admins can see the report');
    expect(data.embeds![0]!.description).toContain(
      'it is for members with the Manage Channels permission.',
    );
    expect(data.embeds![0]!.description).not.toContain('terraform');
  });
});
