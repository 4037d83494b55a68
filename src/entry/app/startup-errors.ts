import { ConfigError } from '../../config.js';
import { ContentFolderError } from '../../content/content-folder-error.js';
import type { ContentIssue } from '../../content/types.js';
import { StartupError } from '../../errors/startup-error.js';
import { countOf } from '../../text/plural.js';

/** Content whose errors stop the bot from starting; each error names its file and line. */
export class ContentInvalidError extends Error {
  readonly code = 'CONTENT_INVALID';
  constructor(readonly errors: ContentIssue[]) {
    super(
      `The content has ${countOf(errors.length, 'error')}:\n` +
        errors.map((issue) => `  ${formatIssue(issue)}`).join('\n') +
        '\nFix them and start again; `npx devops-bot lint` checks the content without starting the bot.',
    );
    this.name = 'ContentInvalidError';
  }
}

/** `file:line: [severity: ]message`, the form editors and CI logs link to, then the fix on its own line. */
export function formatIssue(issue: ContentIssue, severity?: 'error' | 'warning'): string {
  return `${issue.file}:${issue.line}: ${severity ? `${severity}: ` : ''}${issue.message}\n    fix: ${issue.hint}`;
}

/** Errors that mean "fix the setup and try again": reported plainly, exit code 2, no stack trace. */
export function isStartupError(error: unknown): error is Error & { code: string } {
  return (
    error instanceof ConfigError ||
    error instanceof ContentFolderError ||
    error instanceof ContentInvalidError ||
    error instanceof StartupError
  );
}

/** The exit code of a start-up error: 1 for a platform that could not be reached, else 2. */
export function startupExitCode(error: Error & { code: string }): number {
  return error instanceof StartupError ? error.exitCode : 2;
}

/**
 * Prints a start-up error and ends the process: exit 2 for setup problems, 1 for a platform that
 * could not be reached or anything unexpected.
 */
export function exitWithStartupError(error: unknown): never {
  if (isStartupError(error)) {
    process.stderr.write(`devops-bot: ${error.message}\n`);
    process.exit(startupExitCode(error));
  }
  process.stderr.write(
    `devops-bot: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}
