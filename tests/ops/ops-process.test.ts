import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';
import { CHANNEL_MESSAGES } from '../discord/discord-harness.js';
import { fixtureEngine } from '../support/content.js';
import { baseEnv, BOT, freePort, ROOT, scratchDir } from '../support/processes.js';
import { makeDataDir } from '../support/weekly.js';

const CHANNEL = '300000000000000001';
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('the bot as a service', () => {
  it('is ready only once Discord is connected, serves health and metrics, and stops on SIGTERM keeping its weekly records', async () => {
    fake = await startFakeDiscord({ holdReady: true });
    const port = await freePort();
    const dataDir = makeDataDir();
    // A subscription made earlier, due hourly at the minute that just passed: the bot catches up
    // that slot at start, and the next one is an hour away (an every-minute schedule would post
    // again whenever the test crosses a minute).
    const lastMinute = (new Date().getUTCMinutes() + 59) % 60;
    const seeded = openSqliteStore(dataDir, () => new Date('2026-01-01T00:00:00Z'));
    await seeded.saveSubscription({
      channel: `discord:${CHANNEL}`,
      cron: `${lastMinute} * * * *`,
      timezone: 'UTC',
      source: 'command',
    });
    await seeded.close();

    const child = spawn(process.execPath, [BOT], {
      cwd: scratchDir(),
      env: baseEnv({
        DISCORD_TOKEN: fake.token,
        DISCORD_APP_ID: fake.appId,
        DISCORD_API_URL: fake.apiUrl,
        OPS_PORT: String(port),
        DATA_DIR: dataDir,
      }),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const url = (path: string) => `http://127.0.0.1:${port}${path}`;

    await fake.identified();
    const connecting = await fetch(url('/readyz'));
    expect(connecting.status).toBe(503);
    expect(await connecting.json()).toMatchObject({
      checks: { content: true, store: true, platforms: false },
    });
    expect((await fetch(url('/healthz'))).status).toBe(200);

    fake.releaseReady();
    await fake.waitForRequest('POST', CHANNEL_MESSAGES, undefined, 10_000);
    const ready = await fetch(url('/readyz'));
    expect(ready.status, output).toBe(200);
    const healthcheck = () =>
      spawnSync(process.execPath, [path.join(ROOT, 'dist/src/ops/healthcheck.js')], {
        env: baseEnv({ OPS_PORT: String(port) }),
      }).status;
    expect(healthcheck()).toBe(0);

    const interaction = fake.chatInputInteraction({
      options: [{ name: 'query', type: 3, value: 'docker' }],
    });
    fake.dispatch('INTERACTION_CREATE', interaction);
    await fake.waitForRequest('POST', new RegExp(`^/interactions/${interaction.id}/`));
    const metrics = await (await fetch(url('/metrics'))).text();
    expect(metrics).toMatch(/^devops_bot_queries_total\{platform="discord",kind="topic"\} 1$/m);
    const resources = (await fixtureEngine()).catalog.resources.length;
    expect(metrics).toMatch(new RegExp(`^devops_bot_content_resources ${resources}$`, 'm'));
    expect(metrics).toMatch(
      /^devops_bot_weekly_posts_total\{platform="discord",outcome="posted"\} 1$/m,
    );
    expect(metrics).toContain('devops_bot_answer_duration_seconds_bucket');

    const stopping = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(10_000);
    expect(healthcheck()).toBe(1);
    const store = openSqliteStore(dataDir);
    const posted = await store.cycleState(`discord:${CHANNEL}`);
    await store.close();
    expect(posted.used.size).toBe(1);
    expect(output).not.toContain(fake.token);
  });
});
