import { afterEach, describe, expect, it, vi } from 'vitest';
import { FAKE_BOT } from '../fakes/fake-slack.js';
import {
  appMentionEvent,
  eventCallbackPayload,
  slashCommandPayload,
} from '../fakes/slack-requests.js';
import { slowCommand, startSlackHarness, type SlackHarness } from './slack-harness.js';
import { visibleText, type SlackMessageBody } from './slack-message.js';

let harness: SlackHarness;

afterEach(async () => {
  await harness.stop();
});

describe('Socket Mode', () => {
  it('answers a slash command in its ack and a mention in its thread over the WebSocket', async () => {
    harness = await startSlackHarness({
      slack: { mode: 'socket', appToken: 'xapp-1-test', signingSecret: undefined },
    });
    const { fake } = harness;
    await fake.socketConnected();

    const ack = await fake.sendEnvelope('slash_commands', slashCommandPayload({ text: 'docker' }));
    const mention = appMentionEvent(`<@${FAKE_BOT.userId}> airflow`);
    await fake.sendEnvelope('events_api', eventCallbackPayload(mention));
    const reply = await fake.waitForCall('chat.postMessage');

    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(visibleText(ack.payload as SlackMessageBody)).toContain('Container images, part 1');
    expect(reply.args).toMatchObject({ channel: 'C0001', thread_ts: mention.ts });
    expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-test');
    expect(harness.adapter.isReady()).toBe(true);
    expect(harness.adapter.httpPort).toBeUndefined();
  });
});

describe('Socket Mode readiness', () => {
  it('is not ready while the WebSocket reconnects, and ready again once it is back', async () => {
    harness = await startSlackHarness({
      slack: { mode: 'socket', appToken: 'xapp-1-test', signingSecret: undefined },
    });
    const { fake, adapter } = harness;
    await fake.socketConnected();
    expect(adapter.isReady()).toBe(true);
    await fake.sendDisconnect();
    await vi.waitFor(() => expect(adapter.isReady()).toBe(false), { timeout: 3_000 });
    await fake.socketConnected(10_000);
    await vi.waitFor(() => expect(adapter.isReady()).toBe(true));
  });
});

describe('stopping the adapter', () => {
  it('lets an answer in flight reach Slack, then stops listening', async () => {
    const { command: slow, release } = slowCommand();
    harness = await startSlackHarness({ channelCommands: [slow], ackDeadlineMs: 20 });
    const { adapter, command, fake, baseUrl } = harness;
    await command('slow');

    const stopping = adapter.stop();
    expect(adapter.isReady()).toBe(false);
    release();
    await stopping;

    expect(fake.responses.map((response) => response.id)).toEqual([
      expect.stringMatching(/^command/),
    ]);
    await expect(fetch(`${baseUrl}/slack/events`, { method: 'POST' })).rejects.toThrow();
  });
});
