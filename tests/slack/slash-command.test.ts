import { afterEach, describe, expect, it } from 'vitest';
import { slashCommandBody } from '../fakes/slack-requests.js';
import { APOLOGY } from '../../src/platform/failure-notices.js';
import {
  blocksOf,
  canManageCommand,
  failingCommand,
  slowCommand,
  startSlackHarness,
  type SlackHarness,
} from './slack-harness.js';
import {
  buttonsOf,
  expectNoMentions,
  expectWithinSlackLimits,
  visibleText,
  type SlackMessageBody,
} from './slack-message.js';

let harness: SlackHarness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function start(options: Parameters<typeof startSlackHarness>[0] = {}): Promise<SlackHarness> {
  harness = await startSlackHarness(options);
  return harness;
}

describe('the /devops slash command over HTTP', () => {
  it('acknowledges /devops docker with the Docker resources in Block Kit, for the asker only', async () => {
    const { command } = await start();

    const ack = await command('docker');

    expect(ack.status).toBe(200);
    const body = ack.json as SlackMessageBody & { response_type: string };
    expect(body.response_type).toBe('ephemeral');
    expect(blocksOf(body)[0]).toMatchObject({ type: 'header', text: { text: 'Docker' } });
    expect(visibleText(body)).toContain(
      '<https://images.example.org/part-1|Container images, part 1: a first Dockerfile>',
    );
    expect(visibleText(body)).toContain('Platform › Docker');
    expect(buttonsOf(body).map((button) => button.text.text)).toEqual([
      'Share in channel',
      'More',
      'Start here: part 1 of 2',
    ]);
    expectWithinSlackLimits(body);
  });

  it('shows help for /devops alone', async () => {
    const { command } = await start();

    const body = (await command('')).json as SlackMessageBody;

    expect(visibleText(body)).toContain('/devops topics');
    expect(visibleText(body)).toContain('/devops &lt;topic or question&gt;');
  });

  it('escapes <!channel>, <!here> and <@U…> in a query so the answer notifies nobody', async () => {
    const { command } = await start();

    const miss = (await command('<!channel> <!here> <@U123> kafka streaming'))
      .json as SlackMessageBody;
    const hit = (await command('<!channel> docker')).json as SlackMessageBody;

    expectNoMentions(miss);
    expectNoMentions(hit);
    expect(visibleText(miss)).toContain(
      '&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; kafka streaming',
    );
  });

  it('caps a very long query and keeps the answer within Slack limits', async () => {
    const { command } = await start();

    const ack = await command(`${'<@U1> '.repeat(600)}docker`);

    expect(ack.status).toBe(200);
    const body = ack.json as SlackMessageBody;
    expectWithinSlackLimits(body);
    expectNoMentions(body);
  });

  it('answers for the whole channel when SLACK_RESPONSE is in_channel, without a Share button', async () => {
    const { command } = await start({
      slack: { responseType: 'in_channel' },
      channelCommands: [canManageCommand],
    });

    const answer = (await command('docker')).json as SlackMessageBody & { response_type: string };
    const notice = (await command('can-manage')).json as { response_type: string };

    expect(answer.response_type).toBe('in_channel');
    expect(buttonsOf(answer).map((button) => button.text.text)).toEqual([
      'More',
      'Start here: part 1 of 2',
    ]);
    expect(notice.response_type).toBe('ephemeral');
  });

  it('serves nothing but /slack/events on its port: health and metrics live on OPS_PORT', async () => {
    const { baseUrl } = await start();

    for (const route of ['/healthz', '/readyz', '/metrics']) {
      expect((await fetch(`${baseUrl}${route}`)).status, route).toBe(404);
    }
  });

  it('rejects a bad signature or a stale timestamp with 401, and a wrong content type with 400', async () => {
    const { post } = await start();
    const body = slashCommandBody({ text: 'docker' });
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;

    expect((await post(body, { badSignature: true })).status).toBe(401);
    expect((await post(body, { timestamp: sixMinutesAgo })).status).toBe(401);
    expect((await post(body, { headers: { 'content-type': 'text/plain' } })).status).toBe(400);
  });

  it('acknowledges a failing handler with a short apology and logs the error with its query', async () => {
    const { command, waitForLog } = await start({ channelCommands: [failingCommand] });

    const ack = await command('boom now', { channel_id: 'C0099' });

    expect(ack.status).toBe(200);
    expect(ack.json).toMatchObject({ response_type: 'ephemeral' });
    const apology = visibleText(ack.json as SlackMessageBody);
    expect(apology).toContain(`:warning: *${APOLOGY.title}*`);
    expect(apology).toContain(APOLOGY.lines[0]);
    expect(apology).not.toContain('boom from a channel command');
    const logged = await waitForLog((line) => line.msg === 'slack answer failed');
    expect(logged).toMatchObject({
      query: 'boom now',
      channelId: 'C0099',
      source: 'slash command',
    });
    expect(JSON.stringify(logged.err)).toContain('boom from a channel command');
  });

  it('acknowledges a slow answer at once and sends it through response_url when ready', async () => {
    const { command: slow, release } = slowCommand();
    const { command, fake } = await start({ channelCommands: [slow], ackDeadlineMs: 20 });

    const ack = await command('slow');
    release();

    expect(ack).toMatchObject({ status: 200, text: '' });
    const response = await fake.waitForResponse((posted) => posted.id.startsWith('command'));
    expect(response.body).toMatchObject({ response_type: 'ephemeral' });
    expect(visibleText(response.body as SlackMessageBody)).toContain('Channel manager');
  });
});
