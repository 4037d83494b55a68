import { describe, expect, it } from 'vitest';
import { discordErrors, type FakeDiscord } from '../fakes/fake-discord.js';
import { CHANNEL_ID, CHANNEL_MESSAGES, messageData, harnessPerTest } from './discord-harness.js';

const startHarness = harnessPerTest();

/** Dispatches a message and resolves with the bot's answer to it. */
async function answerTo(fake: FakeDiscord, payload: { id: string; channel_id: string }) {
  fake.dispatch('MESSAGE_CREATE', payload);
  return fake.waitForRequest(
    'POST',
    CHANNEL_MESSAGES,
    (request) => messageData(request).message_reference?.message_id === payload.id,
  );
}

describe('mentions and direct messages on Discord', () => {
  it('answers a mention as a reply, without the mention in the query and notifying nobody', async () => {
    const harness = await startHarness();
    const mention = harness.fake.messageCreate({
      content: 'helm charts @everyone',
      mentionBot: true,
    });

    const reply = await answerTo(harness.fake, mention);

    expect(reply.path).toBe(`/channels/${CHANNEL_ID}/messages`);
    const data = messageData(reply);
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(data.embeds![0]!.description).toContain('Helm charts from zero');
  });

  it('answers a direct message in the DM', async () => {
    const harness = await startHarness();
    const dm = harness.fake.messageCreate({ content: 'k8s cronjobs', dm: true });

    const reply = await answerTo(harness.fake, dm);

    expect(reply.path).toBe(`/channels/${dm.channel_id}/messages`);
    expect(messageData(reply).embeds![0]!.description).toContain('Cluster basics, part 3');
  });

  it('ignores its own messages, other bots and messages that do not mention it', async () => {
    const harness = await startHarness();
    const { fake } = harness;
    fake.dispatch(
      'MESSAGE_CREATE',
      fake.messageCreate({ content: 'docker', author: fake.botUser, mentionBot: true }),
    );
    fake.dispatch(
      'MESSAGE_CREATE',
      fake.messageCreate({ content: 'docker', fromBot: true, mentionBot: true }),
    );
    fake.dispatch('MESSAGE_CREATE', fake.messageCreate({ content: 'docker' }));
    const human = fake.messageCreate({ content: 'docker', mentionBot: true });

    await answerTo(fake, human);

    const posts = fake.requests.filter((request) => CHANNEL_MESSAGES.test(request.path));
    expect(posts).toHaveLength(1);
  });

  it('logs a refused reply with its code, apologises, and keeps answering', async () => {
    const harness = await startHarness();
    const { fake } = harness;
    fake.failNext('POST', CHANNEL_MESSAGES, discordErrors.missingAccess());
    const refused = fake.messageCreate({ content: 'docker', mentionBot: true });
    fake.dispatch('MESSAGE_CREATE', refused);

    const apology = await fake.waitForRequest(
      'POST',
      CHANNEL_MESSAGES,
      (request) =>
        request.status === 200 && messageData(request).message_reference?.message_id === refused.id,
    );

    expect(messageData(apology).embeds![0]!.title).toBe('Sorry, something went wrong');
    expect(harness.logs).toContainEqual(
      expect.objectContaining({ msg: 'discord message failed', status: 403, code: 50001 }),
    );
    const answered = await answerTo(
      fake,
      fake.messageCreate({ content: 'helm', mentionBot: true }),
    );
    expect(messageData(answered).embeds![0]!.title).toBe('Helm');
  });
});
