import { breadcrumb, resourceFacts } from '../../../engine/describe-resource.js';
import { formatIssue } from '../../app/startup-errors.js';
import { readLinkReport } from '../../../links/link-report.js';
import type { CliCommand } from '../cli-command.js';
import { countOf } from '../../../text/plural.js';
import { CONTENT_OPTION, loadContentFor } from '../content-flag.js';

/** `devops-bot catalog`: every resource and every problem found in the content. */
export const catalogCommand: CliCommand = {
  name: 'catalog',
  usage: 'catalog [--json] [--content DIR]',
  summary:
    'List every resource of the content with its topics and source line, then every warning and error.',
  options: { json: { type: 'boolean' }, ...CONTENT_OPTION },
  async run(args, io) {
    const { catalog, report, files } = await loadContentFor(args, io);
    const links = new Map(
      (readLinkReport(io.config.dataDir)?.links ?? []).map((link) => [link.url, link.status]),
    );
    if (args.values.json) {
      const resources = catalog.resources.map((resource) => ({
        id: resource.id,
        url: resource.url,
        title: resource.title,
        description: resource.description,
        type: resource.type ?? null,
        series: resource.series ?? null,
        topics: resource.topics,
        source: resource.source,
        link: links.get(resource.url) ?? 'unchecked',
      }));
      io.stdout.write(
        JSON.stringify({ files, resources, warnings: report.warnings, errors: report.errors }) +
          '\n',
      );
      return 0;
    }
    for (const resource of catalog.resources) {
      const facts = resourceFacts(resource);
      const dead = links.get(resource.url) === 'dead' ? ' [DEAD LINK]' : '';
      io.stdout.write(
        `${resource.title}${facts ? ` [${facts}]` : ''}${dead}\n  ${resource.url}\n` +
          `  ${resource.topics.map(breadcrumb).join(' | ')}  (${resource.source.file}:${resource.source.line})\n`,
      );
    }
    io.stdout.write(
      `\n${countOf(catalog.resources.length, 'resource')} in ${countOf(catalog.topics.length, 'topic')} ` +
        `from ${countOf(files.length, 'file')}.\n`,
    );
    for (const warning of report.warnings) io.stdout.write(formatIssue(warning, 'warning') + '\n');
    for (const error of report.errors) io.stdout.write(formatIssue(error, 'error') + '\n');
    return 0;
  },
};
