import type { Logger } from '../../src/logger.js';
import type { ConversationRouter } from '../../src/platform/conversation-router.js';
import type { ButtonActions } from './button-actions.js';
import type { RenderOptions } from './render-answer.js';

/** What the interaction and message handlers answer with. */
export interface DiscordHandlerContext {
  router: ConversationRouter;
  buttons: ButtonActions;
  render: RenderOptions;
  logger: Logger;
  /** How long an answer may take before the interaction is deferred (Discord allows 3 s in all). */
  deferAfterMs: number;
}
