import { Cron } from 'croner';
import type { Catalog } from '../../content/types.js';
import { DEFAULT_CHECK_OPTIONS } from '../../links/check-links.js';
import { runLinkCheck, type LinkCheckOutcome } from '../../links/run-link-check.js';
import type { Logger } from '../../logger.js';

/** What the scheduled link check needs. */
export interface LinkCheckScheduleOptions {
  cron: string;
  timezone: string;
  dataDir: string;
  catalog: () => Catalog;
  logger: Logger;
  /** Told after each run, for tests and metrics. */
  onChecked?: (outcome: LinkCheckOutcome) => void;
}

/**
 * Runs `check-links` inside the bot on a cron schedule, so no external cron is needed. A run
 * still going when the next is due is not doubled. Returns a function that stops the schedule.
 */
export function scheduleLinkChecks(options: LinkCheckScheduleOptions): () => void {
  const job = new Cron(options.cron, { timezone: options.timezone, protect: true }, async () => {
    const urls = options.catalog().resources.map((resource) => resource.url);
    try {
      const outcome = await runLinkCheck(urls, options.dataDir, DEFAULT_CHECK_OPTIONS);
      logOutcome(options.logger, outcome);
      options.onChecked?.(outcome);
    } catch (error) {
      options.logger.error(
        { error: error instanceof Error ? error.message : String(error) },
        'link check failed; the previous link report is kept',
      );
    }
  });
  return () => job.stop();
}

function logOutcome(logger: Logger, outcome: LinkCheckOutcome): void {
  if (outcome.kind === 'unreachable') {
    logger.warn(
      { links: outcome.results.length, errors: outcome.errors.slice(0, 3) },
      'link check could not reach any link; the previous link report is kept',
    );
    return;
  }
  const count = (status: string) =>
    outcome.report.links.filter((link) => link.status === status).length;
  logger.info(
    { links: outcome.results.length, dead: count('dead'), failing: count('failing') },
    'links checked',
  );
}
