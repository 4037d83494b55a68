import { afterEach, describe, expect, it } from 'vitest';
import { SlackAdapter, type SlackAdapterOptions } from '../../adapters/slack/slack-adapter.js';
import type { StartupError } from '../../src/errors/startup-error.js';
import { PLATFORMS } from '../../adapters/platforms.js';
import { createLogger } from '../../src/logger.js';
import { ConversationRouter } from '../../src/platform/conversation-router.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import { slackConfig, startSlackHarness, type SlackHarness } from '../slack/slack-harness.js';
import { fixtureEngine } from '../support/content.js';
import { makeDataDir } from '../support/weekly.js';

let fake: FakeSlack | undefined;
let adapter: SlackAdapter | undefined;
let harness: SlackHarness | undefined;
afterEach(async () => {
  await adapter?.stop();
  await fake?.close();
  await harness?.stop();
  adapter = fake = harness = undefined;
});

/** A Slack adapter in HTTP mode on a fake Slack, not started, retrying quickly at start. */
async function slackAdapter(options: Partial<SlackAdapterOptions> = {}) {
  fake = await startFakeSlack();
  const engine = await fixtureEngine();
  adapter = new SlackAdapter({
    config: slackConfig(fake),
    port: 0,
    router: new ConversationRouter(() => engine, []),
    logger: createLogger({ platforms: PLATFORMS, level: 'silent', destination: 'stderr' }),
    seenEvents: openSqliteStore(makeDataDir()),
    startRetryDelaysMs: [10, 10],
    ...options,
  });
  return adapter;
}

function failureOf(starting: Promise<void>): Promise<StartupError | undefined> {
  return starting.then(
    () => undefined,
    (error: StartupError) => error,
  );
}

describe('Slack at start', () => {
  it.each(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked'])(
    'says Slack rejected the token (%s), exit code 2, without retrying',
    async (error) => {
      const slack = await slackAdapter();
      fake!.failNext('auth.test', { error });
      const failure = await failureOf(slack.start());
      expect(failure).toMatchObject({ code: 'SLACK_TOKEN_REJECTED', exitCode: 2 });
      expect(failure!.message).toContain(`Slack rejected SLACK_BOT_TOKEN (auth.test: ${error})`);
      expect(fake!.callsTo('auth.test')).toHaveLength(1);
    },
  );

  it('retries a 500 with backoff and starts once Slack answers', async () => {
    const slack = await slackAdapter();
    fake!.failNext('auth.test', { error: 'internal_error', status: 500 });
    fake!.failNext('auth.test', { error: 'internal_error', status: 503 });
    await slack.start();
    expect(slack.isReady()).toBe(true);
    expect(fake!.callsTo('auth.test')).toHaveLength(3);
  });

  it('says it cannot reach Slack, exit code 1, when every retry fails', async () => {
    const slack = await slackAdapter();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      fake!.failNext('auth.test', { error: 'internal_error', status: 502 });
    }
    const failure = await failureOf(slack.start());
    const host = new URL(fake!.apiUrl).host;
    expect(failure).toMatchObject({ code: 'PLATFORM_UNREACHABLE', exitCode: 1 });
    expect(failure!.message).toMatch(new RegExp(`^cannot reach ${host} \\(HTTP 502\\)`));
  });

  it('counts a rate-limited auth.test as Slack out of reach', async () => {
    const slack = await slackAdapter({ startRetryDelaysMs: [] });
    for (let attempt = 0; attempt < 4; attempt += 1) {
      fake!.failNext('auth.test', { error: 'ratelimited', retryAfterSeconds: 0 });
    }
    const failure = await failureOf(slack.start());
    expect(failure).toMatchObject({ code: 'PLATFORM_UNREACHABLE', exitCode: 1 });
    expect(failure!.message).toContain('(rate limited)');
  });

  it('retries an auth.test that hangs past the timeout', async () => {
    const slack = await slackAdapter({ webApiTimeoutMs: 200 });
    fake!.delayNext('auth.test', 1000);
    await slack.start();
    expect(slack.isReady()).toBe(true);
  });
});

describe('Slack Socket Mode while running', () => {
  it('stops gracefully with one reason when reconnecting meets invalid_auth', async () => {
    let giveUp!: (reason: StartupError) => void;
    const gaveUp = new Promise<StartupError>((resolve) => (giveUp = resolve));
    harness = await startSlackHarness({
      slack: { mode: 'socket', appToken: 'xapp-1-test', signingSecret: undefined },
      onGiveUp: giveUp,
    });
    await harness.fake.socketConnected();
    harness.fake.failNext('apps.connections.open', { error: 'invalid_auth' });

    await harness.fake.sendDisconnect();
    const reason = await gaveUp;
    expect(reason).toMatchObject({ code: 'SLACK_TOKEN_REJECTED', exitCode: 2 });
    expect(reason.message).toContain(
      'Slack rejected SLACK_APP_TOKEN (apps.connections.open: invalid_auth)',
    );
    expect(harness.adapter.isReady()).toBe(false);
  });
});
