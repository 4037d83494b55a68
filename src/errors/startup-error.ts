/**
 * A start-up failure that means "fix the setup and try again" (a store, port or platform the bot
 * cannot use): it carries a code and a message that says what to do, and is reported plainly
 * with no stack trace. The exit code is 2 (fix the setup), or 1 for a platform that could not be
 * reached (try again later).
 */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}
