import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../adapters/platforms.js';
import { ConfigError, configVariables, parseConfig } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/entry/app/bot.js';
import { loadEngine } from '../../src/entry/app/load-engine.js';
import { createLogger } from '../../src/logger.js';
import { configuredPlatforms, platformSettings } from '../../src/platform/platform-settings.js';
import { startFakeRelay, type FakeRelay } from '../fakes/fake-relay.js';
import { runCliInProcess } from '../support/cli.js';
import { FIXTURE_CATALOG } from '../support/content.js';
import { baseEnv } from '../support/processes.js';
import { makeDataDir } from '../support/weekly.js';
import { relayPlatform } from './relay-platform.js';

// The registry with one more line, as adapters/platforms.ts would have it.
const REGISTRY = [...PLATFORMS, relayPlatform];

let fake: FakeRelay | undefined;
let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await fake?.close();
  bot = undefined;
  fake = undefined;
});

/** The messages of a ConfigError thrown by `run`. */
function configProblems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError)
      return error.problems.map((problem) => `${problem.variable}: ${problem.message}`);
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('a platform added with one registry line', () => {
  it('reads its settings from its own variables and names each one missing or bad', () => {
    const relay = { RELAY_URL: 'http://127.0.0.1:4000', RELAY_TOKEN: 'relay-token' };
    const config = parseConfig(relay, REGISTRY);
    expect(platformSettings(config, relayPlatform)).toEqual({
      url: 'http://127.0.0.1:4000',
      token: 'relay-token',
    });
    expect(configuredPlatforms(config).map((platform) => platform.name)).toEqual(['relay']);
    expect(configVariables(REGISTRY)).toEqual(expect.arrayContaining(['RELAY_URL', 'RELAY_TOKEN']));
    expect(configProblems(() => parseConfig({ RELAY_TOKEN: 't' }, REGISTRY))).toEqual([
      'RELAY_URL: is missing; RELAY_TOKEN is set without it',
    ]);
    expect(
      configProblems(() =>
        parseConfig({ ...relay, RELAY_URL: 'ftp://relay', PORT: 'x' }, REGISTRY),
      ),
    ).toEqual(['PORT: must be a port number', 'RELAY_URL: must be an http:// or https:// URL']);
    expect(
      configProblems(() => parseConfig({ ...relay, PORT: '8080', OPS_PORT: '8080' }, REGISTRY)),
    ).toEqual([
      "OPS_PORT: must differ from PORT (8080): Relay's webhook listens on PORT, health and metrics on OPS_PORT",
    ]);
    // Unregistered, its variables are nobody's and nothing is configured.
    expect(parseConfig(relay, PLATFORMS).platforms).toEqual({});
  });

  it('accepts its channel addresses in settings and the weekly CLI, and refuses a bad one in its own terms', async () => {
    expect(
      parseConfig({ WEEKLY_CHANNELS: 'relay:room-42, slack:C1' }, REGISTRY).weekly.channels,
    ).toEqual(['relay:room-42', 'slack:C1']);
    expect(configProblems(() => parseConfig({ WEEKLY_CHANNELS: 'relay:lobby' }, REGISTRY))).toEqual(
      [
        'WEEKLY_CHANNELS: "relay:lobby" is not a relay channel id: expected "room-" then digits, as in relay:room-42',
      ],
    );
    expect(
      configProblems(() => parseConfig({ WEEKLY_CHANNELS: 'relay:room-42' }, PLATFORMS)),
    ).toEqual([
      'WEEKLY_CHANNELS: "relay:room-42" names no platform: write slack:CHANNEL_ID or discord:CHANNEL_ID',
    ]);

    const env = baseEnv({ DATA_DIR: makeDataDir() });
    const preview = await runCliInProcess(
      ['weekly', 'preview', '--channel', 'relay:room-42', '--weeks', '2', '--json'],
      { env, platforms: REGISTRY },
    );
    expect(preview.code, preview.stderr).toBe(0);
    expect(JSON.parse(preview.stdout)).toMatchObject({
      channel: 'relay:room-42',
      subscribed: false,
    });
    const refused = await runCliInProcess(['weekly', 'preview', '--channel', 'relay:lobby'], {
      env,
      platforms: REGISTRY,
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      '--channel "relay:lobby" is not a relay channel id: expected "room-" then digits, as in relay:room-42',
    );
    const missing = await runCliInProcess(['weekly', 'preview'], { env, platforms: REGISTRY });
    expect(missing.stderr).toContain(
      '--channel is needed: slack:CHANNEL_ID, discord:CHANNEL_ID or relay:CHANNEL_ID',
    );
  });

  it('answers questions and channel commands through the router in the running bot, and reports ready', async () => {
    fake = await startFakeRelay();
    const config = parseConfig(
      baseEnv({
        RELAY_URL: fake.url,
        RELAY_TOKEN: fake.token,
        CONTENT_DIR: FIXTURE_CATALOG,
        DATA_DIR: makeDataDir(),
        PORT: '0',
      }),
      REGISTRY,
    );
    bot = await startBot(config, pino({ level: 'silent' }), await loadEngine(FIXTURE_CATALOG));
    await fake.registered();
    const url = (route: string) => `http://127.0.0.1:${bot!.opsPort}${route}`;
    expect(await (await fetch(url('/readyz'))).json()).toEqual({
      status: 'ready',
      checks: { content: true, store: true, platforms: true },
    });

    await fake.say('room-42', 'U1', 'docker');
    const answer = await fake.messages.waitFor(
      (message) => message.channel === 'room-42',
      5_000,
      'the answer to "docker"',
    );
    expect(answer.text).toContain('https://docs.example.org/docker/');

    await fake.say('room-42', 'U1', 'subscribe');
    const subscribed = await fake.messages.waitFor(
      (message) => message.text.includes('Subscribed to the resource of the week'),
      5_000,
      'the answer to "subscribe"',
    );
    expect(subscribed.channel).toBe('room-42');
    const metrics = await (await fetch(url('/metrics'))).text();
    expect(metrics).toMatch(/^devops_bot_queries_total\{platform="relay",kind="topic"\} 1$/m);
  });

  it('posts the resource of the week through its poster, once per slot', async () => {
    fake = await startFakeRelay();
    const env = baseEnv({
      DATA_DIR: makeDataDir(),
      RELAY_URL: fake.url,
      RELAY_TOKEN: fake.token,
      PORT: '0',
    });
    const posted = await runCliInProcess(['weekly', 'post', '--channel', 'relay:room-7'], {
      env,
      platforms: REGISTRY,
    });
    expect(posted.code, posted.stderr).toBe(0);
    const title = /^posted: (.+) → relay:room-7$/m.exec(posted.stdout)?.[1];
    expect(title).toBeDefined();
    expect(fake.messages.items).toEqual([
      expect.objectContaining({ channel: 'room-7', text: expect.stringContaining(title!) }),
    ]);
  });

  it('refuses a registry it cannot work with, at start', () => {
    expect(() => parseConfig({}, [...REGISTRY, relayPlatform])).toThrow(
      'platform "relay" is registered twice',
    );
    expect(() => parseConfig({}, [{ ...relayPlatform, name: 'console' }])).toThrow(
      'platform name "console" must be lower-case letters, digits and dashes, and not "console"',
    );
    expect(() => parseConfig({}, [relayPlatform, { ...relayPlatform, name: 'relay-2' }])).toThrow(
      'RELAY_URL is claimed by both relay and relay-2',
    );
  });

  it('keeps its secret settings out of the log', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: 'stdout',
      platforms: REGISTRY,
      stream: new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    });
    const config = parseConfig(
      { RELAY_URL: 'http://127.0.0.1:4000', RELAY_TOKEN: 'hunter22' },
      REGISTRY,
    );
    logger.info({ config: { platforms: config.platforms } }, 'configured');
    expect(lines.join('')).toContain('http://127.0.0.1:4000');
    expect(lines.join('')).not.toContain('hunter22');
  });
});
