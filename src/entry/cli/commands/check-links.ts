import { DEFAULT_CHECK_OPTIONS } from '../../../links/check-links.js';
import type { LinkHistory } from '../../../links/link-report.js';
import { runLinkCheck } from '../../../links/run-link-check.js';
import { countOf } from '../../../text/plural.js';
import { type CliCommand, positiveInteger } from '../cli-command.js';
import { CONTENT_OPTION, loadUsableContent } from '../content-flag.js';

/** Exit code when no link could be reached at all: the network, not the links, is the problem. */
export const EXIT_NETWORK_UNREACHABLE = 3;

/** `devops-bot check-links`: finds dead links and records them for the weekly pick and `catalog`. */
export const checkLinksCommand: CliCommand = {
  name: 'check-links',
  usage: 'check-links [--content DIR] [--concurrency N] [--timeout MS] [--json]',
  summary:
    'Check every link of the catalog and merge the results into the report in DATA_DIR; exit 1 when a link is dead (failed 2 runs at least a day apart), 3 when no link could be reached at all.',
  options: {
    concurrency: { type: 'string' },
    timeout: { type: 'string' },
    json: { type: 'boolean' },
    ...CONTENT_OPTION,
  },
  async run(args, io) {
    const concurrency = positiveInteger(
      args.values.concurrency,
      'concurrency',
      DEFAULT_CHECK_OPTIONS.concurrency,
    );
    const timeoutMs = positiveInteger(
      args.values.timeout,
      'timeout',
      DEFAULT_CHECK_OPTIONS.timeoutMs,
    );
    const content = await loadUsableContent(args, io);
    const urls = content.catalog.resources.map((resource) => resource.url);
    const showProgress = Boolean((io.stderr as { isTTY?: boolean }).isTTY);
    const outcome = await runLinkCheck(urls, io.config.dataDir, {
      ...DEFAULT_CHECK_OPTIONS,
      concurrency,
      timeoutMs,
      onProgress: showProgress
        ? (done, total) => io.stderr.write(`\rChecked ${done} of ${total} links`)
        : undefined,
    });
    if (showProgress) io.stderr.write('\n');
    if (outcome.kind === 'unreachable') {
      io.stderr.write(
        `devops-bot: could not reach any of the ${countOf(urls.length, 'link')} (${outcome.errors.slice(0, 3).join(', ') || 'no answer'}): ` +
          'is this machine offline? The previous link report is kept; run check-links again once the network is back.\n',
      );
      return EXIT_NETWORK_UNREACHABLE;
    }
    const checked = new Set(urls);
    const links = outcome.report.links.filter((link) => checked.has(link.url));
    if (args.values.json) {
      io.stdout.write(JSON.stringify({ checkedAt: outcome.report.checkedAt, links }) + '\n');
    } else {
      for (const link of links.filter((entry) => entry.status !== 'ok')) {
        io.stdout.write(
          `${describeStatus(link).padEnd(18)} ${describeAnswer(link).padEnd(24)} ${link.url}\n`,
        );
      }
      const count = (status: LinkHistory['status']) =>
        links.filter((link) => link.status === status).length;
      io.stdout.write(
        `${countOf(links.length, 'link')}: ${count('ok')} ok, ${count('dead')} dead, ${count('failing')} failing, ${count('unknown')} unknown. Report: ${outcome.file}\n`,
      );
    }
    return links.some((link) => link.status === 'dead') ? 1 : 0;
  },
};

function describeStatus(link: LinkHistory): string {
  if (link.status === 'failing') return `failing (${countOf(link.consecutiveFailures, 'run')})`;
  return link.status;
}

function describeAnswer(link: LinkHistory): string {
  return String(link.httpStatus ?? link.error ?? '');
}
