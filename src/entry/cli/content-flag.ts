import path from 'node:path';
import type { LoadedContent } from '../../content/load-content.js';
import type { CliArgs, CliIo } from './cli-command.js';
import { loadEngine, type LoadedEngine } from '../app/load-engine.js';
import { formatIssue } from '../app/startup-errors.js';

/** The `--content DIR` flag shared by the commands that read content. */
export const CONTENT_OPTION = { content: { type: 'string' as const } };

/** Loads the content folder named by `--content`, else by the configuration. */
export async function loadContentFor(args: CliArgs, io: CliIo): Promise<LoadedContent> {
  // Loaded on use: the Markdown and YAML parsers are most of the CLI's code, and `ask` and
  // `topics` find their content in the index cache instead.
  const { loadContent } = await import('../../content/load-content.js');
  return loadContent(contentDirOf(args, io));
}

function contentDirOf(args: CliArgs, io: CliIo): string {
  return typeof args.values.content === 'string' ? args.values.content : io.config.contentDir;
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

/**
 * An engine over the content, for a command that answers from it: taken from the index cache in
 * DATA_DIR/cache when the content and the code are unchanged since it was written, else loaded,
 * indexed and cached. Errors go to standard error, as with {@link loadUsableContent}.
 */
export async function loadUsableEngine(args: CliArgs, io: CliIo): Promise<LoadedEngine> {
  const loaded = await loadEngine(contentDirOf(args, io), {
    cacheDir: path.join(io.config.dataDir, 'cache'),
    acceptErrors: true,
  });
  for (const issue of loaded.report.errors) io.stderr.write(formatIssue(issue, 'error') + '\n');
  return loaded;
}
