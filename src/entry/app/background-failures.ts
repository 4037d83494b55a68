import type { Logger } from '../../logger.js';

/** The part of `process` that reports a promise rejected with nobody to handle it. */
export interface RejectionSource {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/**
 * Logs a promise that rejects with nobody to handle it instead of letting Node end the bot. Such
 * a rejection comes from background work of a platform library (a gateway heartbeat sent while
 * its socket reconnects, say): the bot's own answers and posts handle their errors, and one stray
 * library task is no reason to drop every channel's conversation.
 */
export function logBackgroundFailures(logger: Logger, source: RejectionSource = process): void {
  source.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'a background task failed; the bot keeps running');
  });
}
