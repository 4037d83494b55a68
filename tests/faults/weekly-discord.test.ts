import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, CHANNEL_MESSAGES, startDiscordHarness } from '../discord/discord-harness.js';
import type { RecordedRequest } from '../fakes/fake-discord.js';
import { weeklyPostFor } from '../support/weekly.js';
import { SLOT_KEY, dueWeeklySlot } from './weekly-support.js';

const CHANNEL = `discord:${CHANNEL_ID}`;

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** The fake Discord and the real adapter, and a subscribed channel whose Monday slot is due. */
async function setUp() {
  const discord = await startDiscordHarness();
  stops.push(() => discord.close());
  return {
    discord,
    ...(await dueWeeklySlot(CHANNEL, discord.adapter, (stop) => stops.push(stop))),
  };
}

function createRequests(requests: readonly RecordedRequest[]) {
  return requests.filter(
    (request) => request.method === 'POST' && CHANNEL_MESSAGES.test(request.path),
  );
}

describe('the weekly post on Discord, under faults', () => {
  it('sends one message for a repeated request, by a nonce of 25 characters Discord enforces', async () => {
    const { discord, catalog } = await setUp();
    const post = weeklyPostFor(catalog, catalog.resources[0]!.id, SLOT_KEY);

    const first = await discord.adapter.postWeekly(CHANNEL_ID, post);
    const repeated = await discord.adapter.postWeekly(CHANNEL_ID, post);

    expect(repeated).toBe(first);
    expect(discord.fake.channelMessages(CHANNEL_ID)).toHaveLength(1);
    const bodies = createRequests(discord.fake.requests).map(
      (request) => request.body as { nonce?: string; enforce_nonce?: boolean },
    );
    expect(bodies).toHaveLength(2);
    expect(bodies[0]!.nonce).toHaveLength(25);
    expect(bodies[1]).toMatchObject({ nonce: bodies[0]!.nonce, enforce_nonce: true });
  });

  it.each([
    ['after the post went out', true, 0],
    ['before the post went out', false, 1],
  ])(
    'posts that slot exactly once after a crash between claim and record (%s)',
    async (_when, postWentOut, postsAfterRestart) => {
      const { discord, catalog, first, restart } = await setUp();
      const resourceId = catalog.resources[0]!.id;
      // What a process that died mid-post leaves in the store: a claim with no outcome.
      await first.store.claimSlot(CHANNEL, SLOT_KEY, 'dead-process', (state) => ({
        cycle: state.cycle,
        resourceId,
      }));
      if (postWentOut) {
        await discord.adapter.postWeekly(CHANNEL_ID, weeklyPostFor(catalog, resourceId, SLOT_KEY));
      }
      const before = createRequests(discord.fake.requests).length;
      await first.stop();

      // Hours later, past the minutes Discord enforces a nonce for: only the check can tell.
      const restarted = await restart(2 * 3_600_000);

      expect(createRequests(discord.fake.requests).length - before).toBe(postsAfterRestart);
      const messages = discord.fake.channelMessages(CHANNEL_ID);
      expect(messages).toHaveLength(1);
      expect(await restarted.store.getPost(CHANNEL, SLOT_KEY)).toMatchObject({
        status: 'posted',
        resourceId,
        messageId: messages[0]!.id,
      });
      await discord.fake.waitForRequest('GET', CHANNEL_MESSAGES);
    },
  );
});
