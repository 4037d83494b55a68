import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { FAKE_BOT } from '../fakes/fake-slack.js';
import { appMentionEvent, eventCallbackPayload } from '../fakes/slack-requests.js';
import { startSlackHarness, type SlackHarness } from '../slack/slack-harness.js';
import { makeDataDir } from '../support/weekly.js';

const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function harnessFor(options: Parameters<typeof startSlackHarness>[0] = {}) {
  const harness = await startSlackHarness(options);
  stops.push(() => harness.stop());
  return harness;
}

/** One mention event as Slack delivers it, and again as Slack retries it. */
function mentionDelivery(text = 'docker') {
  const payload = eventCallbackPayload(appMentionEvent(`<@${FAKE_BOT.userId}> ${text}`));
  const body = JSON.stringify(payload);
  return {
    eventId: payload.event_id as string,
    first: (harness: SlackHarness) => harness.post(body),
    retry: (harness: SlackHarness, retryNum: number) =>
      harness.post(body, {
        headers: { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' },
      }),
  };
}

function ignoredRetry(harness: SlackHarness, eventId: string, retryNum: number) {
  return harness.waitForLog(
    (line) =>
      line.msg === 'slack event delivered again; acknowledged and ignored' &&
      line.eventId === eventId &&
      line.retryNum === retryNum,
  );
}

describe('a Slack event delivered more than once', () => {
  it('is answered once when the same event_id arrives three times, and every delivery is acknowledged', async () => {
    const harness = await harnessFor();
    const delivery = mentionDelivery();

    const acks = [await delivery.first(harness)];
    await harness.fake.waitForCall('chat.postMessage');
    acks.push(await delivery.retry(harness, 1), await delivery.retry(harness, 2));
    await ignoredRetry(harness, delivery.eventId, 1);
    await ignoredRetry(harness, delivery.eventId, 2);

    expect(acks.map((ack) => ack.status)).toEqual([200, 200, 200]);
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('is still answered once when the retry reaches a restarted bot with the same store', async () => {
    const dataDir = makeDataDir();
    const delivery = mentionDelivery('kubernetes');
    const firstStore = openSqliteStore(dataDir);
    const before = await startSlackHarness({ store: firstStore });
    await delivery.first(before);
    await before.fake.waitForCall('chat.postMessage');
    await before.stop();
    await firstStore.close();

    const store = openSqliteStore(dataDir);
    stops.push(() => store.close());
    const after = await harnessFor({ store });
    const ack = await delivery.retry(after, 1);
    await ignoredRetry(after, delivery.eventId, 1);

    expect(ack.status).toBe(200);
    expect(after.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers a different event with the same text as a new question', async () => {
    const harness = await harnessFor();

    await mentionDelivery().first(harness);
    await harness.fake.waitForCall('chat.postMessage');
    await mentionDelivery().first(harness);
    await harness.fake.waitForCall(
      'chat.postMessage',
      () => harness.fake.callsTo('chat.postMessage').length === 2,
    );

    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(2);
  });
});

describe('a chat.postMessage Slack answers after the client gave up', () => {
  it('is sent once, not retried, and the failure is logged', async () => {
    const harness = await harnessFor({ webApiTimeoutMs: 1000 });
    harness.fake.delayNext('chat.postMessage', 3000);

    await mentionDelivery().first(harness);
    const failure = await harness.waitForLog(
      (line) => line.msg === 'slack reply could not be posted',
    );

    expect(failure).toMatchObject({ level: 50, code: 'slack_webapi_request_error' });
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
