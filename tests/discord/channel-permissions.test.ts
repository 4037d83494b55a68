import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { ChannelCommand } from '../../src/platform/chat-command.js';
import { apiUser } from '../fakes/fake-discord.js';
import {
  CHANNEL_MESSAGES,
  messageData,
  harnessPerTest,
  type DiscordHarness,
} from './discord-harness.js';

const startHarness = harnessPerTest();

/** A channel command that says whether the asker may manage the channel. */
const whoCanManage: ChannelCommand = {
  name: 'manager?',
  aliases: [],
  needs: 'channel',
  calledBy: 'first word',
  usage: 'manager?',
  summary: 'Says whether you may manage this channel.',
  examples: ['manager?'],
  run: async (_args, context) => ({
    kind: 'notice',
    query: 'manager?',
    tone: 'info',
    title: (await context.canManageChannel?.()) ? 'manager' : 'member',
    lines: [],
    private: false,
  }),
};

const ASK = { options: [{ name: 'query', type: 3 as const, value: 'manager?' }] };

async function titleOfCommandAnswer(
  harness: DiscordHarness,
  options: { memberPermissions?: string; dm?: boolean },
) {
  const { callback } = await harness.interact(
    harness.fake.chatInputInteraction({ ...ASK, ...options }),
  );
  return messageData(callback).embeds![0]!.title;
}

describe('who may manage a Discord channel', () => {
  it('is a member with Manage Channels in the channel of the command', async () => {
    const manage = (
      PermissionFlagsBits.ManageChannels | PermissionFlagsBits.ViewChannel
    ).toString();
    const harness = await startHarness({ channelCommands: [whoCanManage] });
    expect(await titleOfCommandAnswer(harness, { memberPermissions: manage })).toBe('manager');
    expect(await titleOfCommandAnswer(harness, {})).toBe('member');
  });

  it('is nobody in a direct message', async () => {
    const harness = await startHarness({ channelCommands: [whoCanManage] });
    expect(await titleOfCommandAnswer(harness, { dm: true })).toBe('member');
  });

  it('is the guild owner but not a plain member when they mention the bot', async () => {
    const harness = await startHarness({ channelCommands: [whoCanManage] });
    const { fake } = harness;
    const owner = fake.messageCreate({ content: 'manager?', mentionBot: true });
    const member = fake.messageCreate({
      content: 'manager?',
      mentionBot: true,
      author: apiUser({ id: '400000000000000002', username: 'bob' }),
    });
    const titles = [];
    for (const message of [owner, member]) {
      fake.dispatch('MESSAGE_CREATE', message);
      const reply = await fake.waitForRequest(
        'POST',
        CHANNEL_MESSAGES,
        (request) => messageData(request).message_reference?.message_id === message.id,
      );
      titles.push(messageData(reply).embeds![0]!.title);
    }
    expect(titles).toEqual(['manager', 'member']);
  });
});

describe('whether the bot can post in a Discord channel', () => {
  const whyNot: ChannelCommand = {
    ...whoCanManage,
    name: 'can-post?',
    run: async (_args, context) => ({
      kind: 'notice',
      query: 'can-post?',
      tone: 'info',
      title: (await context.whyBotCannotPost?.()) ?? 'can post',
      lines: [],
      private: false,
    }),
  };
  const ask = { options: [{ name: 'query', type: 3 as const, value: 'can-post?' }] };

  it('names the permissions the bot lacks in the channel of the command', async () => {
    const harness = await startHarness({ channelCommands: [whyNot] });
    const titleFor = async (appPermissions?: string) => {
      const { callback } = await harness.interact(
        harness.fake.chatInputInteraction({ ...ask, ...(appPermissions && { appPermissions }) }),
      );
      return messageData(callback).embeds![0]!.title;
    };
    expect(await titleFor()).toBe('can post');
    const viewOnly = PermissionFlagsBits.ViewChannel.toString();
    const refusal = await titleFor(viewOnly);
    expect(refusal).toContain('It lacks Send Messages, Embed Links here');
    expect(refusal).toContain('Edit Channel');
  });
});
