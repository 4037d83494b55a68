import { formatIssue } from '../../app/startup-errors.js';
import type { CliCommand } from '../cli-command.js';
import { countOf } from '../../text/plural.js';
import { CONTENT_OPTION, loadContentFor } from '../content-flag.js';

/** `devops-bot lint`: checks the content; exit code 1 when it has errors. */
export const lintCommand: CliCommand = {
  name: 'lint',
  usage: 'lint [--content DIR]',
  summary:
    'Check the content folder; print file:line for each problem and exit 1 when there are errors.',
  options: { ...CONTENT_OPTION },
  async run(args, io) {
    const { report, files, catalog } = await loadContentFor(args, io);
    for (const error of report.errors) io.stdout.write(formatIssue(error, 'error') + '\n');
    for (const warning of report.warnings) io.stdout.write(formatIssue(warning, 'warning') + '\n');
    io.stdout.write(
      `${countOf(files.length, 'file')}, ${countOf(catalog.resources.length, 'resource')}: ` +
        `${countOf(report.errors.length, 'error')}, ${countOf(report.warnings.length, 'warning')}.\n`,
    );
    return report.errors.length > 0 ? 1 : 0;
  },
};
