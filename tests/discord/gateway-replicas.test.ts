import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';
import { freshDatabaseUrl } from '../support/postgres.js';
import { baseEnv, startBotProcess, type BotProcess } from '../support/processes.js';
import { openStore } from '../../src/store/open-store.js';
import { CHANNEL_ID, CHANNEL_MESSAGES, callbackPath } from './discord-harness.js';

const FAILOVER_LIMIT_MS = 30_000;

let fake: FakeDiscord | undefined;
let replicas: BotProcess[] = [];

afterEach(async () => {
  await Promise.all(replicas.map((bot) => bot.stop()));
  await fake?.close();
  replicas = [];
  fake = undefined;
});

function startReplica(discord: FakeDiscord, databaseUrl: string): Promise<BotProcess> {
  return startBotProcess(
    baseEnv({
      DISCORD_TOKEN: discord.token,
      DISCORD_APP_ID: discord.appId,
      DISCORD_API_URL: discord.apiUrl,
      DATABASE_URL: databaseUrl,
      GATEWAY_LEASE_RETRY_SECONDS: '0.5',
      OPS_PORT: '0',
      LOG_LEVEL: 'info',
    }),
  );
}

/**
 * Subscribes the fake's channel, as an earlier run would have, to an hourly post at the minute
 * that just passed: each replica catches that slot up at start, and the next is an hour away.
 */
async function subscribeToSlotJustPassed(url: string): Promise<void> {
  const store = await openStore({ kind: 'postgres', url }, () => new Date('2026-01-01T00:00:00Z'));
  const lastMinute = (new Date().getUTCMinutes() + 59) % 60;
  await store.saveSubscription({
    channel: `discord:${CHANNEL_ID}`,
    cron: `${lastMinute} * * * *`,
    timezone: 'UTC',
    source: 'command',
  });
  await store.close();
}

function weeklyPosts(discord: FakeDiscord) {
  return discord
    .channelMessages(CHANNEL_ID)
    .filter((message) =>
      message.embeds?.some((embed) => embed.author?.name === 'Resource of the week'),
    );
}

/** What `/readyz` of a replica says: its HTTP status and the status in its body. */
async function readiness({ opsPort }: BotProcess): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${opsPort}/readyz`);
  const body = (await response.json()) as { status: string };
  return `${response.status} ${body.status}`;
}

async function leaseGauge({ opsPort }: BotProcess): Promise<string | undefined> {
  const metrics = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
  return /^devops_bot_gateway_lease_held\{platform="discord"\} (\d)$/m.exec(metrics)?.[1];
}

describe('three replicas on one PostgreSQL database with Discord', () => {
  it('hold one gateway session at a time, the others standing by ready, post the weekly slot once, and fail over within 30 s of SIGKILL of the holder', async () => {
    fake = await startFakeDiscord();
    const url = await freshDatabaseUrl();
    await subscribeToSlotJustPassed(url);
    replicas = await Promise.all([1, 2, 3].map(() => startReplica(fake!, url)));

    await fake.identifiedTimes(1);
    const statuses = await Promise.all(replicas.map(readiness));
    expect([...statuses].sort()).toEqual(['200 ready', '200 standby', '200 standby']);
    const holder = replicas[statuses.indexOf('200 ready')]!;
    const standbys = replicas.filter((replica) => replica !== holder);
    expect(await leaseGauge(holder)).toBe('1');
    expect(await Promise.all(standbys.map(leaseGauge))).toEqual(['0', '0']);
    expect(holder.output()).toContain('gateway lease acquired');
    for (const standby of standbys)
      expect(standby.output()).toContain('standing by: another replica holds the gateway lease');
    // The holder catches the slot up at start; a standby skips it, or finds it posted.
    await fake.waitForRequest('POST', CHANNEL_MESSAGES, undefined, 10_000);

    const killedAt = performance.now();
    await holder.kill('SIGKILL');
    replicas = standbys;
    await fake.identifiedTimes(2, FAILOVER_LIMIT_MS);
    const failoverMs = performance.now() - killedAt;
    expect(failoverMs).toBeLessThan(FAILOVER_LIMIT_MS);

    await Promise.race(standbys.map((bot) => bot.printed('connected on the gateway lease')));
    const after = await Promise.all(standbys.map(readiness));
    expect([...after].sort()).toEqual(['200 ready', '200 standby']);
    expect(fake.peakSessions()).toBe(1);
    expect(fake.identifies).toHaveLength(2);

    // The replica that took over answers on the one session there is.
    const command = fake.chatInputInteraction({
      options: [{ name: 'query', type: 3, value: 'docker' }],
    });
    expect(fake.dispatch('INTERACTION_CREATE', command)).toBe(1);
    await fake.waitForRequest('POST', callbackPath(command));

    expect(await Promise.all(standbys.map((bot) => bot.stop()))).toEqual([0, 0]);
    // Every replica has finished its work: the slot was posted once, by the first holder.
    expect(weeklyPosts(fake)).toHaveLength(1);
  }, 90_000);
});
