import type { AddressInfo } from 'node:net';
import { App, LogLevel, verifySlackRequest } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import { ErrorCode, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import {
  postToSlackApp,
  signSlackRequest,
  slashCommandBody,
  slashCommandPayload,
  urlVerificationBody,
} from './slack-requests.js';

const SECRET = 'test-signing-secret';
const BLOCKS = [{ type: 'section', text: { type: 'mrkdwn', text: '*Kubernetes* basics' } }];

let fake: FakeSlack;
// Cleanups run newest first so clients disconnect before the fake goes away.
let cleanups: (() => Promise<unknown>)[] = [];

beforeEach(async () => {
  fake = await startFakeSlack({ users: { UADMIN: { is_admin: true } } });
  cleanups = [() => fake.close()];
});

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A WebClient that fails fast instead of retrying for minutes. */
function webClient(token = 'xoxb-test'): WebClient {
  return new WebClient(token, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });
}

describe('fake Slack Web API', () => {
  it('records chat.postMessage from a real WebClient with decoded blocks and token', async () => {
    const result = await webClient().chat.postMessage({
      channel: 'C1',
      text: 'hi',
      blocks: BLOCKS,
    });

    expect(result).toMatchObject({ ok: true, channel: 'C1', message: { text: 'hi' } });
    expect(result.ts).toMatch(/^\d{10}\.\d{6}$/);
    const call = await fake.waitForCall('chat.postMessage');
    expect(call.token).toBe('xoxb-test');
    expect(call.args).toMatchObject({ channel: 'C1', text: 'hi', blocks: BLOCKS });
    expect(call.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('issues increasing message timestamps and answers users.info from options', async () => {
    const client = webClient();
    const first = await client.chat.postMessage({ channel: 'C1', text: 'a' });
    const second = await client.chat.postMessage({ channel: 'C1', text: 'b' });
    const admin = await client.users.info({ user: 'UADMIN' });
    const member = await client.users.info({ user: 'U2' });

    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(admin.user).toMatchObject({ id: 'UADMIN', is_admin: true, is_owner: false });
    expect(member.user).toMatchObject({ id: 'U2', is_admin: false });
  });

  it('surfaces a scripted failure as a WebClient platform error, once', async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const client = webClient();

    await expect(client.chat.postMessage({ channel: 'C404', text: 'x' })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { ok: false, error: 'channel_not_found' },
    });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('rate limits with HTTP 429 and Retry-After', async () => {
    fake.failNext('chat.postMessage', { error: 'ratelimited', retryAfterSeconds: 7 });

    await expect(webClient().chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
  });

  it('rejects unknown tokens with invalid_auth', async () => {
    await expect(webClient('xoxp-user').auth.test()).rejects.toMatchObject({
      data: { error: 'invalid_auth' },
    });
  });

  it('times out waitForCall with a message listing the calls seen', async () => {
    await webClient().auth.test();

    await expect(fake.waitForCall('chat.update', undefined, 50)).rejects.toThrow(
      /chat\.update call.*Seen 1:\n {2}- auth\.test/s,
    );
  });

  it('records response_url posts', async () => {
    const url = fake.responseUrl('cmd');
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'done', response_type: 'ephemeral' }),
    });

    expect(res.status).toBe(200);
    const posted = await fake.waitForResponse((r) => r.id === 'cmd-1');
    expect(posted.body).toEqual({ text: 'done', response_type: 'ephemeral' });
  });
});

describe('fake Slack Socket Mode', () => {
  /** A real client that acks slash commands; a short ping timeout makes reconnects quick. */
  async function startSocketClient(): Promise<SocketModeClient> {
    const client = new SocketModeClient({
      appToken: 'xapp-1-test',
      clientOptions: { slackApiUrl: fake.apiUrl },
      clientPingTimeout: 100,
      logLevel: LogLevel.ERROR,
    });
    client.on('slash_commands', async ({ ack, body }: SlashEvent) => {
      await ack({ text: `pong ${body.text}` });
    });
    cleanups.push(() => client.disconnect());
    await client.start();
    await fake.socketConnected();
    return client;
  }

  it('connects a real SocketModeClient and receives its ack', async () => {
    await startSocketClient();

    const ack = await fake.sendEnvelope('slash_commands', slashCommandPayload({ text: 'ping' }));

    expect(ack.payload).toEqual({ text: 'pong ping' });
    expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-test');
  });

  it("reconnects after Slack's disconnect message", async () => {
    await startSocketClient();

    await fake.sendDisconnect();
    await fake.socketConnected();
    const ack = await fake.sendEnvelope('slash_commands', slashCommandPayload({ text: 'again' }));

    expect(ack.payload).toEqual({ text: 'pong again' });
    expect(fake.callsTo('apps.connections.open')).toHaveLength(2);
  });
});

interface SlashEvent {
  ack: (response?: Record<string, unknown>) => Promise<void>;
  body: { text: string };
}

describe('inbound request builders', () => {
  it('signs requests the way Bolt verifies them', () => {
    const body = slashCommandBody({ text: 'hello world' });
    const headers = signSlackRequest(SECRET, body);
    const timestamp = Number(headers['x-slack-request-timestamp']);
    const verify = (signature: string) =>
      verifySlackRequest({
        signingSecret: SECRET,
        body,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
      });

    expect(() => verify(headers['x-slack-signature'])).not.toThrow();
    expect(() => verify(signSlackRequest('other', body)['x-slack-signature'])).toThrow(/mismatch/);
  });

  it("matches Slack's documented signature example", () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const headers = signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618);

    expect(headers['x-slack-signature']).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('drive a real Bolt HTTP app end to end against the fake', async () => {
    const app = new App({
      token: 'xoxb-test',
      signingSecret: SECRET,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
      logLevel: LogLevel.ERROR,
    });
    app.command('/devops', async ({ ack, respond, client, command }) => {
      await ack();
      await respond({ text: `searching for ${command.text}` });
      await client.chat.postMessage({ channel: command.channel_id, text: 'found 3 resources' });
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => app.stop());
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body = slashCommandBody({ text: 'helm', response_url: fake.responseUrl() });

    const acked = await postToSlackApp(baseUrl, { body, signingSecret: SECRET });
    const forged = await postToSlackApp(baseUrl, {
      body,
      signingSecret: SECRET,
      badSignature: true,
    });
    const challenge = await postToSlackApp(baseUrl, {
      body: urlVerificationBody('c-123'),
      signingSecret: SECRET,
    });

    expect(acked).toMatchObject({ status: 200, text: '' });
    expect(forged.status).toBe(401);
    expect(challenge.json).toEqual({ challenge: 'c-123' });
    await expect(fake.waitForResponse()).resolves.toMatchObject({
      body: { text: 'searching for helm' },
    });
    const posted = await fake.waitForCall('chat.postMessage');
    expect(posted).toMatchObject({ token: 'xoxb-test', args: { channel: 'C0001' } });
  });
});
