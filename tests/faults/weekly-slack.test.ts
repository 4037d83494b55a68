import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../src/store/sqlite-store.js';
import { startSlackHarness, type SlackHarness } from '../slack/slack-harness.js';
import { weeklyPostFor } from '../support/weekly.js';
import {
  RETRY_DELAYS_MS,
  SLOT_KEY,
  dueWeeklySlot,
  metricValue,
  type WeeklyProcess,
} from './weekly-support.js';

const CHANNEL_ID = 'C0WEEKLY';
const CHANNEL = `slack:${CHANNEL_ID}`;

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** The fake Slack and the real adapter, and a subscribed channel whose Monday slot is due. */
async function setUp(options: { webApiTimeoutMs?: number } = {}) {
  const slack = await startSlackHarness(options);
  stops.push(() => slack.stop());
  return { slack, ...(await dueWeeklySlot(CHANNEL, slack.adapter, (stop) => stops.push(stop))) };
}

function weeklyPosts(slack: SlackHarness) {
  return slack.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === CHANNEL_ID);
}

/** What a process that died mid-post leaves in the store: a claim of the slot with no outcome. */
async function claimAsDeadProcess(process: WeeklyProcess, resourceId: string) {
  await process.store.claimSlot(CHANNEL, SLOT_KEY, 'dead-process', (state) => ({
    cycle: state.cycle,
    resourceId,
  }));
}

describe('the weekly post on Slack, under faults', () => {
  it('marks the post with metadata naming its channel and slot', async () => {
    const { slack, clock, first } = await setUp();

    const record = await first.service.runSlot(CHANNEL, clock.now());

    const [posted] = weeklyPosts(slack);
    expect(posted!.args.metadata).toEqual({
      event_type: 'devops_bot_weekly',
      event_payload: { channel: CHANNEL_ID, slot: SLOT_KEY },
    });
    expect(record).toMatchObject({
      status: 'posted',
      messageId: slack.fake.channelHistory(CHANNEL_ID)[0]!.ts,
    });
  });

  it('posts once when chat.postMessage is answered after the client gave up, finding it before the retry', async () => {
    const { slack, clock, first } = await setUp({ webApiTimeoutMs: 1000 });
    slack.fake.delayNext('chat.postMessage', 3000);

    const running = first.service.runSlot(CHANNEL, clock.now());
    await first.logged('weekly post failed; retrying');
    await clock.advanceBy(RETRY_DELAYS_MS[0]!);
    const record = await running;

    expect(weeklyPosts(slack)).toHaveLength(1);
    const history = slack.fake.channelHistory(CHANNEL_ID);
    expect(history).toHaveLength(1);
    expect(record).toMatchObject({ status: 'posted', attempts: 2, messageId: history[0]!.ts });
    const [lookup] = slack.fake.callsTo('conversations.history');
    expect(lookup!.args).toMatchObject({ channel: CHANNEL_ID });
    expect(String(lookup!.args.include_all_metadata)).toBe('true');
    expect(
      await metricValue(first.metrics, 'devops_bot_weekly_failures_total', { stage: 'post' }),
    ).toBe(1);
  });

  it('does not post again when recording the post fails, and records it once the store recovers', async () => {
    const { slack, clock, dataDir, first } = await setUp();
    const db = new Database(path.join(dataDir, STORE_FILE));
    stops.push(async () => void db.close());
    db.exec(`CREATE TRIGGER disk_full BEFORE UPDATE OF status ON weekly_posts
             BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`);

    const running = first.service.runSlot(CHANNEL, clock.now());
    const failure = await first.logged(
      'weekly outcome could not be recorded; retrying the record (the post is not repeated)',
    );
    db.exec('DROP TRIGGER disk_full');
    await clock.advanceBy(RETRY_DELAYS_MS[0]!);
    const record = await running;

    const ts = slack.fake.channelHistory(CHANNEL_ID)[0]!.ts;
    expect(failure).toMatchObject({ channel: CHANNEL, slot: SLOT_KEY, messageId: ts, level: 50 });
    expect(weeklyPosts(slack)).toHaveLength(1);
    expect(await first.store.getPost(CHANNEL, SLOT_KEY)).toMatchObject({
      status: 'posted',
      messageId: ts,
    });
    expect(record).toMatchObject({ status: 'posted', messageId: ts });
    expect(
      await metricValue(first.metrics, 'devops_bot_weekly_failures_total', {
        platform: 'slack',
        stage: 'record',
      }),
    ).toBe(1);
  });

  it('retries a claim the store refused, logging and counting it, and then posts once', async () => {
    const { slack, clock, dataDir, first } = await setUp();
    const db = new Database(path.join(dataDir, STORE_FILE));
    stops.push(async () => void db.close());
    db.exec(`CREATE TRIGGER locked BEFORE INSERT ON weekly_posts
             BEGIN SELECT RAISE(ABORT, 'database is locked'); END;`);

    const running = first.service.runSlot(CHANNEL, clock.now());
    const failure = await first.logged('weekly slot could not be claimed; retrying');
    db.exec('DROP TRIGGER locked');
    await clock.advanceBy(RETRY_DELAYS_MS[0]!);

    expect(await running).toMatchObject({ status: 'posted' });
    expect(failure).toMatchObject({ channel: CHANNEL, slot: SLOT_KEY, level: 40 });
    expect(weeklyPosts(slack)).toHaveLength(1);
    expect(
      await metricValue(first.metrics, 'devops_bot_weekly_failures_total', {
        platform: 'slack',
        stage: 'claim',
      }),
    ).toBe(1);
  });

  it.each([
    ['after the post went out', true, 0],
    ['before the post went out', false, 1],
  ])(
    'posts that slot exactly once after a crash between claim and record (%s)',
    async (_when, postWentOut, postsAfterRestart) => {
      const { slack, catalog, first, restart } = await setUp();
      const resourceId = catalog.resources[0]!.id;
      await claimAsDeadProcess(first, resourceId);
      if (postWentOut) {
        await slack.adapter.postWeekly(CHANNEL_ID, weeklyPostFor(catalog, resourceId, SLOT_KEY));
      }
      const before = weeklyPosts(slack).length;
      await first.stop();

      const restarted = await restart(5 * 60_000);

      expect(weeklyPosts(slack).length - before).toBe(postsAfterRestart);
      expect(slack.fake.channelHistory(CHANNEL_ID)).toHaveLength(1);
      expect(await restarted.store.getPost(CHANNEL, SLOT_KEY)).toMatchObject({
        status: 'posted',
        resourceId,
        messageId: slack.fake.channelHistory(CHANNEL_ID)[0]!.ts,
      });
    },
  );

  it.each([
    ['a post Slack refused', { error: 'internal_error' }, 1],
    ['a post Slack carried out but answered too late', undefined, 0],
  ])(
    'posts once when a restart interrupts the wait after %s',
    async (_what, failure, postsAfterRestart) => {
      const { slack, clock, first, restart } = await setUp({ webApiTimeoutMs: 1000 });
      if (failure) slack.fake.failNext('chat.postMessage', failure);
      else slack.fake.delayNext('chat.postMessage', 3000);

      const running = first.service.runSlot(CHANNEL, clock.now());
      await first.logged('weekly post failed; retrying');
      await first.stop();
      expect(await running).toMatchObject({ status: 'interrupted' });
      const before = weeklyPosts(slack).length;

      const restarted = await restart(60_000);

      expect(weeklyPosts(slack).length - before).toBe(postsAfterRestart);
      expect(slack.fake.channelHistory(CHANNEL_ID)).toHaveLength(1);
      expect(await restarted.store.getPost(CHANNEL, SLOT_KEY)).toMatchObject({
        status: 'posted',
      });
    },
  );
});
