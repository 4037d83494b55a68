import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog, ContentReport } from '../../content/types.js';
import type { SavedResourceIndex } from '../../search/resource-index.js';

/** The file, inside the cache folder, that holds the last content folder read and its index. */
export const CONTENT_CACHE_FILE = 'content-index.json';

/** A catalog, what loading it reported, and its search index, as the cache holds them. */
export interface CachedContent {
  catalog: Catalog;
  report: ContentReport;
  index: SavedResourceIndex;
  /** Words the engine stems as it starts, with their stems (see `stemsOf`). */
  stems: [string, string][];
}

interface CacheFile {
  key: string;
  catalog: Omit<Catalog, 'resourcesById' | 'topicsById'>;
  report: ContentReport;
  index: SavedResourceIndex;
  stems: [string, string][];
}

/**
 * The parsed catalog and search index of a content folder, kept on disk so that a start with
 * unchanged content skips reading the notes and indexing them. An entry is used only under the
 * key it was written with: a hash of the code version, the folder's path and every file in it.
 * A missing, unreadable or corrupt cache file is a miss, never an error.
 */
export class ContentCache {
  private readonly file: string;

  /**
   * @param dir the folder for the cache file, created on first write.
   * @param codeVersion the version of the running code (see `CODE_VERSION`); an index written by
   *   other code is never read.
   */
  constructor(
    private readonly dir: string,
    private readonly codeVersion: string,
  ) {
    this.file = path.join(dir, CONTENT_CACHE_FILE);
  }

  /**
   * The key of the content folder as it is now; undefined when the folder cannot be read. Read
   * synchronously: a content folder is a few small files, and a promise per file costs a start
   * more than the reading does.
   */
  keyOf(contentDir: string): string | undefined {
    try {
      const root = path.resolve(contentDir);
      const entries = readdirSync(root, { withFileTypes: true, recursive: true });
      const files = entries
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
        .filter((file) => !file.split(path.sep).some((part) => part.startsWith('.')))
        .sort();
      const hash = createHash('sha256').update(`${this.codeVersion}\0${root}\0`);
      for (const file of files) {
        hash
          .update(`${file}\0`)
          .update(readFileSync(path.join(root, file)))
          .update('\0');
      }
      return hash.digest('hex');
    } catch {
      return undefined;
    }
  }

  /** What was cached under `key`, or undefined when nothing usable was. */
  read(key: string): CachedContent | undefined {
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as CacheFile;
      if (saved.key !== key) return undefined;
      const { resources, topics } = saved.catalog;
      const catalog: Catalog = {
        ...saved.catalog,
        resourcesById: new Map(resources.map((resource) => [resource.id, resource])),
        topicsById: new Map(topics.map((topic) => [topic.id, topic])),
      };
      if (!Array.isArray(saved.index.documentFrequency) || !saved.report) return undefined;
      if (!Array.isArray(saved.stems) || !saved.stems.every(isStemPair)) return undefined;
      return { catalog, report: saved.report, index: saved.index, stems: saved.stems };
    } catch {
      return undefined;
    }
  }

  /**
   * Stores content under `key`, replacing the file whole so that a concurrent reader sees the old
   * entry or the new one. A cache that cannot be written (a read-only folder) is left as it is.
   */
  write(key: string, content: CachedContent): void {
    const saved: CacheFile = { key, ...content };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      // The catalog's lookup maps are rebuilt from its lists on reading.
      writeFileSync(
        temporary,
        JSON.stringify(saved, (_, value) => (value instanceof Map ? undefined : value)),
      );
      renameSync(temporary, this.file);
    } catch {
      // Only start-up time is lost: the next start indexes the content again.
    }
  }
}

function isStemPair(entry: unknown): boolean {
  return (
    Array.isArray(entry) &&
    entry.length === 2 &&
    typeof entry[0] === 'string' &&
    typeof entry[1] === 'string'
  );
}
