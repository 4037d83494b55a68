import type { App } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import type { BotStore } from '../../src/store/bot-store.js';

/** Where delivered Slack event ids are remembered: the bot's store, shared by restarts and replicas. */
export type SeenEvents = Pick<BotStore, 'claimEvent'>;

// Slack retries an unacknowledged event three times within about an hour; twice that is plenty.
const EVENT_MEMORY_MS = 2 * 3_600_000;

/**
 * Acts on each Events API delivery once: a delivery whose `event_id` was seen before (Slack's
 * `X-Slack-Retry-Num` retries, or the same event at another replica) is acknowledged, as Bolt
 * does for every event, and goes no further.
 */
export function ignoreRepeatedEvents(
  app: App,
  seen: SeenEvents,
  logger: Logger,
  now: () => Date = () => new Date(),
): void {
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== 'string') return next();
    const retry = { eventId, retryNum: context.retryNum, retryReason: context.retryReason };
    let first: boolean;
    try {
      first = await seen.claimEvent(`slack:event:${eventId}`, now(), EVENT_MEMORY_MS);
    } catch (error) {
      // Losing a question is worse than answering a retried one twice.
      logger.error(
        { err: error, ...retry },
        'slack event id could not be recorded; handling it anyway',
      );
      return next();
    }
    if (first) return next();
    logger.info(retry, 'slack event delivered again; acknowledged and ignored');
  });
}
