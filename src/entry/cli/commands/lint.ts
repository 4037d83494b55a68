import { formatIssue } from '../../app/startup-errors.js';
import { countOf } from '../../../text/plural.js';
import type { CliCommand } from '../cli-command.js';
import { CONTENT_OPTION, loadContentFor } from '../content-flag.js';

/** `devops-bot lint`: checks the content; exit code 1 when it has errors. */
export const lintCommand: CliCommand = {
  name: 'lint',
  usage: 'lint [--json] [--content DIR]',
  summary:
    'Check the content folder; print file:line and a fix for each problem and exit 1 when there are errors. --json prints them as one JSON object, for CI annotations.',
  options: { json: { type: 'boolean' }, ...CONTENT_OPTION },
  async run(args, io) {
    const { report, files, catalog } = await loadContentFor(args, io);
    if (args.values.json) {
      const issues = [
        ...report.errors.map((issue) => ({ severity: 'error', ...issue })),
        ...report.warnings.map((issue) => ({ severity: 'warning', ...issue })),
      ];
      io.stdout.write(
        JSON.stringify({
          files: files.length,
          resources: catalog.resources.length,
          errors: report.errors.length,
          warnings: report.warnings.length,
          issues,
        }) + '\n',
      );
    } else {
      for (const error of report.errors) io.stdout.write(formatIssue(error, 'error') + '\n');
      for (const warning of report.warnings) {
        io.stdout.write(formatIssue(warning, 'warning') + '\n');
      }
      io.stdout.write(
        `${countOf(files.length, 'file')}, ${countOf(catalog.resources.length, 'resource')}: ${countOf(report.errors.length, 'error')}, ${countOf(report.warnings.length, 'warning')}.\n`,
      );
    }
    return report.errors.length > 0 ? 1 : 0;
  },
};
