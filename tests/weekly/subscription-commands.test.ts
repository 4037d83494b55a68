import { afterEach, describe, expect, it } from 'vitest';
import { ConversationRouter } from '../../src/platform/conversation-router.js';
import { createSubscriptionCommands } from '../../src/weekly/subscription-commands.js';
import type { WeeklyService } from '../../src/weekly/weekly-service.js';
import { FakeClock } from '../support/fake-clock.js';
import { fixtureEngine } from '../support/content.js';
import { makeDataDir, makeWeeklyService, weeklyDefaults } from '../support/weekly.js';

const running: WeeklyService[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.stop()));
});

async function setup() {
  const engine = await fixtureEngine();
  const clock = new FakeClock('2026-11-26T10:00:00Z');
  const dataDir = makeDataDir();
  const weekly = makeWeeklyService({ dataDir, clock, catalog: () => engine.catalog });
  running.push(weekly.service);
  const router = new ConversationRouter(
    () => engine,
    createSubscriptionCommands({
      store: weekly.store,
      weekly: weekly.service,
      defaults: weeklyDefaults(),
    }),
  );
  return { router, ...weekly, dataDir, clock };
}

const manager = {
  platform: 'slack' as const,
  channelId: 'C0123',
  userId: 'UADMIN',
  canManageChannel: async () => true,
};
const member = {
  platform: 'discord' as const,
  channelId: '555',
  userId: '777',
  canManageChannel: async () => false,
};

describe('subscription commands', () => {
  it('subscribes a channel for a manager, with the schedule and next post in the reply', async () => {
    const { router, store } = await setup();
    const answer = await router.answer('subscribe weekly monday 09:00 Europe/Paris', manager);
    expect(answer).toMatchObject({ kind: 'notice', tone: 'success', private: false });
    expect(answer.kind === 'notice' && answer.lines.join(' ')).toContain(
      'every Monday at 09:00 (Europe/Paris)',
    );
    expect(answer.kind === 'notice' && answer.lines.join(' ')).toContain(
      'Mon, 30 Nov 2026, 09:00 CET',
    );
    expect(await store.getSubscription('slack:C0123')).toMatchObject({
      cron: '0 9 * * 1',
      timezone: 'Europe/Paris',
      createdBy: 'UADMIN',
    });
  });

  it('politely refuses people who cannot manage the channel, privately, changing nothing', async () => {
    const { router, store } = await setup();
    for (const query of ['subscribe', 'unsubscribe']) {
      const answer = await router.answer(query, member);
      expect(answer).toMatchObject({ kind: 'notice', tone: 'refusal', private: true });
    }
    expect(await store.getSubscription('discord:555')).toBeUndefined();
  });

  it('shows the schedule to anyone, and says when the channel is not subscribed', async () => {
    const { router } = await setup();
    expect(await router.answer('subscription', member)).toMatchObject({ title: 'Not subscribed' });
    await router.answer('subscribe', { ...member, canManageChannel: async () => true });
    const shown = await router.answer('subscription', member);
    expect(shown.kind === 'notice' && shown.lines.join(' ')).toContain(
      'every Monday at 09:00 (UTC)',
    );
  });

  it('explains a schedule it cannot read', async () => {
    const { router } = await setup();
    const answer = await router.answer('subscribe weekly funday 9:00', manager);
    expect(answer).toMatchObject({ kind: 'notice', tone: 'error' });
  });

  it('unsubscribes and stops the timer', async () => {
    const { router, clock } = await setup();
    await router.answer('subscribe', manager);
    expect(clock.pending()).toHaveLength(1);
    expect(await router.answer('unsubscribe', manager)).toMatchObject({ tone: 'success' });
    expect(clock.pending()).toHaveLength(0);
  });

  it('lists the channel commands in help on chat platforms', async () => {
    const { router } = await setup();
    const help = await router.answer('help', manager);
    expect(help.kind === 'help' && help.commands.map((command) => command.name)).toEqual([
      'help',
      'topics',
      'part',
      'ask',
      'subscribe',
      'unsubscribe',
      'subscription',
    ]);
  });

  it('refuses to subscribe a channel the bot cannot post in, saying how to let it in', async () => {
    const { router, store } = await setup();
    const answer = await router.answer('subscribe', {
      ...manager,
      whyBotCannotPost: async () => 'Invite it first.',
    });
    expect(answer).toMatchObject({
      kind: 'notice',
      tone: 'refusal',
      title: 'The bot cannot post in this channel yet',
      lines: ['Invite it first.'],
    });
    expect(await store.getSubscription('slack:C0123')).toBeUndefined();
  });
});
