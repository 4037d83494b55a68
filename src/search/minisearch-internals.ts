import type { SearchOptions } from 'minisearch';

/** For one indexed word: per field id, the documents (short ids) that have it and how often. */
export type FieldPostings = Map<number, Map<number, number>>;

/** MiniSearch's radix tree of indexed words, each with its postings. */
export interface WordTree {
  has(term: string): boolean;
  get(term: string): FieldPostings | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldPostings]> & { keys(): Iterable<string> };
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
}

/**
 * What MiniSearch 7 keeps and does not expose: its words with their postings, the fields, the
 * ids, the lengths its scores normalise by, and the options it was made with. Read, never changed.
 */
export interface MiniSearchInternals {
  _index: WordTree;
  _fieldIds: Record<string, number>;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  /** One past the highest short id given out. */
  _nextId: number;
  /** Documents discarded but still in the postings: none, as checked by {@link readInternals}. */
  _dirtCount: number;
  _options: {
    fields: string[];
    tokenize: (text: string, fieldName?: string) => string[];
    processTerm: (term: string, fieldName?: string) => string | string[] | null | undefined | false;
    searchOptions: SearchOptions & Required<Pick<SearchOptions, 'weights' | 'bm25' | 'maxFuzzy'>>;
  };
}

/**
 * The internals of a MiniSearch index, checked once to be where this code reads them: a
 * MiniSearch upgrade that moves them fails loudly at start instead of answering wrongly.
 */
export function readInternals(search: object): MiniSearchInternals {
  const internals = search as Partial<MiniSearchInternals>;
  const index = internals._index;
  if (
    typeof index?.atPrefix !== 'function' ||
    typeof index.fuzzyGet !== 'function' ||
    !internals._fieldIds ||
    !(internals._documentIds instanceof Map) ||
    !(internals._idToShortId instanceof Map) ||
    !(internals._fieldLength instanceof Map) ||
    !Array.isArray(internals._avgFieldLength) ||
    typeof internals._options?.tokenize !== 'function' ||
    typeof internals._nextId !== 'number' ||
    // Discarded documents linger in the postings; searches here assume there are none.
    internals._dirtCount !== 0
  ) {
    throw new Error(
      'this MiniSearch version keeps its index elsewhere; update src/search/minisearch-internals.ts',
    );
  }
  return internals as MiniSearchInternals;
}
