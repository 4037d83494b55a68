import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_BOT } from '../fakes/fake-slack.js';
import { appMentionEvent, eventCallbackBody, messageEvent } from '../fakes/slack-requests.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import { expectNoMentions, visibleText, type SlackMessageBody } from './slack-message.js';

let harness: SlackHarness;

afterEach(async () => {
  await harness.stop();
});

function directMessage(text: string, fields: Record<string, unknown> = {}) {
  return { ...messageEvent(text, 'U0001', 'D0001'), channel_type: 'im', ...fields };
}

describe('mentions and direct messages', () => {
  it('answers a mention in a thread under it', async () => {
    harness = await startSlackHarness();
    const mention = appMentionEvent(`<@${FAKE_BOT.userId}> kubernetes cronjobs`);

    const ack = await harness.post(eventCallbackBody(mention));
    const reply = await harness.fake.waitForCall('chat.postMessage');

    expect(ack.status).toBe(200);
    expect(reply.args).toMatchObject({ channel: 'C0001', thread_ts: mention.ts });
    expect(visibleText(reply.args as SlackMessageBody)).toContain(
      'Cluster basics, part 3: CronJobs',
    );
  });

  it('answers a direct message in the DM, without a thread', async () => {
    harness = await startSlackHarness();

    await harness.post(eventCallbackBody(directMessage('docker')));
    const reply = await harness.fake.waitForCall('chat.postMessage');

    expect(reply.args).toMatchObject({ channel: 'D0001' });
    expect(reply.args.thread_ts).toBeUndefined();
    expect(visibleText(reply.args as SlackMessageBody)).toContain('Container images, part 1');
  });

  it('escapes mentions typed in a mention so the thread reply notifies nobody', async () => {
    harness = await startSlackHarness();

    await harness.post(
      eventCallbackBody(
        appMentionEvent(`<@${FAKE_BOT.userId}> <!channel> <@U123> kafka streaming`),
      ),
    );
    const reply = await harness.fake.waitForCall('chat.postMessage');

    expectNoMentions(reply.args as SlackMessageBody);
    expect(visibleText(reply.args as SlackMessageBody)).toContain('&lt;!channel&gt; &lt;@U123&gt;');
  });

  it('ignores its own messages and other bots, and answers the person after them', async () => {
    harness = await startSlackHarness();
    const { post, fake } = harness;

    await post(
      eventCallbackBody(directMessage('docker', { user: FAKE_BOT.userId, bot_id: FAKE_BOT.botId })),
    );
    await post(
      eventCallbackBody(directMessage('docker', { bot_id: 'B0OTHER', subtype: 'bot_message' })),
    );
    await post(
      eventCallbackBody({ ...appMentionEvent(`<@${FAKE_BOT.userId}> docker`), bot_id: 'B0OTHER' }),
    );
    await post(eventCallbackBody(directMessage('helm', { user: 'U0002' })));
    const reply = await fake.waitForCall('chat.postMessage');

    expect(visibleText(reply.args as SlackMessageBody)).toContain('Helm');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('logs a Web API error with its code and keeps answering', async () => {
    harness = await startSlackHarness();
    const { post, fake, waitForLog } = harness;
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });

    await post(
      eventCallbackBody(appMentionEvent(`<@${FAKE_BOT.userId}> docker`, 'U0001', 'C0404')),
    );
    const logged = await waitForLog((line) => line.msg === 'slack reply could not be posted');
    await post(eventCallbackBody(appMentionEvent(`<@${FAKE_BOT.userId}> docker`)));
    const reply = await fake.waitForCall(
      'chat.postMessage',
      (call) => call.args.channel === 'C0001',
    );

    expect(logged).toMatchObject({
      slackError: 'channel_not_found',
      code: 'slack_webapi_platform_error',
      channelId: 'C0404',
    });
    expect(reply.args.thread_ts).toBeDefined();
  });

  it('retries a rate-limited reply after Retry-After and logs the rate limit', async () => {
    harness = await startSlackHarness();
    const { post, fake, waitForLog } = harness;
    fake.failNext('chat.postMessage', { error: 'ratelimited', retryAfterSeconds: 0 });

    await post(eventCallbackBody(appMentionEvent(`<@${FAKE_BOT.userId}> docker`)));
    const limited = await fake.waitForCall('chat.postMessage');
    const retried = await fake.waitForCall('chat.postMessage', (call) => call !== limited);

    expect(retried.args).toEqual(limited.args);
    await waitForLog((line) => String(line.msg).includes('rate limit'));
  });
});
