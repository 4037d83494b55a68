import { DEFAULT_REPORT_DAYS, readCuratorReport } from '../../../analytics/read-report.js';
import { reportLines } from '../../../analytics/report-text.js';
import { openStore } from '../../../store/open-store.js';
import { type CliCommand, positiveInteger } from '../cli-command.js';

/** `devops-bot report [--days N] [--json]`: what the team asked, what found nothing, what did not help. */
export const reportCommand: CliCommand = {
  name: 'report',
  usage: 'report [--days N] [--json]',
  summary:
    'Show the questions asked in chat over the last N days (default 30): answered rate, top unanswered questions, resources voted not helpful, most asked topics.',
  options: { days: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const days = positiveInteger(args.values.days, 'days', DEFAULT_REPORT_DAYS);
    const store = await openStore(io.config.store);
    try {
      const report = await readCuratorReport(store.analytics, new Date(), days);
      io.stdout.write(
        args.values.json
          ? JSON.stringify(report, null, 2) + '\n'
          : reportLines(report).join('\n') + '\n',
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
