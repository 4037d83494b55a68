import { PLATFORMS } from '../../adapters/platforms.js';
import { createLogger } from '../../src/logger.js';
import { Writable } from 'node:stream';
import type { APIEmbed, APIInteraction } from 'discord.js';
import { afterEach, expect } from 'vitest';
import { DiscordAdapter } from '../../adapters/discord/discord-adapter.js';
import type { AnswerEngine } from '../../src/engine/engine.js';
import type { AnswerFeedback } from '../../src/platform/answer-feedback.js';
import { type AskRecorder } from '../../src/platform/conversation.js';
import { type ChannelCommand } from '../../src/platform/chat-command.js';
import { ConversationRouter } from '../../src/platform/conversation-router.js';
import { fixtureEngine } from '../support/content.js';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../fakes/fake-discord.js';

/** The first guild and channel of the fake. */
export const GUILD_ID = '200000000000000001';
export const CHANNEL_ID = '300000000000000001';
/** Discord's ephemeral message flag. */
export const EPHEMERAL = 64;
/** `POST /channels/:id/messages`. */
export const CHANNEL_MESSAGES = /^\/channels\/\d+\/messages$/;

/** A JSON log line the adapter wrote. */
export type LogLine = Record<string, unknown> & { level: number; msg: string };

/** A fake Discord with the adapter connected to it through a real discord.js client. */
export interface DiscordHarness {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  logs: LogLine[];
  /**
   * Dispatches an interaction and resolves with its first response (the callback request) and
   * how long it took from the dispatch.
   */
  interact(payload: APIInteraction): Promise<{ callback: RecordedRequest; elapsedMs: number }>;
  /** Stops the adapter and the fake, after checking that no message allowed a mention. */
  close(): Promise<void>;
}

/** How the adapter under test is set up. */
export interface HarnessOptions {
  engine?: AnswerEngine;
  channelCommands?: ChannelCommand[];
  /** Records the questions the router answers (analytics); none when not given. */
  recorder?: AskRecorder;
  /** Remembers answers and records votes on them; none (no vote buttons) when not given. */
  feedback?: AnswerFeedback;
  ephemeral?: boolean;
  deferAfterMs?: number;
}

/** Starts a fake Discord and the adapter over the fixture catalog (or `options.engine`). */
export async function startDiscordHarness(options: HarnessOptions = {}): Promise<DiscordHarness> {
  const fake = await startFakeDiscord();
  const engine = options.engine ?? (await fixtureEngine());
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString()) as LogLine);
      done();
    },
  });
  const adapter = new DiscordAdapter({
    config: {
      token: fake.token,
      appId: fake.appId,
      apiUrl: fake.apiUrl,
      ephemeral: !!options.ephemeral,
    },
    router: new ConversationRouter(
      () => engine,
      options.channelCommands ?? [],
      undefined,
      options.recorder,
      options.feedback,
    ),
    logger: createLogger({
      platforms: PLATFORMS,
      level: 'debug',
      destination: 'stdout',
      stream: sink,
    }),
    ...(options.deferAfterMs !== undefined && { deferAfterMs: options.deferAfterMs }),
  });
  await adapter.start();
  return {
    fake,
    adapter,
    logs,
    async interact(payload) {
      const started = performance.now();
      fake.dispatch('INTERACTION_CREATE', payload);
      const callback = await fake.waitForRequest('POST', callbackPath(payload));
      return { callback, elapsedMs: performance.now() - started };
    },
    async close() {
      await adapter.stop();
      await fake.close();
      expectNoMentionsAllowed(fake.requests);
    },
  };
}

/**
 * For the tests of one file: a function that starts a harness, each closed after its test (and
 * checked for allowed mentions then).
 */
export function harnessPerTest(): (options?: HarnessOptions) => Promise<DiscordHarness> {
  let current: DiscordHarness | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (options) => (current = await startDiscordHarness(options));
}

/** The path of an interaction's callback. */
export function callbackPath(payload: APIInteraction): RegExp {
  return new RegExp(`^/interactions/${payload.id}/[^/]+/callback$`);
}

/** The data of a message-carrying request: a callback's `data`, or the body itself. */
export function messageData(request: RecordedRequest): {
  content?: string;
  embeds?: APIEmbed[];
  components?: { components: { label?: string; custom_id?: string }[] }[];
  flags?: number;
  allowed_mentions?: { parse?: string[] };
  message_reference?: { message_id?: string };
} {
  const body = request.body as { data?: unknown };
  return (request.path.endsWith('/callback') ? body.data : body) as ReturnType<typeof messageData>;
}

/** Characters of an embed that count towards Discord's 6,000. */
export function embedTotal(embed: APIEmbed): number {
  const texts = [
    embed.title,
    embed.description,
    embed.footer?.text,
    embed.author?.name,
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
  ];
  return texts.reduce((sum, text) => sum + [...(text ?? '')].length, 0);
}

/** Every request that sent or edited a message carried `allowed_mentions: { parse: [] }`. */
export function expectNoMentionsAllowed(requests: readonly RecordedRequest[]): void {
  const sending = requests.filter(
    (request) =>
      (request.method !== 'GET' &&
        request.method !== 'DELETE' &&
        /messages|webhooks/.test(request.path)) ||
      (request.path.endsWith('/callback') &&
        [4, 7].includes((request.body as { type: number }).type)),
  );
  for (const request of sending) {
    expect(
      messageData(request).allowed_mentions,
      `${request.method} ${request.path}`,
    ).toMatchObject({
      parse: [],
    });
  }
}

/** A channel command `slow` that answers "Done" only when the test calls `finish`. */
export function slowCommand() {
  let started!: () => void;
  let finish!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const command: ChannelCommand = {
    name: 'slow',
    aliases: [],
    needs: 'channel',
    calledBy: 'first word',
    usage: 'slow',
    summary: 'Answers when the test says so.',
    examples: ['slow'],
    run: () => {
      started();
      return new Promise((resolve) => {
        finish = () =>
          resolve({
            kind: 'notice',
            query: 'slow',
            tone: 'success',
            title: 'Done',
            lines: [],
            private: false,
          });
      });
    },
  };
  return { command, running, finish: () => finish() };
}
