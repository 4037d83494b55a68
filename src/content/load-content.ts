import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog, ContentReport } from './types.js';
import type { ParsedDocument } from './parsed.js';
import { NO_ALIASES, parseAliases, type AliasTable } from './aliases.js';
import { buildCatalog } from './build-catalog.js';
import { ContentFolderError } from './content-folder-error.js';
import { parseMarkdown } from './markdown-parser.js';
import { parseRst } from './rst-parser.js';
import { validateContent } from './validate-content.js';
import { parseVocabulary } from './vocabulary.js';

export { ContentFolderError };

/** The catalog of a content folder, with every problem found while reading it. */
export interface LoadedContent {
  catalog: Catalog;
  report: ContentReport;
  files: string[];
}

const PARSERS: Record<string, (file: string, text: string, report: ContentReport) => ParsedDocument> = {
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
  '.rst': parseRst,
};

const ALIAS_FILES = ['aliases.yml', 'aliases.yaml'];
const VOCABULARY_FILES = ['vocabulary.yml', 'vocabulary.yaml'];

/**
 * Reads every `.md` and `.rst` file under `dir` (a `README.md` is documentation for people and is
 * skipped) and the folder's `aliases.yml`, and builds the catalog. Problems in files are returned
 * in the report with file and line; a missing or empty folder throws {@link ContentFolderError}.
 */
export async function loadContent(dir: string): Promise<LoadedContent> {
  await requireFolder(dir);
  const report: ContentReport = { errors: [], warnings: [] };
  const files = (await listContentFiles(dir)).sort();
  if (files.length === 0) {
    throw new ContentFolderError(
      `The content folder ${dir} has no .md or .rst files. Add notes there or set CONTENT_DIR to the folder that has them.`,
      'CONTENT_DIR_EMPTY',
    );
  }
  const documents: ParsedDocument[] = [];
  for (const file of files) {
    const text = await readText(file, report);
    if (text === undefined) continue;
    const parse = PARSERS[path.extname(file).toLowerCase()]!;
    documents.push(parse(file, text, report));
  }
  const aliases = await loadAliases(dir, report);
  const catalog = buildCatalog(documents, aliases, report);
  const vocabulary = await readFirst(dir, VOCABULARY_FILES);
  if (vocabulary) catalog.vocabulary = parseVocabulary(vocabulary.file, vocabulary.text, report);
  const checks = validateContent(catalog);
  report.errors.push(...checks.errors);
  report.warnings.push(...checks.warnings);
  return { catalog, report, files };
}

async function requireFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new ContentFolderError(
      `The content folder ${path.resolve(dir)} does not exist. Create it, or set CONTENT_DIR (or --content) to the folder with your notes.`,
      'CONTENT_DIR_MISSING',
    );
  }
}

async function listContentFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && path.extname(entry.name).toLowerCase() in PARSERS)
    .filter((entry) => entry.name.toLowerCase() !== 'readme.md')
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(dir, file).split(path.sep).some((part) => part.startsWith('.')));
}

async function readText(file: string, report: ContentReport): Promise<string | undefined> {
  try {
    const bytes = await readFile(file);
    if (bytes.includes(0)) throw new Error('it holds binary data (a NUL byte)');
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    const reason = error instanceof TypeError ? 'it is not valid UTF-8 text' : describe(error);
    report.errors.push({
      file,
      line: 1,
      message: `Cannot read this file: ${reason}`,
      hint: 'Save it as UTF-8 text, or move it out of the content folder.',
    });
    return undefined;
  }
}

async function loadAliases(dir: string, report: ContentReport): Promise<AliasTable> {
  const found = await readFirst(dir, ALIAS_FILES);
  return found ? parseAliases(found.file, found.text, report) : NO_ALIASES;
}

/** The first of these files that exists in `dir`, with its text. */
async function readFirst(
  dir: string,
  names: string[],
): Promise<{ file: string; text: string } | undefined> {
  for (const name of names) {
    const file = path.join(dir, name);
    const text = await readText(file, { errors: [], warnings: [] });
    if (text !== undefined) return { file, text };
  }
  return undefined;
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    if (error.code === 'EACCES') return 'permission denied';
    if (error.code === 'EISDIR') return 'it is a folder';
  }
  return error instanceof Error ? error.message : String(error);
}
