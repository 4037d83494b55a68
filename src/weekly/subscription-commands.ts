import type { WeeklyConfig } from '../config.js';
import type { Answer, NoticeAnswer } from '../engine/answer.js';
import type { ConversationContext } from '../platform/conversation.js';
import type { ChannelCommand, CommandDeclaration } from '../platform/chat-command.js';
import type { BotStore } from '../store/bot-store.js';
import { describeSchedule, formatInZone, parseSchedule } from './schedule.js';
import type { WeeklyService } from './weekly-service.js';

/** What the subscription commands act on. */
export interface SubscriptionCommandDependencies {
  store: BotStore;
  weekly: WeeklyService;
  defaults: WeeklyConfig;
}

/** How the subscription commands are called and explained; {@link createSubscriptionCommands} gives them their actions. */
export const SUBSCRIPTION_COMMANDS = {
  subscribe: {
    name: 'subscribe',
    aliases: [],
    needs: 'channel',
    calledBy: 'first word',
    usage: 'subscribe [weekly DAY HH:MM TIME_ZONE | CRON TIME_ZONE]',
    summary: 'Post a resource of the week in this channel (channel managers only).',
    examples: [
      'subscribe',
      'subscribe weekly monday 09:00 Europe/Paris',
      'subscribe 0 9 * * 1 UTC',
    ],
  },
  unsubscribe: {
    name: 'unsubscribe',
    aliases: [],
    needs: 'channel',
    calledBy: 'first word',
    usage: 'unsubscribe',
    summary: 'Stop the resource of the week in this channel (channel managers only).',
    examples: ['unsubscribe'],
  },
  subscription: {
    name: 'subscription',
    aliases: ['schedule'],
    needs: 'channel',
    calledBy: 'first word',
    usage: 'subscription',
    summary: "Show this channel's resource-of-the-week schedule and next post.",
    examples: ['subscription'],
  },
} satisfies Record<string, CommandDeclaration>;

/** `subscribe`, `unsubscribe` and `subscription`: a channel's resource of the week, managed from the channel. */
export function createSubscriptionCommands(
  dependencies: SubscriptionCommandDependencies,
): ChannelCommand[] {
  const { store, weekly, defaults } = dependencies;

  const subscribe: ChannelCommand = {
    ...SUBSCRIPTION_COMMANDS.subscribe,
    async run(args, context) {
      const query = `subscribe ${args}`.trim();
      const refusal = await refuseUnlessManager(query, context);
      if (refusal) return refusal;
      const schedule = parseSchedule(args, defaults);
      if ('problem' in schedule)
        return notice(query, 'error', 'That schedule cannot be read', [schedule.problem]);
      // Subscribing where the bot cannot post would only fail at the first weekly post.
      const cannotPost = await context.whyBotCannotPost?.();
      if (cannotPost) {
        return notice(query, 'refusal', 'The bot cannot post in this channel yet', [cannotPost]);
      }
      const channel = channelOf(context);
      await store.saveSubscription({
        channel,
        ...schedule,
        source: 'command',
        ...(context.userId ? { createdBy: context.userId } : {}),
      });
      await weekly.schedule(channel);
      return notice(
        query,
        'success',
        'Subscribed to the resource of the week',
        [
          `This channel will get one resource ${describeSchedule(schedule)}.`,
          ...nextLine(await weekly.nextPost(channel), schedule.timezone),
        ],
        false,
      );
    },
  };

  const unsubscribe: ChannelCommand = {
    ...SUBSCRIPTION_COMMANDS.unsubscribe,
    async run(_args, context) {
      const refusal = await refuseUnlessManager('unsubscribe', context);
      if (refusal) return refusal;
      const channel = channelOf(context);
      const removed = await store.removeSubscription(channel);
      await weekly.schedule(channel);
      return removed
        ? notice(
            'unsubscribe',
            'success',
            'Unsubscribed',
            ['This channel will get no more resources of the week.'],
            false,
          )
        : notice('unsubscribe', 'info', 'Not subscribed', [
            'This channel had no resource of the week to stop.',
          ]);
    },
  };

  const subscription: ChannelCommand = {
    ...SUBSCRIPTION_COMMANDS.subscription,
    async run(_args, context) {
      const current = await store.getSubscription(channelOf(context));
      if (!current) {
        return notice('subscription', 'info', 'Not subscribed', [
          'This channel gets no resource of the week. A channel manager can start it with `subscribe`.',
        ]);
      }
      if (current.pausedReason) {
        return notice('subscription', 'info', 'Subscription paused', [
          `Posting stopped because the platform refused the channel (${current.pausedReason}). Run \`subscribe\` again once the bot is back in the channel.`,
        ]);
      }
      return notice('subscription', 'info', 'Resource of the week', [
        `This channel gets one resource ${describeSchedule(current)}.`,
        ...nextLine(await weekly.nextPost(current.channel), current.timezone),
      ]);
    },
  };

  return [subscribe, unsubscribe, subscription];
}

async function refuseUnlessManager(
  query: string,
  context: ConversationContext,
): Promise<Answer | undefined> {
  if (!context.channelId) {
    return notice(query, 'refusal', 'Not in a channel', [
      'Run this command in the channel you want to change.',
    ]);
  }
  if (!(await context.canManageChannel?.())) {
    return notice(query, 'refusal', 'Only channel managers can change this', [
      `Ask someone who can manage this channel (${context.channelManagers ?? 'a channel manager'}) to run it.`,
    ]);
  }
  return undefined;
}

function channelOf(context: ConversationContext): string {
  return `${context.platform}:${context.channelId}`;
}

function nextLine(next: Date | undefined, timezone: string): string[] {
  return next ? [`Next post: ${formatInZone(next, timezone)}.`] : [];
}

function notice(
  query: string,
  tone: NoticeAnswer['tone'],
  title: string,
  lines: string[],
  isPrivate = true,
): NoticeAnswer {
  return { kind: 'notice', query, tone, title, lines, private: isPrivate };
}
