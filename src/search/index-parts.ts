import MiniSearch from 'minisearch';
import type { Catalog } from '../content/types.js';
import { indexOptions, toDocument, type IndexedResource } from './indexed-resource.js';
import { IndexPostings } from './index-postings.js';
import { IndexSearcher } from './index-searcher.js';
import { IndexVocabulary } from './index-vocabulary.js';
import { type MiniSearchInternals, readInternals } from './minisearch-internals.js';
import type { SavedResourceIndex } from './search-types.js';
import type { TopicMatcher } from './topic-matcher.js';

/** MiniSearch's index over a catalog and the readers built over it. */
export interface IndexParts {
  search: MiniSearch<IndexedResource>;
  /** What MiniSearch keeps and does not expose, read to narrow searches without scoring. */
  internals: MiniSearchInternals;
  /** Runs MiniSearch's searches over its index, remembering what depends only on the index. */
  searcher: IndexSearcher;
  /** What the index's words say about a query's words, before any search runs. */
  vocabulary: IndexVocabulary;
  /** Which resources a search could return, read from the index without scoring. */
  postings: IndexPostings;
}

/** What an index is made from. */
export interface IndexSource {
  catalog: Catalog;
  topicMatcher: TopicMatcher;
  /** For each indexed (stemmed) word, how many resources have it: filled in when indexing. */
  documentFrequency: Map<string, number>;
}

/**
 * MiniSearch's index restored from `saved`, or, without one or when MiniSearch cannot read it (a
 * damaged cache file), built by indexing the catalog's resources.
 */
export function makeIndexParts(
  source: IndexSource,
  saved: SavedResourceIndex | undefined,
  hasWord: (term: string) => boolean,
): IndexParts {
  const { catalog, topicMatcher, documentFrequency } = source;
  // The words of the document being added, gathered as MiniSearch processes them (queries too go
  // through the same processing, so gathering is on only while indexing).
  let gathering: Set<string> | undefined;
  const options = indexOptions(hasWord, (term) => gathering?.add(term));
  if (saved) {
    try {
      return partsOver(MiniSearch.loadJS<IndexedResource>(saved.search, options), source, hasWord);
    } catch {
      // Past isSavedIndex's checks, MiniSearch still could not read it: indexed again below.
    }
  }
  const parts = partsOver(new MiniSearch<IndexedResource>(options), source, hasWord);
  // Counted afresh: a restore that failed, or an indexing cut short, leaves no counts behind.
  documentFrequency.clear();
  for (const resource of catalog.resources) {
    gathering = new Set();
    parts.search.add(toDocument(resource, catalog, topicMatcher));
    for (const word of gathering) {
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    }
  }
  gathering = undefined;
  return parts;
}

function partsOver(
  search: MiniSearch<IndexedResource>,
  source: IndexSource,
  hasWord: (term: string) => boolean,
): IndexParts {
  const internals = readInternals(search);
  const searcher = new IndexSearcher(internals);
  return {
    search,
    internals,
    searcher,
    vocabulary: new IndexVocabulary(source.documentFrequency, internals),
    postings: new IndexPostings(internals, searcher.words, hasWord),
  };
}

/**
 * Whether a saved index has the shape MiniSearch restores from. Checked when a cache is read, so
 * a damaged cache file is indexed again and written anew at start rather than at the first search.
 */
export function isSavedIndex(saved: SavedResourceIndex): boolean {
  const search = saved.search as unknown as Record<string, unknown> | undefined;
  return (
    typeof search === 'object' &&
    search !== null &&
    (search.serializationVersion === 1 || search.serializationVersion === 2) &&
    typeof search.documentCount === 'number' &&
    Array.isArray(search.index) &&
    Array.isArray(search.averageFieldLength) &&
    [search.documentIds, search.fieldIds, search.fieldLength].every(
      (part) => typeof part === 'object' && part !== null,
    ) &&
    Array.isArray(saved.documentFrequency)
  );
}
