import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { ChannelUnavailableError } from '../../src/platform/weekly-post.js';
import { fixtureWeeklyPost } from '../support/content.js';
import { discordErrors } from '../fakes/fake-discord.js';
import { CHANNEL_ID, CHANNEL_MESSAGES, messageData, harnessPerTest } from './discord-harness.js';

const startHarness = harnessPerTest();

describe('the resource of the week on Discord', () => {
  it('posts an embed with the linked title, type and topic, and a More on TOPIC button', async () => {
    const harness = await startHarness();
    const post = await fixtureWeeklyPost();

    const messageId = await harness.adapter.postWeekly(CHANNEL_ID, post);

    const request = await harness.fake.waitForRequest('POST', CHANNEL_MESSAGES);
    expect(harness.fake.channelMessages(CHANNEL_ID).map((message) => message.id)).toContain(
      messageId,
    );
    const data = messageData(request);
    expect(data.allowed_mentions).toMatchObject({ parse: [] });
    expect(data.embeds![0]).toMatchObject({
      author: { name: 'Resource of the week' },
      title: post.resource.title,
      url: post.resource.url,
      fields: [
        { name: 'Type', value: 'Article · Container images, part 1' },
        { name: 'Topic', value: 'Platform › Docker' },
      ],
    });
    const button = data.components![0]!.components[0]!;
    expect(button.label).toBe('More on Docker');

    const { callback } = await harness.interact(
      harness.fake.buttonInteraction({ customId: button.custom_id! }),
    );
    expect((callback.body as { type: number }).type).toBe(4);
    expect(messageData(callback).embeds![0]!.title).toBe('Docker');
  });

  it('reports an unknown channel and a lost access as an unavailable channel', async () => {
    const harness = await startHarness();
    const post = await fixtureWeeklyPost();

    await expect(harness.adapter.postWeekly('399999999999999999', post)).rejects.toMatchObject({
      name: 'ChannelUnavailableError',
      reason: 'Unknown Channel',
    });
    harness.fake.failNext('POST', CHANNEL_MESSAGES, discordErrors.missingAccess());
    const lost = await harness.adapter
      .postWeekly(CHANNEL_ID, post)
      .catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(ChannelUnavailableError);
    expect(lost).toMatchObject({ reason: 'Missing Access' });
  });

  it('passes on other failures unchanged', async () => {
    const harness = await startHarness();
    harness.fake.failNext('POST', CHANNEL_MESSAGES, discordErrors.unknownMessage());

    const failure = await harness.adapter
      .postWeekly(CHANNEL_ID, await fixtureWeeklyPost())
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(DiscordAPIError);
    expect(failure).toMatchObject({ code: 10008 });
  });
});
