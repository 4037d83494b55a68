import { widening } from './indexed-resource.js';
import { type DocumentFilter, DocumentSet } from './document-set.js';
import type { IndexSearcher } from './index-searcher.js';
import type { FieldPostings, MiniSearchInternals } from './minisearch-internals.js';
import type { QueryUnit } from './query-unit.js';
import { STOP_WORDS, splitWords, stem } from './text.js';

/** How the search a candidate set stands for widens its words. */
export interface WideningOptions {
  /** Whether words the index lacks may match allowing for a typo. */
  fuzzy: boolean;
  /** Known words match only as written (no prefix widening). */
  wordsAsWritten?: boolean | undefined;
  /** Fields searched when a unit names none; every field when unset. */
  fields?: string[] | undefined;
  /** Resources (short ids) that may be returned at all; every one when unset. */
  allow?: DocumentFilter | undefined;
}

/**
 * Which resources a search could return, read straight from the index's postings without
 * scoring anything. Scoring builds a result object per matching resource, which for a common
 * word is thousands of objects per query; a set of ids is enough to narrow a search to.
 */
export class IndexPostings {
  /**
   * @param internals the MiniSearch index (its words are read, never changed).
   * @param searcher what reads the words a query term reaches, as searches do.
   * @param hasWord whether some resource has this (stemmed) word exactly.
   */
  constructor(
    private readonly internals: MiniSearchInternals,
    private readonly searcher: IndexSearcher,
    private readonly hasWord: (term: string) => boolean,
  ) {}

  /**
   * The resources (short ids) that have some word of some unit in the fields searched, widened by
   * prefix and typo as a search with the index's options would widen it: every resource an OR
   * search of the units returns.
   */
  resourcesMatchingAny(units: QueryUnit[], options: WideningOptions): DocumentSet {
    const { allow } = options;
    const found = new DocumentSet(this.internals._nextId);
    for (const unit of units) {
      for (const documents of this.documentListsOf(unit, options)) {
        for (const shortId of documents.keys()) {
          if (!allow || allow.has(shortId)) found.add(shortId);
        }
      }
    }
    return found;
  }

  /**
   * The resources (short ids) that have, for every unit, some word of it in the fields searched
   * (widened as {@link resourcesMatchingAny}): every resource an AND search of the units could
   * return. The rarest unit's resources are gathered first and only tested against the others.
   */
  resourcesMatchingEvery(units: QueryUnit[], options: WideningOptions): DocumentSet {
    const { allow } = options;
    const capacity = this.internals._nextId;
    const lists = units
      .map((unit) => this.documentListsOf(unit, options))
      .map((documents) => ({ documents, size: documents.reduce((sum, map) => sum + map.size, 0) }))
      .sort((a, b) => a.size - b.size);
    const rarest = new Uint8Array(capacity);
    let candidates: number[] = [];
    for (const documents of lists[0]?.documents ?? []) {
      for (const shortId of documents.keys()) {
        if (rarest[shortId] === 1 || (allow && !allow.has(shortId))) continue;
        rarest[shortId] = 1;
        candidates.push(shortId);
      }
    }
    for (const { documents, size } of lists.slice(1)) {
      if (candidates.length === 0) break;
      candidates = inSome(candidates, documents, size, capacity);
    }
    const found = new DocumentSet(capacity);
    for (const shortId of candidates) found.add(shortId);
    return found;
  }

  /** For each indexed word the unit matches, its documents in each field searched. */
  private documentListsOf(unit: QueryUnit, options: WideningOptions): Map<number, number>[] {
    const fieldIds = this.fieldIdsOf(unit.fields ?? options.fields);
    const lists: Map<number, number>[] = [];
    for (const word of unit.alternatives.flat()) {
      for (const postings of this.postingsOf(word, options)) {
        for (const fieldId of fieldIds) {
          const documents = postings.get(fieldId);
          if (documents) lists.push(documents);
        }
      }
    }
    return lists;
  }

  private fieldIdsOf(fields: string[] | undefined): number[] {
    const all = this.internals._fieldIds;
    return (fields ?? Object.keys(all)).map((field) => all[field]!);
  }

  /** The postings of every indexed word a query word matches: as written, by prefix, by typo. */
  private *postingsOf(word: string, options: WideningOptions): Iterable<FieldPostings> {
    for (const token of splitWords(word)) {
      if (STOP_WORDS.has(token)) continue;
      const term = stem(token);
      const { prefix, typos } = widening(term, this.hasWord, {
        typos: options.fuzzy,
        asWritten: options.wordsAsWritten ?? false,
      });
      for (const reached of this.searcher.wordsReachedBy(term, prefix, typos)) {
        yield reached.postings;
      }
    }
  }
}

/**
 * The candidates found in some of the document lists (of `size` entries in all): each candidate
 * is looked up in the lists, or the lists are walked, whichever touches fewer entries.
 */
function inSome(
  candidates: number[],
  lists: Map<number, number>[],
  size: number,
  capacity: number,
): number[] {
  if (candidates.length * lists.length <= size) {
    return candidates.filter((shortId) => lists.some((documents) => documents.has(shortId)));
  }
  // A byte per document: only membership is asked of it.
  const listed = new Uint8Array(capacity);
  for (const documents of lists) for (const shortId of documents.keys()) listed[shortId] = 1;
  return candidates.filter((shortId) => listed[shortId] === 1);
}
