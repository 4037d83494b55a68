import { loadContent, type LoadedContent } from '../../content/load-content.js';
import type { CliArgs, CliIo } from './cli-command.js';
import { formatIssue } from '../app/startup-errors.js';

/** The `--content DIR` flag shared by the commands that read content. */
export const CONTENT_OPTION = { content: { type: 'string' as const } };

/** Loads the content folder named by `--content`, else by the configuration. */
export function loadContentFor(args: CliArgs, io: CliIo): Promise<LoadedContent> {
  const dir = typeof args.values.content === 'string' ? args.values.content : io.config.contentDir;
  return loadContent(dir);
}

/**
 * Loads the content for a command that uses it rather than checks it: its errors go to standard
 * error, so that answers on standard output stay clean, and what could be read is used.
 */
export async function loadUsableContent(args: CliArgs, io: CliIo): Promise<LoadedContent> {
  const content = await loadContentFor(args, io);
  for (const issue of content.report.errors) io.stderr.write(formatIssue(issue, 'error') + '\n');
  return content;
}
