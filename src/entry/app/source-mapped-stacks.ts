import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// A bundle's source map, parsed the first time a stack trace goes through that bundle file; unlike
// `node --enable-source-maps`, which parses every map at start-up, a run without errors pays nothing.
const sourceMaps = new Map<string, SourceMap | undefined>();

function sourceMapOf(file: string): SourceMap | undefined {
  if (!sourceMaps.has(file)) {
    let map: SourceMap | undefined;
    if (!file.includes(`${path.sep}node_modules${path.sep}`)) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
      } catch {
        // No map beside the file (Node's own modules, code run from sources): its frames stay as they are.
      }
    }
    sourceMaps.set(file, map);
  }
  return sourceMaps.get(file);
}

/** One frame of a stack trace, with its position in the original source when a map knows it. */
export function describeFrame(frame: NodeJS.CallSite): string {
  const text = String(frame);
  const name = frame.getFileName();
  const line = frame.getLineNumber();
  const column = frame.getColumnNumber();
  if (!name || line === null || column === null) return text;
  const file = name.startsWith('file:') ? fileURLToPath(name) : name;
  const entry = sourceMapOf(file)?.findEntry(line - 1, column - 1);
  if (!entry || !('originalSource' in entry) || entry.generatedLine !== line - 1) return text;
  const source = path.resolve(path.dirname(file), entry.originalSource);
  const generated = `${name}:${line}:${column}`;
  const original = `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  return text.includes(generated) ? text.replace(generated, original) : `${text} (${original})`;
}

function header(error: unknown): string {
  try {
    return Error.prototype.toString.call(error);
  } catch {
    return 'Error';
  }
}

/**
 * Makes stack traces of the bundled code name the TypeScript file, line and column of each frame,
 * reading a bundle file's source map only when a trace first goes through it.
 */
export function mapStackTracesToSources(): void {
  Error.prepareStackTrace = (error, frames) =>
    [header(error), ...frames.map((frame) => `    at ${describeFrame(frame)}`)].join('\n');
}
