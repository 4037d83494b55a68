import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiscordAdapter } from '../../adapters/discord/discord-adapter.js';
import type { StartupError } from '../../src/errors/startup-error.js';
import { PLATFORMS } from '../../adapters/platforms.js';
import { createLogger } from '../../src/logger.js';
import { ConversationRouter } from '../../src/platform/conversation-router.js';
import {
  startFakeDiscord,
  type FakeDiscord,
  type FakeDiscordOptions,
} from '../fakes/fake-discord.js';
import { fixtureEngine } from '../support/content.js';
import { freePort } from '../support/processes.js';

let fake: FakeDiscord | undefined;
let adapter: DiscordAdapter | undefined;
afterEach(async () => {
  await adapter?.stop();
  await fake?.close();
  adapter = undefined;
  fake = undefined;
});

/** An adapter for `apiUrl` (the fake's by default) that reports giving up through `onGiveUp`. */
async function discordAdapter(
  fakeOptions: FakeDiscordOptions,
  options: {
    readyTimeoutMs?: number;
    apiUrl?: string;
    onGiveUp?: (reason: StartupError) => void;
    /** Receives the adapter's log messages (info and above); the adapter logs nothing without it. */
    logs?: string[];
  } = {},
) {
  fake = await startFakeDiscord(fakeOptions);
  const engine = await fixtureEngine();
  adapter = new DiscordAdapter({
    config: {
      token: fake.token,
      appId: fake.appId,
      apiUrl: options.apiUrl ?? fake.apiUrl,
      ephemeral: false,
      ...(options.readyTimeoutMs ? { readyTimeoutMs: options.readyTimeoutMs } : {}),
    },
    router: new ConversationRouter(() => engine, []),
    logger: createLogger({
      platforms: PLATFORMS,
      level: options.logs ? 'info' : 'silent',
      destination: 'stderr',
      stream: {
        write: (line: string) => options.logs?.push((JSON.parse(line) as { msg: string }).msg),
      },
    }),
    ...(options.onGiveUp ? { onGiveUp: options.onGiveUp } : {}),
  });
  return adapter;
}

describe('Discord gateway faults at start', () => {
  it.each([
    [4004, /rejected DISCORD_TOKEN.*Bot page/],
    [4013, /refused the gateway intents/],
    [4014, /Privileged Gateway Intents/],
  ])('ends the start with one line and exit code 2 on close code %i', async (code, message) => {
    const discord = await discordAdapter({ identifyCloseCode: code });
    const failure = await discord.start().then(
      () => undefined,
      (error: StartupError) => error,
    );
    expect(failure).toMatchObject({
      name: 'StartupError',
      exitCode: 2,
      code: `DISCORD_GATEWAY_${code}`,
    });
    expect(failure!.message).toMatch(message);
    expect(failure!.message).not.toContain('\n');
    expect(discord.isReady()).toBe(false);
  });

  it('gives up when READY does not come within the ready timeout', async () => {
    const discord = await discordAdapter({ holdReady: true }, { readyTimeoutMs: 300 });
    await expect(discord.start()).rejects.toMatchObject({
      code: 'DISCORD_NOT_READY',
      exitCode: 2,
      message: expect.stringContaining('did not send READY within 0.3 s') as unknown,
    });
  });

  it('names the network failure, with exit code 1, when Discord cannot be reached', async () => {
    const port = await freePort();
    const discord = await discordAdapter({}, { apiUrl: `http://127.0.0.1:${port}/api` });
    await expect(discord.start()).rejects.toMatchObject({
      code: 'PLATFORM_UNREACHABLE',
      exitCode: 1,
      message: expect.stringMatching(
        new RegExp(`^cannot reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`),
      ) as unknown,
    });
  });
});

describe('Discord gateway faults while running', () => {
  it('gives up with exit code 2 when the token is revoked mid-run', async () => {
    let giveUp!: (reason: StartupError) => void;
    const gaveUp = new Promise<StartupError>((resolve) => (giveUp = resolve));
    const discord = await discordAdapter({}, { onGiveUp: giveUp });
    await discord.start();
    expect(discord.isReady()).toBe(true);

    fake!.revokeToken();
    const reason = await gaveUp;
    expect(reason).toMatchObject({ code: 'DISCORD_GATEWAY_4004', exitCode: 2 });
    expect(reason.message).toMatch(/reset or revoked/);
    expect(discord.isReady()).toBe(false);
  });
});

describe('Discord gateway after stop', () => {
  it('never gives up once stopped, though closing the gateway reports a reconnect', async () => {
    const readyTimeoutMs = 300;
    const onGiveUp = vi.fn<(reason: StartupError) => void>();
    const logs: string[] = [];
    const discord = await discordAdapter({}, { readyTimeoutMs, onGiveUp, logs });
    await discord.start();

    // Only the timers armed from here on are fake: those of the stop, the ready timer among them.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await discord.stop();
      expect(logs).toContain('discord gateway reconnecting');
      vi.advanceTimersByTime(readyTimeoutMs * 2);
    } finally {
      vi.useRealTimers();
    }
    expect(onGiveUp).not.toHaveBeenCalled();
    expect(discord.isReady()).toBe(false);
  });
});
