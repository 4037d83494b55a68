/**
 * A start-up failure that means "fix the setup and try again" (a store, port or platform the bot
 * cannot use): it carries a code and a message that says what to do, and is reported plainly
 * with exit code 2 and no stack trace.
 */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}
