import { checkLinks, DEFAULT_CHECK_OPTIONS } from '../../links/check-links.js';
import { writeLinkReport } from '../../links/link-report.js';
import { type CliCommand, positiveInteger } from '../cli-command.js';
import { CONTENT_OPTION, loadUsableContent } from '../content-flag.js';

/** `devops-bot check-links`: finds dead links and records them for the weekly pick and `catalog`. */
export const checkLinksCommand: CliCommand = {
  name: 'check-links',
  usage: 'check-links [--content DIR] [--concurrency N] [--timeout MS] [--json]',
  summary:
    'Check every link of the catalog, write the report into DATA_DIR, and exit 1 when any link is dead.',
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
    const results = await checkLinks(urls, {
      ...DEFAULT_CHECK_OPTIONS,
      concurrency,
      timeoutMs,
      onProgress: showProgress
        ? (done, total) => io.stderr.write(`\rChecked ${done} of ${total} links`)
        : undefined,
    });
    if (showProgress) io.stderr.write('\n');
    const report = { checkedAt: new Date().toISOString(), results };
    const file = writeLinkReport(io.config.dataDir, report);
    if (args.values.json) {
      io.stdout.write(JSON.stringify(report) + '\n');
    } else {
      for (const result of results.filter((entry) => entry.status !== 'ok')) {
        const detail = result.httpStatus ?? result.error ?? '';
        io.stdout.write(`${result.status.padEnd(7)} ${String(detail).padEnd(24)} ${result.url}\n`);
      }
      const count = (status: string) => results.filter((entry) => entry.status === status).length;
      io.stdout.write(
        `${results.length} links: ${count('ok')} ok, ${count('dead')} dead, ${count('unknown')} unknown. Report: ${file}\n`,
      );
    }
    return results.some((result) => result.status === 'dead') ? 1 : 0;
  },
};
