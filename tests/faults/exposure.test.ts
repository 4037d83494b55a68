import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import { postToSlackApp, slashCommandBody } from '../fakes/slack-requests.js';
import { baseEnv, BOT, runNode, type BotProcess } from '../support/processes.js';
import { startSlackHttpBot } from '../support/slack-http-bot.js';
import { makeDataDir } from '../support/weekly.js';

const SECRET = 'exposure-signing-secret';
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const OPS_ROUTES = ['/healthz', '/readyz', '/metrics'];

let fake: FakeSlack | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  await bot?.stop();
  await fake?.close();
  bot = undefined;
  fake = undefined;
});

async function startBot(extra: Record<string, string> = {}) {
  fake = await startFakeSlack();
  const started = await startSlackHttpBot(fake, SECRET, extra);
  bot = started.bot;
  return started;
}

describe('what the bot exposes in Slack HTTP mode', () => {
  it('serves only /slack/events on PORT, and health, readiness and metrics on OPS_PORT', async () => {
    const { slackUrl, opsUrl } = await startBot();
    const ack = await postToSlackApp(slackUrl, {
      body: slashCommandBody({ text: 'docker' }),
      signingSecret: SECRET,
    });
    expect(ack.status).toBe(200);

    for (const route of OPS_ROUTES) {
      expect((await fetch(`${slackUrl}${route}`)).status, `${route} on PORT`).toBe(404);
      expect((await fetch(`${opsUrl}${route}`)).status, `${route} on OPS_PORT`).toBe(200);
    }
    const metrics = await (await fetch(`${opsUrl}/metrics`)).text();
    expect(metrics).toMatch(/^devops_bot_queries_total\{platform="slack",kind="topic"\} 1$/m);
    expect((await fetch(`${opsUrl}/slack/events`, { method: 'POST' })).status).toBe(404);
  });

  it('asks for METRICS_TOKEN as a bearer token on /metrics, keeps probes open, and never logs the token', async () => {
    const { opsUrl } = await startBot({ METRICS_TOKEN });
    const scrape = (authorization?: string) =>
      fetch(`${opsUrl}/metrics`, authorization ? { headers: { authorization } } : {});

    const anonymous = await scrape();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    for (const wrong of [
      `Bearer ${METRICS_TOKEN.slice(0, -1)}`,
      `Bearer ${METRICS_TOKEN}x`,
      `Basic ${METRICS_TOKEN}`,
      METRICS_TOKEN,
    ]) {
      const refused = await scrape(wrong);
      expect(refused.status, wrong).toBe(401);
      expect(refused.headers.get('www-authenticate'), wrong).toMatch(/^Bearer\b/);
    }
    const allowed = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('devops_bot_content_resources');
    expect((await fetch(`${opsUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${opsUrl}/readyz`)).status).toBe(200);

    expect(await bot!.stop()).toBe(0);
    expect(bot!.output()).toContain('serving /healthz, /readyz and /metrics');
    expect(bot!.output()).not.toContain(METRICS_TOKEN);
  });
});

describe('bad exposure settings', () => {
  it('stop the bot at start with exit code 2 and one message naming each variable', async () => {
    const result = await runNode(BOT, [], {
      env: baseEnv({
        DISCORD_TOKEN: 'test-token',
        DISCORD_APP_ID: '100000000000000001',
        OPS_PORT: '99999',
        HOST: 'not an address!',
        OPS_HOST: '-bad-',
        METRICS_TOKEN: 'short-secret',
      }),
    });
    expect(result.code).toBe(2);
    for (const variable of ['OPS_PORT', 'HOST', 'OPS_HOST', 'METRICS_TOKEN']) {
      expect(result.stderr).toMatch(new RegExp(`^\\s+- ${variable}: `, 'm'));
    }
    expect(result.stderr).not.toContain('short-secret');
    expect(result.stderr).not.toContain('    at ');
  });

  it('name OPS_PORT when another program holds it', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const result = await runNode(BOT, [], {
        env: baseEnv({
          SLACK_BOT_TOKEN: 'xoxb-port-test',
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: (fake = await startFakeSlack()).apiUrl,
          PORT: '0',
          OPS_PORT: String(port),
          DATA_DIR: makeDataDir(),
        }),
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `Cannot listen on OPS_PORT ${port}: another program uses it. Set OPS_PORT to a free port`,
      );
      expect(result.stderr).not.toContain('    at ');
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
