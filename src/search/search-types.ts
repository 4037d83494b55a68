import type { AsPlainObject } from 'minisearch';
import type { Resource } from '../content/types.js';

/** How a search may widen or narrow what it returns. */
export interface FindOptions {
  /**
   * Only these resources (ids). Pass the same set for the same scope (a memoised one): the index
   * remembers which of its documents each set admits.
   */
  scope?: ReadonlySet<string>;
  /** Whether partial matches may be added when every unit together finds too little (default true). */
  relaxed?: boolean;
  /** Fields to match in; all of them when unset. */
  fields?: string[];
}

/** A resource found by a search, with its relevance score. */
export interface ScoredResource {
  resource: Resource;
  score: number;
  /** Each indexed word that matched, with the fields it matched in (for explaining a score). */
  match?: Record<string, string[]>;
}

/** A `ResourceIndex` as plain data, to store and restore without indexing again. */
export interface SavedResourceIndex {
  search: AsPlainObject;
  documentFrequency: [string, number][];
}
