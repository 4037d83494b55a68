import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../adapters/platforms.js';
import { createLogger } from '../../src/logger.js';
import { harnessPerTest, slowCommand, type LogLine } from '../discord/discord-harness.js';
import { startSlackHarness, type SlackHarness } from '../slack/slack-harness.js';
import { buttonLabelled, type SlackMessageBody } from '../slack/slack-message.js';

const startDiscord = harnessPerTest();
let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.stop();
  slack = undefined;
});

const SERVER_ERROR = { status: 500, body: { message: '500: Internal Server Error', code: 0 } };

function slashCommand(value: string) {
  return { options: [{ name: 'query', type: 3 as const, value }] };
}

describe('secrets in the log when Discord calls fail', () => {
  it('never logs the interaction token when the callback fails with a server error', async () => {
    const harness = await startDiscord();
    const { fake } = harness;
    // discord.js retries a 5xx three times before it gives up with an HTTPError.
    for (let attempt = 0; attempt < 8; attempt += 1) {
      fake.failNext('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, SERVER_ERROR);
    }
    const interaction = fake.chatInputInteraction(slashCommand('docker'));
    fake.dispatch('INTERACTION_CREATE', interaction);

    await waitForLogLine(harness.logs, (line) => line.msg === 'discord interaction failed');
    const log = JSON.stringify(harness.logs);
    expect(log).toContain(`/interactions/${interaction.id}/`);
    expect(log).not.toContain(interaction.token);
    expect(log).not.toContain(fake.token);
  });

  it('never logs the webhook token when a deferred answer cannot be delivered', async () => {
    const slow = slowCommand();
    const harness = await startDiscord({ channelCommands: [slow.command], deferAfterMs: 10 });
    const { fake } = harness;
    const webhook = /^\/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/;
    for (const method of ['PATCH', 'DELETE', 'POST']) {
      for (let attempt = 0; attempt < 4; attempt += 1) fake.failNext(method, webhook, SERVER_ERROR);
    }
    const { callback } = await harness.interact(fake.chatInputInteraction(slashCommand('slow')));
    expect((callback.body as { type: number }).type).toBe(5);
    slow.finish();

    await waitForLogLine(harness.logs, (line) => line.msg === 'discord apology could not be sent');
    const log = JSON.stringify(harness.logs);
    expect(log).toContain(`/webhooks/${fake.appId}/`);
    expect(log).not.toContain(callback.path.split('/')[3]);
  });
});

describe('secrets in the log when a Slack response_url fails', () => {
  it('never logs the response_url path or the bot token', async () => {
    slack = await startSlackHarness();
    const first = (await slack.command('docker')).json as SlackMessageBody;
    slack.fake.failNextResponse(404);
    const secret = await slack.click(buttonLabelled(first, 'More'));

    await slack.waitForLog((line) =>
      String(line.msg).includes('could not be sent to response_url'),
    );
    const log = JSON.stringify(slack.logs.items);
    expect(log).not.toContain(secret);
    expect(log).not.toContain('xoxb-test');
  });
});

describe('the process logger', () => {
  it('redacts secrets from messages, fields, serialized errors and their causes', () => {
    const lines: string[] = [];
    const logger = createLogger({
      platforms: PLATFORMS,
      level: 'info',
      destination: 'stdout',
      stream: new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    });
    const url =
      'https://discord.com/api/v10/webhooks/123/aW50ZXJhY3Rpb246c2VjcmV0/messages/@original';
    const responseUrl = 'https://hooks.slack.com/commands/T0123ABC/456789/Zx9SeCrEt';
    const failure = Object.assign(new Error(`request to ${url} failed`), {
      url,
      requestBody: { json: { content: 'hi' }, webhook: url },
      cause: new Error(`POST ${responseUrl} answered 404`),
    });
    logger.error({ err: failure, target: responseUrl }, `answer to ${responseUrl} lost`);
    logger.warn({ headers: { Authorization: 'Bot MTIzNDU2.secret.token' } }, 'with xoxb-1-2-abc');

    const log = lines.join('');
    for (const secret of ['aW50ZXJhY3Rpb246c2VjcmV0', 'Zx9SeCrEt', 'MTIzNDU2', 'xoxb-1-2-abc']) {
      expect(log).not.toContain(secret);
    }
    expect(log).toContain('/webhooks/123/[redacted]/messages/@original');
    expect(log).toContain('/commands/T0123ABC/[redacted]');
    expect(lines).toHaveLength(2);
  });
});

/** Waits (up to 5 s) for the adapter to log a line matching `matches`. */
async function waitForLogLine(logs: LogLine[], matches: (line: LogLine) => boolean) {
  const deadline = Date.now() + 5000;
  while (!logs.some(matches) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(logs.some(matches), JSON.stringify(logs)).toBe(true);
}
