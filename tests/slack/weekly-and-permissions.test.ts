import { afterEach, describe, expect, it } from 'vitest';
import { ChannelUnavailableError } from '../../src/platform/weekly-post.js';
import { fixtureWeeklyPost } from '../support/content.js';
import {
  canManageCommand,
  canPostCommand,
  startSlackHarness,
  type SlackHarness,
} from './slack-harness.js';
import {
  buttonLabelled,
  expectWithinSlackLimits,
  visibleText,
  type SlackMessageBody,
} from './slack-message.js';

let harness: SlackHarness;

afterEach(async () => {
  await harness.stop();
});

describe('the resource of the week on Slack', () => {
  it('posts once to the channel with the resource and a More on Docker button', async () => {
    harness = await startSlackHarness();
    const post = await fixtureWeeklyPost();

    const ts = await harness.adapter.postWeekly('C0042', post);

    const [call] = harness.fake.callsTo('chat.postMessage');
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(call!.args).toMatchObject({ channel: 'C0042' });
    expect(ts).toMatch(/^\d+\.\d{6}$/);
    const message = call!.args as SlackMessageBody;
    expect(visibleText(message)).toContain(`<${post.resource.url}|`);
    expect(buttonLabelled(message, 'More on Docker')).toBeDefined();
    expectWithinSlackLimits(message);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive'])(
    'reports %s as the channel being unavailable',
    async (error) => {
      harness = await startSlackHarness();
      harness.fake.failNext('chat.postMessage', { error });

      const posting = harness.adapter.postWeekly('C0404', await fixtureWeeklyPost());

      await expect(posting).rejects.toBeInstanceOf(ChannelUnavailableError);
      await expect(posting).rejects.toMatchObject({ reason: error });
    },
  );

  it('rethrows any other Web API error as it is', async () => {
    harness = await startSlackHarness();
    harness.fake.failNext('chat.postMessage', { error: 'invalid_blocks' });

    const posting = harness.adapter.postWeekly('C0042', await fixtureWeeklyPost());

    await expect(posting).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    await expect(posting).rejects.not.toBeInstanceOf(ChannelUnavailableError);
  });
});

/** The last line of a probe command's answer, as the asker sees it. */
async function lastLineOf(command: string, fields: Record<string, string>): Promise<string> {
  const ack = await harness.command(command, fields);
  return visibleText(ack.json as SlackMessageBody)
    .split('\n')
    .at(-1)!;
}

describe('who may manage a channel from Slack', () => {
  const canManage = (userId: string) => lastLineOf('can-manage', { user_id: userId });

  it('is a workspace admin or owner, as users.info says, remembered for a while', async () => {
    harness = await startSlackHarness({
      fake: { users: { UADMIN: { is_admin: true }, UOWNER: { is_owner: true } } },
      channelCommands: [canManageCommand],
    });

    expect(await canManage('UADMIN')).toBe('true');
    expect(await canManage('UOWNER')).toBe('true');
    expect(await canManage('UMEMBER')).toBe('false');
    expect(await canManage('UADMIN')).toBe('true');
    expect(harness.fake.callsTo('users.info')).toHaveLength(3);
  });

  it('is anyone listed in SLACK_ADMIN_USERS, without asking Slack', async () => {
    harness = await startSlackHarness({
      slack: { adminUsers: ['ULISTED'] },
      channelCommands: [canManageCommand],
    });

    expect(await canManage('ULISTED')).toBe('true');
    expect(harness.fake.callsTo('users.info')).toHaveLength(0);
  });

  it('is nobody when users.info fails, and the failure is logged', async () => {
    harness = await startSlackHarness({
      fake: { users: { UADMIN: { is_admin: true } } },
      channelCommands: [canManageCommand],
    });
    harness.fake.failNext('users.info', { error: 'user_not_found' });

    expect(await canManage('UADMIN')).toBe('false');
    const logged = await harness.waitForLog((line) => line.slackError === 'user_not_found');
    expect(logged).toMatchObject({ userId: 'UADMIN', level: 40 });
  });
});

describe('whether the bot can post in a Slack channel', () => {
  const canPost = (channelId: string) => lastLineOf('can-post', { channel_id: channelId });

  it('asks conversations.info and says how to invite the bot where it is not a member', async () => {
    harness = await startSlackHarness({
      fake: { channels: { COUT: { name: 'outside', is_member: false } } },
      channelCommands: [canPostCommand],
    });
    expect(await canPost('C0001')).toBe('can post');
    expect(await canPost('COUT')).toContain('type "/invite @devops-bot" in this channel');
    expect(harness.fake.callsTo('conversations.info').map((call) => call.args.channel)).toEqual([
      'C0001',
      'COUT',
    ]);
  });

  it('treats a channel Slack does not show the bot as one to invite it to', async () => {
    harness = await startSlackHarness({ channelCommands: [canPostCommand] });
    harness.fake.failNext('conversations.info', { error: 'channel_not_found' });
    expect(await canPost('GSECRET')).toContain('/invite @devops-bot');
  });
});
