import type { NoticeAnswer } from '../../src/engine/answer.js';
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

/** The short, private answer to a question whose handling failed; the error itself is logged. */
export const APOLOGY: NoticeAnswer = {
  kind: 'notice',
  query: '',
  tone: 'error',
  title: 'Sorry, something went wrong',
  lines: ['The error has been logged. Please try again in a moment.'],
  private: true,
};

/** The answer to a click on a button whose query the bot no longer remembers. */
export const EXPIRED_BUTTON: NoticeAnswer = {
  kind: 'notice',
  query: '',
  tone: 'info',
  title: 'This button has expired',
  lines: ['Run /devops again for a fresh answer.'],
  private: true,
};
