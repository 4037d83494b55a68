import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import type { PlatformAdapter } from '../src/platform/adapter.js';
import type { ConversationRouter } from '../src/platform/conversation.js';

/** An extra HTTP route served on the bot's port (health, metrics), shared with Slack's HTTP mode. */
export interface HttpRoute {
  path: string;
  method: 'GET' | 'POST';
  handler: (request: IncomingMessage, response: ServerResponse) => void;
}

/** What every platform adapter is built from. */
export interface AdapterDependencies {
  config: Config;
  router: ConversationRouter;
  logger: Logger;
  /** Routes to serve on `config.port` when an adapter owns that port (Slack's HTTP mode). */
  httpRoutes?: HttpRoute[];
}

/** The adapters of every platform configured in the environment; empty when none is. */
export function createPlatformAdapters(dependencies: AdapterDependencies): PlatformAdapter[] {
  const adapters: PlatformAdapter[] = [];
  void dependencies;
  return adapters;
}
