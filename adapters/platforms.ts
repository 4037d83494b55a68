import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import type { OnGiveUp, PlatformAdapter } from '../src/platform/adapter.js';
import type { ConversationRouter } from '../src/platform/conversation.js';
import type { SeenEvents } from './slack/ignore-repeated-events.js';
import { SlackAdapter } from './slack/slack-adapter.js';
import { DiscordAdapter } from './discord/discord-adapter.js';

import type { HttpRoute } from '../src/platform/http-route.js';

export type { HttpRoute } from '../src/platform/http-route.js';

/** What every platform adapter is built from. */
export interface AdapterDependencies {
  config: Config;
  router: ConversationRouter;
  logger: Logger;
  /** The store's record of inbound events, so a redelivered event is acted on once. */
  seenEvents: SeenEvents;
  /** Routes to serve on `config.port` when an adapter owns that port (Slack's HTTP mode). */
  httpRoutes?: HttpRoute[];
  /** Told when an adapter gives up after start-up; the process should then stop and exit. */
  onGiveUp?: OnGiveUp;
}

/** The adapters of every platform configured in the environment; empty when none is. */
export function createPlatformAdapters(dependencies: AdapterDependencies): PlatformAdapter[] {
  const adapters: PlatformAdapter[] = [];
  const { config, router, logger, seenEvents, httpRoutes, onGiveUp } = dependencies;
  if (config.slack) {
    adapters.push(
      new SlackAdapter({
        config: config.slack,
        port: config.port,
        router,
        logger,
        seenEvents,
        httpRoutes,
        onGiveUp,
      }),
    );
  }
  if (config.discord) {
    adapters.push(new DiscordAdapter({ config: config.discord, router, logger, onGiveUp }));
  }
  return adapters;
}
