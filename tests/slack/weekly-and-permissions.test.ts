import { afterEach, describe, expect, it } from 'vitest';
import { ChannelUnavailableError } from '../../src/platform/weekly-post.js';
import { fixtureWeeklyPost } from '../support/content.js';
import { canManageCommand, startSlackHarness, type SlackHarness } from './slack-harness.js';
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

describe('who may manage a channel from Slack', () => {
  async function canManage(userId: string): Promise<string> {
    const ack = await harness.command('can-manage', { user_id: userId });
    return visibleText(ack.json as SlackMessageBody)
      .split('\n')
      .at(-1)!;
  }

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
