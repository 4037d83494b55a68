import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBot, type RunningBot } from '../../src/entry/app/bot.js';
import { loadEngine } from '../../src/entry/app/load-engine.js';
import { parseConfig as parseConfigWith } from '../../src/config.js';
import { PLATFORMS } from '../../adapters/platforms.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';
import { makeContentDir, FIXTURE_CATALOG } from '../support/content.js';
import { makeDataDir } from '../support/weekly.js';

const parseConfig = (env: NodeJS.ProcessEnv) => parseConfigWith(env, PLATFORMS);

let fake: FakeDiscord | undefined;
let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await fake?.close();
  bot = undefined;
  fake = undefined;
});

async function start(): Promise<{ fake: FakeDiscord; bot: RunningBot; contentDir: string }> {
  fake = await startFakeDiscord();
  const contentDir = await makeContentDir({});
  await cp(FIXTURE_CATALOG, contentDir, { recursive: true });
  const config = parseConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_APP_ID: fake.appId,
    DISCORD_API_URL: fake.apiUrl,
    CONTENT_DIR: contentDir,
    DATA_DIR: makeDataDir(),
    OPS_PORT: '0',
  });
  const loaded = await loadEngine(contentDir);
  bot = await startBot(config, pino({ level: 'silent' }), loaded);
  return { fake, bot, contentDir };
}

async function ask(fake: FakeDiscord, query: string): Promise<string> {
  const interaction = fake.chatInputInteraction({
    options: [{ name: 'query', type: 3, value: query }],
  });
  fake.dispatch('INTERACTION_CREATE', interaction);
  const callback = await fake.waitForRequest(
    'POST',
    new RegExp(`^/interactions/${interaction.id}/`),
  );
  return JSON.stringify(callback.body);
}

describe('the running bot', () => {
  it('serves health, readiness and metrics on its ops port', async () => {
    const { fake, bot } = await start();
    const url = (route: string) => `http://127.0.0.1:${bot.opsPort}${route}`;
    expect(await (await fetch(url('/healthz'))).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(url('/readyz'))).json()).toEqual({
      status: 'ready',
      checks: { content: true, store: true, platforms: true },
    });
    await ask(fake, 'kafka streaming');
    const metrics = await (await fetch(url('/metrics'))).text();
    expect(metrics).toMatch(/^devops_bot_queries_without_result_total\{platform="discord"\} 1$/m);
    expect(metrics).toMatch(/^devops_bot_queries_total\{platform="discord",kind="none"\} 1$/m);
    expect((await fetch(url('/nowhere'))).status).toBe(404);
    expect((await fetch(url('/healthz'), { method: 'POST' })).status).toBe(405);
  });

  it('stops reporting ready when the Discord gateway goes away', async () => {
    const started = await start();
    const readiness = async () =>
      (await fetch(`http://127.0.0.1:${started.bot.opsPort}/readyz`)).status;
    expect(await readiness()).toBe(200);
    await started.fake.close();
    fake = undefined;
    await vi.waitFor(async () => expect(await readiness()).toBe(503), { timeout: 5_000 });
  });

  it('answers from edited content without a restart, and keeps the old content when an edit breaks it', async () => {
    const { fake, bot, contentDir } = await start();
    expect(await ask(fake, 'argo rollouts')).not.toContain('argo.example.org');
    const file = path.join(contentDir, 'platform.md');
    const count = bot.holder.current.catalog.resources.length;
    const original = await readFile(file, 'utf8');
    await writeFile(
      file,
      `${original}\n## Argo\n\nProgressive delivery.\n\n- [Argo Rollouts guide](https://argo.example.org/rollouts) — Canary and blue-green rollouts on Kubernetes. (docs)\n`,
    );
    await vi.waitFor(() => expect(bot.holder.current.catalog.resources).toHaveLength(count + 1), {
      timeout: 5_000,
    });
    expect(await ask(fake, 'argo rollouts')).toContain('https://argo.example.org/rollouts');

    const before = bot.holder.current;
    await writeFile(file, `${original}\n- [Broken](nope) — broken. (docs)\n`);
    expect(await bot.holder.reload()).toBe(false);
    expect(bot.holder.current).toBe(before);
  });

  it('reloads on SIGHUP', async () => {
    const { bot } = await start();
    const before = bot.holder.current;
    process.emit('SIGHUP', 'SIGHUP');
    await vi.waitFor(() => expect(bot.holder.current).not.toBe(before), { timeout: 5_000 });
  });
});
