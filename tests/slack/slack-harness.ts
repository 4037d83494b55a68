import { PLATFORMS } from '../../adapters/platforms.js';
import { createLogger } from '../../src/logger.js';
import { SlackAdapter } from '../../adapters/slack/slack-adapter.js';
import type { SlackConfig } from '../../adapters/slack/platform.js';
import type { Answer } from '../../src/engine/answer.js';
import type { AnswerEngine } from '../../src/engine/engine.js';
import type { OnGiveUp } from '../../src/platform/adapter.js';
import type { AnswerFeedback } from '../../src/platform/answer-feedback.js';
import { type AskRecorder } from '../../src/platform/conversation.js';
import { type ChannelCommand } from '../../src/platform/chat-command.js';
import { ConversationRouter } from '../../src/platform/conversation-router.js';
import type { BotStore } from '../../src/store/bot-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { startFakeSlack, type FakeSlack, type FakeSlackOptions } from '../fakes/fake-slack.js';
import {
  blockActionsBody,
  blockActionsPayload,
  postToSlackApp,
  slashCommandBody,
  type AppResponse,
  type PostOptions,
  type SlashCommandPayload,
} from '../fakes/slack-requests.js';
import { WaitableLog } from '../fakes/waitable-log.js';
import { fixtureEngine } from '../support/content.js';
import { makeDataDir } from '../support/weekly.js';
import type { SlackBlock, SlackButton } from './slack-message.js';

/** The signing secret the harness's app verifies requests with. */
export const SIGNING_SECRET = 'test-signing-secret';

/** One JSON log line the adapter wrote. */
export type LogLine = Record<string, unknown> & { msg?: string; level?: number };

/** Options of {@link startSlackHarness}. */
export interface HarnessOptions {
  /** The engine to answer from; the fixture catalog's when not given. */
  engine?: AnswerEngine;
  slack?: Partial<SlackConfig>;
  fake?: FakeSlackOptions;
  channelCommands?: ChannelCommand[];
  /** Records the questions the router answers (analytics); none when not given. */
  recorder?: AskRecorder;
  /** Remembers answers and records votes on them; none (no vote buttons) when not given. */
  feedback?: AnswerFeedback;
  ackDeadlineMs?: number;
  /** The store remembering Slack event ids; default a fresh one, closed by `stop()`. */
  store?: BotStore;
  /** The Web API client's timeout per call. */
  webApiTimeoutMs?: number;
  /** Told when the adapter gives up after start-up. */
  onGiveUp?: OnGiveUp;
}

/**
 * The real Slack adapter, its Web API pointed at a fake Slack: in HTTP mode on a free port, or in
 * Socket Mode when the options say so.
 */
export interface SlackHarness {
  fake: FakeSlack;
  adapter: SlackAdapter;
  baseUrl: string;
  logs: WaitableLog<LogLine>;
  /** Posts a signed body to `/slack/events`. */
  post(
    body: string,
    options?: Pick<PostOptions, 'badSignature' | 'timestamp' | 'headers'>,
  ): Promise<AppResponse>;
  /** Runs the slash command with `text` and returns the ack. */
  command(text: string, fields?: Partial<SlashCommandPayload>): Promise<AppResponse>;
  /** Clicks `button` on a message that was ephemeral or not; returns the id of its response_url. */
  click(button: SlackButton, options?: { ephemeral?: boolean; userId?: string }): Promise<string>;
  /** The first log line matching `predicate`, now or later. */
  waitForLog(predicate: (line: LogLine) => boolean): Promise<LogLine>;
  /** Stops the adapter, then the fake. */
  stop(): Promise<void>;
}

/** A channel command for tests that reports whether the asker may manage the channel. */
export const canManageCommand: ChannelCommand = {
  name: 'can-manage',
  aliases: [],
  needs: 'channel',
  calledBy: 'first word',
  usage: 'can-manage',
  summary: 'Says whether you may manage this channel.',
  examples: ['can-manage'],
  run: async (_args, context): Promise<Answer> => ({
    kind: 'notice',
    query: 'can-manage',
    tone: 'info',
    title: 'Channel manager',
    lines: [String(await context.canManageChannel?.())],
    private: true,
  }),
};

/** A channel command for tests that reports why the bot could not post in the channel, or `can post`. */
export const canPostCommand: ChannelCommand = {
  name: 'can-post',
  aliases: [],
  needs: 'channel',
  calledBy: 'first word',
  usage: 'can-post',
  summary: 'Says whether the bot could post in this channel.',
  examples: ['can-post'],
  run: async (_args, context): Promise<Answer> => ({
    kind: 'notice',
    query: 'can-post',
    tone: 'info',
    title: 'Bot can post',
    lines: [(await context.whyBotCannotPost?.()) ?? 'can post'],
    private: true,
  }),
};

/** A channel command for tests that always throws. */
export const failingCommand: ChannelCommand = {
  name: 'boom',
  aliases: [],
  needs: 'channel',
  calledBy: 'first word',
  usage: 'boom',
  summary: 'Fails.',
  examples: ['boom'],
  run: () => Promise.reject(new Error('boom from a channel command')),
};

/** A channel command for tests named `slow`: it answers like `can-manage` once `release` is called. */
export function slowCommand(): { command: ChannelCommand; release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const command: ChannelCommand = {
    ...canManageCommand,
    name: 'slow',
    run: async (args, context) => {
      await released;
      return canManageCommand.run(args, context);
    },
  };
  return { command, release };
}

/** Starts the harness; stop it in `afterEach`. */
export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const fake = await startFakeSlack(options.fake);
  const engine = options.engine ?? (await fixtureEngine());
  const logs = new WaitableLog<LogLine>((line) => JSON.stringify(line));
  const logger = createLogger({
    platforms: PLATFORMS,
    level: 'debug',
    destination: 'stdout',
    stream: { write: (line: string) => logs.push(JSON.parse(line)) },
  });
  const store = options.store ?? openSqliteStore(makeDataDir());
  const adapter = new SlackAdapter({
    config: slackConfig(fake, options.slack),
    port: 0,
    router: new ConversationRouter(
      () => engine,
      options.channelCommands ?? [],
      undefined,
      options.recorder,
      options.feedback,
    ),
    logger,
    seenEvents: store,
    ...(options.webApiTimeoutMs ? { webApiTimeoutMs: options.webApiTimeoutMs } : {}),
    ...(options.ackDeadlineMs ? { ackDeadlineMs: options.ackDeadlineMs } : {}),
    ...(options.onGiveUp ? { onGiveUp: options.onGiveUp } : {}),
  });
  await adapter.start();
  const baseUrl = adapter.httpPort
    ? `http://127.0.0.1:${adapter.httpPort}`
    : 'http://socket-mode.invalid';
  const post: SlackHarness['post'] = (body, postOptions = {}) =>
    postToSlackApp(baseUrl, { body, signingSecret: SIGNING_SECRET, ...postOptions });
  return {
    fake,
    adapter,
    baseUrl,
    logs,
    post,
    command: (text, fields = {}) =>
      post(slashCommandBody({ text, response_url: fake.responseUrl('command'), ...fields })),
    async click(button, clickOptions = {}) {
      const responseUrl = fake.responseUrl('click');
      const payload = blockActionsPayload({
        actionId: button.action_id,
        value: button.value,
        responseUrl,
        ...(clickOptions.userId ? { userId: clickOptions.userId } : {}),
      });
      const container = payload.container as Record<string, unknown>;
      payload.container = { ...container, is_ephemeral: clickOptions.ephemeral ?? true };
      const ack = await post(blockActionsBody(payload));
      if (ack.status !== 200) throw new Error(`button click answered ${ack.status}`);
      return responseUrl.slice(responseUrl.lastIndexOf('/') + 1);
    },
    waitForLog: (predicate) => logs.waitFor(predicate, 5000, 'a log line'),
    async stop() {
      await adapter.stop();
      await fake.close();
      if (!options.store) await store.close();
    },
  };
}

/** The Slack settings of an app talking to `fake` in HTTP mode. */
export function slackConfig(fake: FakeSlack, overrides: Partial<SlackConfig> = {}): SlackConfig {
  return {
    botToken: 'xoxb-test',
    mode: 'http',
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    command: '/devops',
    responseType: 'ephemeral',
    adminUsers: [],
    ...overrides,
  };
}

/** The blocks of an ack body or Web API call. */
export function blocksOf(body: unknown): SlackBlock[] {
  return ((body as { blocks?: SlackBlock[] }).blocks ?? []) as SlackBlock[];
}
