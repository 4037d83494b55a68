import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_BOT, startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import {
  appMentionEvent,
  eventCallbackBody,
  postToSlackApp,
  slashCommandBody,
} from '../fakes/slack-requests.js';
import type { BotProcess } from '../support/processes.js';
import { startSlackHttpBot } from '../support/slack-http-bot.js';
import { visibleText, type SlackMessageBody } from './slack-message.js';

const SECRET = 'process-signing-secret';

let fake: FakeSlack | undefined;
let bot: BotProcess | undefined;

afterEach(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('npm start with Slack in HTTP mode', () => {
  it('answers a signed /devops docker within 3 s, refuses a bad signature, replies to a mention in its thread, and serves /healthz on OPS_PORT only', async () => {
    fake = await startFakeSlack();
    const running = await startSlackHttpBot(fake, SECRET, { SLACK_BOT_TOKEN: 'xoxb-process-test' });
    bot = running.bot;
    const baseUrl = running.slackUrl;
    const body = slashCommandBody({ text: 'docker', response_url: fake.responseUrl() });

    const started = Date.now();
    const ack = await postToSlackApp(baseUrl, { body, signingSecret: SECRET });
    const elapsed = Date.now() - started;
    const forged = await postToSlackApp(baseUrl, {
      body,
      signingSecret: SECRET,
      badSignature: true,
    });
    const mention = appMentionEvent(`<@${FAKE_BOT.userId}> docker`);
    await postToSlackApp(baseUrl, { body: eventCallbackBody(mention), signingSecret: SECRET });
    const reply = await fake.waitForCall('chat.postMessage');
    const health = await fetch(`${running.opsUrl}/healthz`);
    const healthOnSlackPort = await fetch(`${baseUrl}/healthz`);

    expect(ack.status).toBe(200);
    expect(elapsed).toBeLessThan(3000);
    expect(visibleText(ack.json as SlackMessageBody)).toContain(
      'https://images.example.org/part-1',
    );
    expect(forged.status).toBe(401);
    expect(reply.args).toMatchObject({ channel: 'C0001', thread_ts: mention.ts });
    expect(fake.callsTo('auth.test')[0]?.token).toBe('xoxb-process-test');
    expect(health.status).toBe(200);
    expect(healthOnSlackPort.status).toBe(404);
  });
});
