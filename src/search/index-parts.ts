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
      documentFrequency.clear();
    }
  }
  const parts = partsOver(new MiniSearch<IndexedResource>(options), source, hasWord);
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
    postings: new IndexPostings(internals, searcher, hasWord),
  };
}
