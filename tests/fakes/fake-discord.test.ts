import { once } from 'node:events';
import {
  ButtonInteraction,
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  type ClientEvents,
  type Interaction,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DEFAULT_USER, discordErrors, startFakeDiscord, type FakeDiscord } from './fake-discord.js';

const GUILD_ID = '200000000000000001';
const CHANNEL_ID = '300000000000000001';
const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;
const CHANNEL_MESSAGES = /^\/channels\/\d+\/messages$/;

let fake: FakeDiscord;
let client: Client | undefined;

function newClient(fakeDiscord: FakeDiscord): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
    ],
    partials: [Partials.Channel],
    rest: { api: fakeDiscord.apiUrl },
  });
}

/** Logs a real discord.js client in against the fake and waits for `clientReady`. */
async function readyClient(): Promise<Client> {
  client = newClient(fake);
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
  return client;
}

/** Resolves with the arguments of the next `event` the client emits. */
function nextEvent<E extends keyof ClientEvents>(c: Client, event: E): Promise<ClientEvents[E]> {
  return new Promise((resolve) => c.once(event, (...args) => resolve(args)));
}

/** Runs `answer` for the next interaction and surfaces its errors to the test. */
function answerNext(c: Client, answer: (i: Interaction) => Promise<unknown>): Promise<void> {
  return nextEvent(c, Events.InteractionCreate).then(([interaction]) =>
    answer(interaction).then(() => undefined),
  );
}

beforeEach(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await fake.close();
});

describe('fake discord gateway', () => {
  it('lets a real discord.js client log in, identify with its intents and cache the guild', async () => {
    const c = await readyClient();

    expect(fake.gatewayConnections).toEqual(['/?v=10&encoding=json']);
    const identify = await fake.identified();
    expect(identify.token).toBe('test-token');
    expect(identify.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
    );
    expect(c.user?.id).toBe(fake.botUser.id);
    expect(c.guilds.cache.get(GUILD_ID)?.available).toBe(true);
    expect(c.channels.cache.get(CHANNEL_ID)?.type).toBe(ChannelType.GuildText);
    const gatewayBot = await fake.waitForRequest('GET', /^\/gateway\/bot$/);
    expect(gatewayBot.headers.authorization).toBe('Bot test-token');
  });

  it('speaks HELLO, heartbeat ACK and closes with 4004 on a bad IDENTIFY token', async () => {
    const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    const frames: { op: number; d: unknown }[] = [];
    socket.on('message', (raw) =>
      frames.push(JSON.parse(raw.toString()) as { op: number; d: unknown }),
    );
    await once(socket, 'message');
    expect(frames[0]).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });

    socket.send(JSON.stringify({ op: 1, d: null }));
    await once(socket, 'message');
    expect(frames[1]).toMatchObject({ op: 11 });

    socket.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    const [code] = (await once(socket, 'close')) as [number];
    expect(code).toBe(4004);
  });

  it('counts the sessions connected at once, and the most there ever were', async () => {
    await readyClient();
    expect([fake.liveSessions(), fake.peakSessions()]).toEqual([1, 1]);
    const second = newClient(fake);
    try {
      const secondReady = once(second, Events.ClientReady);
      await second.login(fake.token);
      await secondReady;
      await fake.identifiedTimes(2);
      expect([fake.liveSessions(), fake.peakSessions()]).toEqual([2, 2]);
    } finally {
      await second.destroy();
    }
  });

  it('rejects login with TokenInvalid when the token is wrong (401 on /gateway/bot)', async () => {
    client = newClient(fake);
    await expect(client.login('not-the-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    const request = await fake.waitForRequest('GET', /^\/gateway\/bot$/);
    expect(request.status).toBe(401);
  });
});

describe('fake discord interactions', () => {
  it('delivers a slash command and records the reply callback (type 4)', async () => {
    const c = await readyClient();
    const handled = answerNext(c, async (i) => {
      if (!i.isChatInputCommand()) throw new Error(`unexpected interaction ${i.type}`);
      expect(i.options.getString('query')).toBe('kubernetes');
      expect(i.guildId).toBe(GUILD_ID);
      await i.reply({ content: 'hi', allowedMentions: { parse: [] } });
    });

    fake.dispatch(
      'INTERACTION_CREATE',
      fake.chatInputInteraction({ options: [{ name: 'query', type: 3, value: 'kubernetes' }] }),
    );
    await handled;

    const callback = await fake.waitForRequest('POST', CALLBACK);
    expect(callback.body).toEqual({
      type: 4,
      data: expect.objectContaining({ content: 'hi', allowed_mentions: { parse: [] } }),
    });
    expect(callback.headers.authorization).toBeUndefined();
    expect(fake.interactionCallbacks).toHaveLength(1);
  });

  it('answers autocomplete with type 8 choices', async () => {
    const c = await readyClient();
    const handled = answerNext(c, async (i) => {
      if (!i.isAutocomplete()) throw new Error('expected autocomplete');
      expect(i.options.getFocused()).toBe('kub');
      await i.respond([{ name: 'Kubernetes basics', value: 'k8s-basics' }]);
    });

    fake.dispatch('INTERACTION_CREATE', fake.autocompleteInteraction({ value: 'kub' }));
    await handled;

    expect(fake.interactionCallbacks[0]).toMatchObject({
      type: 8,
      data: { choices: [{ name: 'Kubernetes basics', value: 'k8s-basics' }] },
    });
  });

  it('maps deferReply, editReply and followUp to callback type 5, PATCH @original and POST webhook', async () => {
    const c = await readyClient();
    const handled = answerNext(c, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('expected chat input');
      const deferred = await i.deferReply({ withResponse: true });
      expect(deferred.interaction.responseMessageLoading).toBe(true);
      const edited = await i.editReply('done');
      expect(edited.content).toBe('done');
      await i.followUp({ content: 'more', flags: MessageFlags.Ephemeral });
    });

    fake.dispatch('INTERACTION_CREATE', fake.chatInputInteraction());
    await handled;

    expect(fake.interactionCallbacks[0]).toMatchObject({ type: 5 });
    const patch = await fake.waitForRequest(
      'PATCH',
      /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/,
    );
    expect(patch.body).toMatchObject({ content: 'done' });
    const followup = await fake.waitForRequest('POST', /^\/webhooks\/\d+\/[^/]+$/);
    expect(followup.query.wait).toBe('true');
    expect(followup.body).toMatchObject({ content: 'more', flags: 64 });
  });

  it('maps a button update to callback type 7 and refuses a second acknowledgement', async () => {
    const c = await readyClient();
    const handled = answerNext(c, async (i) => {
      expect(i).toBeInstanceOf(ButtonInteraction);
      if (!i.isButton()) return;
      expect(i.customId).toBe('more:k8s');
      await i.update({ content: 'page 2' });
      // discord.js guards replied interactions itself, so go through REST to hit the fake's rule.
      const again = c.rest.post(`/interactions/${i.id}/${i.token}/callback`, {
        body: { type: 4, data: { content: 'twice' } },
        auth: false,
      });
      await expect(again).rejects.toMatchObject({ code: 40060 });
    });

    fake.dispatch('INTERACTION_CREATE', fake.buttonInteraction({ customId: 'more:k8s' }));
    await handled;

    expect(fake.interactionCallbacks).toEqual([
      expect.objectContaining({ type: 7, data: expect.objectContaining({ content: 'page 2' }) }),
    ]);
  });
});

describe('fake discord application commands', () => {
  it('records global and guild command registration and echoes them with ids', async () => {
    const c = await readyClient();
    const command = { name: 'devops', description: 'Find DevOps learning resources' };

    const global = await c.application?.commands.set([command]);
    const guild = await c.guilds.cache.get(GUILD_ID)?.commands.set([command]);

    expect(global?.first()?.id).toMatch(/^\d+$/);
    expect(guild?.first()?.guildId).toBe(GUILD_ID);
    expect(fake.registeredCommands()).toEqual([expect.objectContaining(command)]);
    expect(fake.registeredCommands(GUILD_ID)).toHaveLength(1);
    await fake.waitForRequest('PUT', /^\/applications\/\d+\/guilds\/\d+\/commands$/);
  });
});

describe('fake discord messages', () => {
  it('delivers a mention and records message.reply with message_reference', async () => {
    const c = await readyClient();
    const payload = fake.messageCreate({ content: 'spark on kubernetes', mentionBot: true });
    const received = nextEvent(c, Events.MessageCreate);

    fake.dispatch('MESSAGE_CREATE', payload);
    const [message] = await received;
    expect(message.content).toBe(`<@${fake.botUser.id}> spark on kubernetes`);
    expect(message.mentions.users.has(fake.botUser.id)).toBe(true);
    await message.reply({ content: 'Here you go', allowedMentions: { repliedUser: false } });

    const post = await fake.waitForRequest('POST', CHANNEL_MESSAGES);
    expect(post.path).toBe(`/channels/${CHANNEL_ID}/messages`);
    expect(post.body).toMatchObject({
      content: 'Here you go',
      message_reference: { message_id: payload.id },
    });
  });

  it('blanks guild message content without the MessageContent intent, like Discord', async () => {
    const c = await readyClient();
    const received = nextEvent(c, Events.MessageCreate);

    fake.dispatch('MESSAGE_CREATE', fake.messageCreate({ content: 'no mention here' }));
    const [message] = await received;
    expect(message.content).toBe('');
  });

  it('delivers a DM (Partials.Channel + channel_type 1) and replies in the DM channel', async () => {
    const c = await readyClient();
    const payload = fake.messageCreate({ content: 'terraform?', dm: true });
    const received = nextEvent(c, Events.MessageCreate);

    fake.dispatch('MESSAGE_CREATE', payload);
    const [message] = await received;
    expect(message.channel.type).toBe(ChannelType.DM);
    expect(message.author.id).toBe(DEFAULT_USER.id);
    await message.channel.send('Try the Terraform track.');

    const post = await fake.waitForRequest('POST', CHANNEL_MESSAGES);
    expect(post.path).toBe(`/channels/${payload.channel_id}/messages`);
  });

  it('makes discord.js wait out a scripted 429 and retry', async () => {
    const c = await readyClient();
    fake.failNext('POST', CHANNEL_MESSAGES, discordErrors.rateLimited(0.05));
    const channel = c.channels.cache.get(CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error('channel not sendable');

    const sent = await channel.send('after the rate limit');

    expect(sent.content).toBe('after the rate limit');
    const statuses = fake.requests
      .filter((r) => CHANNEL_MESSAGES.test(r.path))
      .map((r) => r.status);
    expect(statuses).toEqual([429, 200]);
  });

  it('surfaces a scripted 403 Missing Access as a DiscordAPIError', async () => {
    const c = await readyClient();
    fake.failNext('POST', CHANNEL_MESSAGES, discordErrors.missingAccess());
    const channel = c.channels.cache.get(CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error('channel not sendable');

    const error: unknown = await channel.send('nope').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 403, code: 50001 });
  });
});
