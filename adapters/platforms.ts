import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import type { OnGiveUp, PlatformAdapter } from '../src/platform/adapter.js';
import type { ConversationRouter } from '../src/platform/conversation-router.js';
import type { SeenEvents } from './slack/ignore-repeated-events.js';
import { SlackAdapter } from './slack/slack-adapter.js';
import { DiscordAdapter } from './discord/discord-adapter.js';

/** What every platform adapter is built from. */
export interface AdapterDependencies {
  config: Config;
  router: ConversationRouter;
  logger: Logger;
  /** The store's record of inbound events, so a redelivered event is acted on once. */
  seenEvents: SeenEvents;
  /** Told when an adapter gives up after start-up; the process should then stop and exit. */
  onGiveUp?: OnGiveUp;
}

/** The adapters of every platform configured in the environment; empty when none is. */
export function createPlatformAdapters(dependencies: AdapterDependencies): PlatformAdapter[] {
  const adapters: PlatformAdapter[] = [];
  const { config, router, logger, seenEvents, onGiveUp } = dependencies;
  if (config.slack) {
    adapters.push(
      new SlackAdapter({
        config: config.slack,
        port: config.port,
        host: config.host,
        router,
        logger,
        seenEvents,
        onGiveUp,
      }),
    );
  }
  if (config.discord) {
    adapters.push(new DiscordAdapter({ config: config.discord, router, logger, onGiveUp }));
  }
  return adapters;
}
