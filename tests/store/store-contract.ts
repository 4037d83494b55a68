import { afterEach, describe, expect, it } from 'vitest';
import type { BotStore, CycleState, PickResource } from '../../src/store/bot-store.js';

/** Opens a store at one location (a folder, a database); the same location gives the same data. */
export type OpenAt = (now?: () => Date) => Promise<BotStore>;

/** Like the weekly pick: the next unused id, or the first again in the next cycle. */
function pickFrom(ids: string[]): PickResource {
  return (state: CycleState) => {
    const unused = ids.find((id) => !state.used.has(id));
    return unused
      ? { cycle: state.cycle, resourceId: unused }
      : { cycle: state.cycle + 1, resourceId: ids[0]! };
  };
}

function subscription(channel: string, overrides: { cron?: string; createdBy?: string } = {}) {
  return {
    channel,
    cron: overrides.cron ?? '0 9 * * 1',
    timezone: 'Europe/Paris',
    source: 'command' as const,
    ...(overrides.createdBy ? { createdBy: overrides.createdBy } : {}),
  };
}

/**
 * The behaviour every {@link BotStore} implementation promises, run against each of them:
 * `newLocation` gives a fresh, empty place to open stores at.
 */
export function describeStoreContract(name: string, newLocation: () => Promise<OpenAt>): void {
  describe(`the ${name} store`, () => {
    const opened: BotStore[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    async function openFresh(now?: () => Date): Promise<{ store: BotStore; openAt: OpenAt }> {
      const location = await newLocation();
      const openAt: OpenAt = async (clock) => {
        const store = await location(clock);
        opened.push(store);
        return store;
      };
      return { store: await openAt(now), openAt };
    }

    it('keeps subscriptions across a restart', async () => {
      const { store, openAt } = await openFresh();
      await store.saveSubscription(subscription('slack:C1', { createdBy: 'U1' }));
      await store.close();
      const reopened = await openAt();
      expect(await reopened.getSubscription('slack:C1')).toMatchObject({
        cron: '0 9 * * 1',
        timezone: 'Europe/Paris',
        createdBy: 'U1',
        source: 'command',
      });
    });

    it('lists active subscriptions in channel order and forgets removed ones', async () => {
      const { store } = await openFresh();
      await store.saveSubscription(subscription('slack:C2'));
      await store.saveSubscription(subscription('discord:1'));
      await store.saveSubscription(subscription('slack:C1'));
      expect(await store.removeSubscription('slack:C2')).toBe(true);
      expect(await store.removeSubscription('slack:C2')).toBe(false);
      expect((await store.activeSubscriptions()).map((entry) => entry.channel)).toEqual([
        'discord:1',
        'slack:C1',
      ]);
      expect(await store.getSubscription('slack:C2')).toBeUndefined();
    });

    it('pauses a subscription until the channel subscribes again', async () => {
      const { store } = await openFresh();
      await store.saveSubscription(subscription('slack:C1'));
      await store.pauseSubscription('slack:C1', 'channel_not_found');
      expect((await store.getSubscription('slack:C1'))?.pausedReason).toBe('channel_not_found');
      const again = await store.saveSubscription(subscription('slack:C1', { cron: '0 8 * * 2' }));
      expect(again.pausedReason).toBeUndefined();
      expect(again.cron).toBe('0 8 * * 2');
    });

    it('does not resubscribe a configured channel that someone unsubscribed', async () => {
      const { store } = await openFresh();
      await store.addConfiguredSubscription('discord:9', '0 9 * * 1', 'UTC');
      expect(await store.getSubscription('discord:9')).toMatchObject({ source: 'config' });
      expect(await store.removeSubscription('discord:9')).toBe(true);
      await store.addConfiguredSubscription('discord:9', '0 9 * * 1', 'UTC');
      expect(await store.getSubscription('discord:9')).toBeUndefined();
    });

    it('lets only the first claim of a slot post, and moves the channel to the cycle its pick is in', async () => {
      const { store } = await openFresh();
      const ids = ['r1', 'r2'];
      expect((await store.claimSlot('slack:C1', 'slot-1', 'a', pickFrom(ids))).claimed).toBe(true);
      const second = await store.claimSlot('slack:C1', 'slot-1', 'b', pickFrom(ids));
      expect(second).toMatchObject({ claimed: false, record: { resourceId: 'r1' } });
      await store.claimSlot('slack:C1', 'slot-2', 'a', pickFrom(ids));
      const third = await store.claimSlot('slack:C1', 'slot-3', 'a', pickFrom(ids));
      expect(third).toMatchObject({ claimed: true, record: { cycle: 1, resourceId: 'r1' } });
      expect(await store.cycleState('slack:C1')).toEqual({ cycle: 1, used: new Set(['r1']) });
      expect(await store.cycleState('slack:C2')).toEqual({ cycle: 0, used: new Set() });
    });

    it('claims nothing when the pick finds nothing', async () => {
      const { store } = await openFresh();
      expect(await store.claimSlot('slack:C1', 'slot-1', 'a', () => undefined)).toEqual({
        claimed: false,
        record: undefined,
      });
      expect(await store.getPost('slack:C1', 'slot-1')).toBeUndefined();
    });

    it('gives a slot to exactly one of several processes claiming it at once, each a different resource per slot', async () => {
      const { store, openAt } = await openFresh();
      const others = await Promise.all([openAt(), openAt()]);
      const everyone = [store, ...others];
      const ids = ['r1', 'r2', 'r3', 'r4'];
      const claims = await Promise.all(
        ['slot-1', 'slot-2'].flatMap((slot) =>
          everyone.map((each, index) =>
            each.claimSlot('slack:C1', slot, `p${index}`, pickFrom(ids)),
          ),
        ),
      );
      const won = claims.filter((claim) => claim.claimed);
      expect(won).toHaveLength(2);
      expect(new Set(won.map((claim) => claim.record.resourceId)).size).toBe(2);
    });

    it('records how a post ended', async () => {
      const { store } = await openFresh();
      await store.claimSlot('discord:7', 'slot-1', 'a', pickFrom(['r1']));
      await store.finishPost('discord:7', 'slot-1', {
        status: 'posted',
        attempts: 2,
        messageId: 'm-1',
      });
      expect(await store.getPost('discord:7', 'slot-1')).toEqual({
        channel: 'discord:7',
        slot: 'slot-1',
        cycle: 0,
        resourceId: 'r1',
        status: 'posted',
        attempts: 2,
        messageId: 'm-1',
      });
      await store.claimSlot('discord:7', 'slot-2', 'a', pickFrom(['r1', 'r2']));
      await store.finishPost('discord:7', 'slot-2', {
        status: 'failed',
        attempts: 3,
        error: 'boom',
      });
      expect(await store.getPost('discord:7', 'slot-2')).toMatchObject({
        status: 'failed',
        error: 'boom',
      });
      expect((await store.cycleState('discord:7')).used).toEqual(new Set(['r1']));
    });

    it('records a missed slot once, and never over a claim', async () => {
      const { store } = await openFresh();
      expect(await store.recordMissed('slack:C1', 'slot-1')).toBe(true);
      expect(await store.recordMissed('slack:C1', 'slot-1')).toBe(false);
      expect(await store.getPost('slack:C1', 'slot-1')).toMatchObject({ status: 'missed' });
      await store.claimSlot('slack:C1', 'slot-2', 'a', pickFrom(['r1']));
      expect(await store.recordMissed('slack:C1', 'slot-2')).toBe(false);
      expect(await store.getPost('slack:C1', 'slot-2')).toMatchObject({ status: 'claimed' });
    });

    it('marks only old unfinished claims as interrupted, and counts their resource as shown', async () => {
      let now = new Date('2026-05-04T09:00:00Z');
      const { store } = await openFresh(() => now);
      await store.claimSlot('slack:C1', 'old', 'dead', pickFrom(['r1', 'r2', 'r3']));
      await store.claimSlot('slack:C1', 'done', 'alive', pickFrom(['r1', 'r2', 'r3']));
      await store.finishPost('slack:C1', 'done', { status: 'posted', attempts: 1 });
      now = new Date('2026-05-04T10:00:00Z');
      await store.claimSlot('slack:C1', 'recent', 'alive', pickFrom(['r1', 'r2', 'r3']));
      expect(await store.markStaleClaims(new Date('2026-05-04T09:30:00Z'))).toBe(1);
      expect(await store.getPost('slack:C1', 'old')).toMatchObject({ status: 'interrupted' });
      expect(await store.getPost('slack:C1', 'recent')).toMatchObject({ status: 'claimed' });
      expect((await store.cycleState('slack:C1')).used).toEqual(new Set(['r1', 'r2', 'r3']));
    });

    it('hands a slot left claimed or interrupted to one process that started after, never a finished one', async () => {
      let now = new Date('2026-05-04T09:00:00Z');
      const { store, openAt } = await openFresh(() => now);
      const other = await openAt(() => now);
      await store.claimSlot('slack:C1', 'slot', 'dead', pickFrom(['r1']));
      const tooEarly = new Date('2026-05-04T08:00:00Z');
      expect(await store.takeOverClaim('slack:C1', 'slot', 'a', tooEarly)).toBeUndefined();
      const started = new Date('2026-05-04T10:00:00Z');
      now = new Date('2026-05-04T10:01:00Z');
      const takers = await Promise.all([
        store.takeOverClaim('slack:C1', 'slot', 'a', started),
        other.takeOverClaim('slack:C1', 'slot', 'b', started),
      ]);
      expect(takers.filter(Boolean)).toEqual([
        expect.objectContaining({ status: 'claimed', resourceId: 'r1' }),
      ]);
      await store.finishPost('slack:C1', 'slot', { status: 'interrupted', attempts: 1 });
      const restarted = new Date('2026-05-04T10:02:00Z');
      expect((await other.takeOverClaim('slack:C1', 'slot', 'c', restarted))?.status).toBe(
        'claimed',
      );
      await store.finishPost('slack:C1', 'slot', { status: 'posted', attempts: 1 });
      expect(await store.takeOverClaim('slack:C1', 'slot', 'd', restarted)).toBeUndefined();
      expect(await store.takeOverClaim('slack:C1', 'no-such-slot', 'd', restarted)).toBeUndefined();
    });

    it('sees an event once across processes, and again only after it expired', async () => {
      const { store, openAt } = await openFresh();
      const other = await openAt();
      const at = new Date('2026-05-04T09:00:00Z');
      const later = (ms: number) => new Date(at.getTime() + ms);
      expect(await store.claimEvent('slack:Ev1', at, 60_000)).toBe(true);
      expect(await store.claimEvent('slack:Ev1', later(1_000), 60_000)).toBe(false);
      expect(await other.claimEvent('slack:Ev1', later(2_000), 60_000)).toBe(false);
      expect(await other.claimEvent('slack:Ev2', later(2_000), 60_000)).toBe(true);
      expect(await other.claimEvent('slack:Ev1', later(60_000), 60_000)).toBe(true);
    });

    it('lets several processes migrate a new store at the same moment', async () => {
      const location = await newLocation();
      const stores = await Promise.all([location(), location(), location()]);
      opened.push(...stores);
      await stores[0]!.saveSubscription(subscription('slack:C1'));
      for (const each of stores) expect(await each.getSubscription('slack:C1')).toBeDefined();
    });

    it('reports itself closed once closed', async () => {
      const { store } = await openFresh();
      expect(await store.isOpen()).toBe(true);
      await store.close();
      expect(await store.isOpen()).toBe(false);
    });
  });
}
