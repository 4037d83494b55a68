import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';
import { baseEnv, BOT, runNode, startBotProcess, type BotProcess } from '../support/processes.js';
import { CHANNEL_MESSAGES, callbackPath, messageData } from './discord-harness.js';

let fake: FakeDiscord | undefined;
let bot: BotProcess | undefined;

afterEach(async () => {
  await bot?.stop();
  await fake?.close();
  bot = undefined;
  fake = undefined;
});

function discordEnv(discord: FakeDiscord, token = discord.token): NodeJS.ProcessEnv {
  return baseEnv({
    DISCORD_TOKEN: token,
    DISCORD_APP_ID: discord.appId,
    DISCORD_API_URL: discord.apiUrl,
    LOG_LEVEL: 'info',
  });
}

describe('npm start with Discord', () => {
  it('connects through the gateway, answers /devops docker, autocompletes kube and a mention of @everyone', async () => {
    fake = await startFakeDiscord();
    bot = await startBotProcess(discordEnv(fake));
    expect(fake.gatewayConnections).toHaveLength(1);

    const command = fake.chatInputInteraction({
      options: [{ name: 'query', type: 3, value: 'docker' }],
    });
    const started = performance.now();
    fake.dispatch('INTERACTION_CREATE', command);
    const answer = await fake.waitForRequest('POST', callbackPath(command));
    expect(performance.now() - started).toBeLessThan(3000);
    const [embed] = messageData(answer).embeds!;
    expect(embed!.title).toBe('Docker');
    expect(embed!.description).toContain('[Container images, part 1');

    const autocomplete = fake.autocompleteInteraction({ value: 'kube' });
    fake.dispatch('INTERACTION_CREATE', autocomplete);
    const choices = await fake.waitForRequest('POST', callbackPath(autocomplete));
    const { type, data } = choices.body as { type: number; data: { choices: { value: string }[] } };
    expect(type).toBe(8);
    expect(data.choices[0]).toMatchObject({ value: 'Kubernetes' });

    const mention = fake.messageCreate({
      content: '@everyone spark on kubernetes',
      mentionBot: true,
    });
    fake.dispatch('MESSAGE_CREATE', mention);
    const reply = await fake.waitForRequest('POST', CHANNEL_MESSAGES);
    expect(messageData(reply)).toMatchObject({
      allowed_mentions: { parse: [] },
      message_reference: { message_id: mention.id },
    });

    expect(await bot.stop()).toBe(0);
    bot = undefined;
  });

  it('exits with code 2 and one clear message when Discord rejects the token', async () => {
    fake = await startFakeDiscord();
    const { code, stderr } = await runNode(BOT, [], { env: discordEnv(fake, 'not-the-token') });

    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^devops-bot: Discord rejected DISCORD_TOKEN\. /),
    ]);
  });
});
