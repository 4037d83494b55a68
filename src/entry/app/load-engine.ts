import type { ContentReport } from '../../content/types.js';
import { createEngine, wordsStemmedAtStart, type AnswerEngine } from '../../engine/engine.js';
import { ResourceIndex } from '../../search/resource-index.js';
import { rememberStems, stemsOf } from '../../search/text.js';
import { CODE_VERSION } from './code-version.js';
import { ContentCache, type CachedContent } from './content-cache.js';
import { ContentInvalidError } from './startup-errors.js';

/** An engine over a content folder, with the warnings its content had. */
export interface LoadedEngine {
  engine: AnswerEngine;
  report: ContentReport;
}

/** Where {@link loadEngine} may keep the indexed content between runs. */
export interface EngineCacheOptions {
  /** The cache folder; no cache without one. */
  cacheDir?: string;
  /** The version of the running code; by default the bundle's, none when running from sources. */
  codeVersion?: string;
  /**
   * Serve what could be read when the content has errors, instead of throwing: for a caller that
   * reports the errors itself (the CLI's `ask`). The report then holds them.
   */
  acceptErrors?: boolean;
}

/**
 * Loads a content folder and indexes it; throws when the content has errors. With a cache folder
 * and a known code version, content unchanged since the last run is taken from the cache instead.
 */
export async function loadEngine(
  contentDir: string,
  options: EngineCacheOptions = {},
): Promise<LoadedEngine> {
  const { cacheDir, codeVersion = CODE_VERSION, acceptErrors = false } = options;
  const cache = cacheDir && codeVersion ? new ContentCache(cacheDir, codeVersion) : undefined;
  const key = cache?.keyOf(contentDir);
  const cached = key ? cache?.read(key) : undefined;
  if (cached) {
    // The key hashes every content file, so errors the cache holds are the content's errors now.
    if (!acceptErrors && cached.report.errors.length > 0) {
      throw new ContentInvalidError(cached.report.errors);
    }
    const restored = restore(cached);
    if (restored) return restored;
  }
  // Loaded only on a miss: the Markdown and YAML parsers are a good share of start-up.
  const { loadContent } = await import('../../content/load-content.js');
  const { catalog, report } = await loadContent(contentDir);
  if (report.errors.length > 0 && !acceptErrors) throw new ContentInvalidError(report.errors);
  let index: ResourceIndex | undefined;
  const engine = createEngine(catalog, undefined, (of, topics) => {
    index = new ResourceIndex(of, topics);
    return index;
  });
  if (key && index) {
    const stems = stemsOf(wordsStemmedAtStart(catalog));
    cache?.write(key, { catalog, report, index: index.toJSON(), stems });
  }
  return { engine, report };
}

function restore({ catalog, report, index, stems }: CachedContent): LoadedEngine | undefined {
  try {
    rememberStems(stems);
    const engine = createEngine(catalog, undefined, (of, topics) => {
      return new ResourceIndex(of, topics, index);
    });
    return { engine, report };
  } catch {
    // A cache file that parses but does not hold an index: indexed again, and overwritten.
    return undefined;
  }
}
