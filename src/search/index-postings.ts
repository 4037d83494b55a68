import { widening } from './indexed-resource.js';
import { type DocumentFilter, DocumentSet } from './document-set.js';
import type { FieldPostings, MiniSearchInternals } from './minisearch-internals.js';
import type { QueryUnit } from './query-unit.js';
import { STOP_WORDS, splitWords, stem } from './text.js';
import type { WordReach } from './word-reach.js';

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
   * @param words the words a query term reaches, as searches read them.
   * @param hasWord whether some resource has this (stemmed) word exactly.
   */
  constructor(
    private readonly internals: MiniSearchInternals,
    private readonly words: WordReach,
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
   * The resources (short ids) that have, for every unit, all the words of one of its phrasings in
   * the fields searched (each word widened as {@link resourcesMatchingAny}): every resource an AND
   * search of the units could return. The rarest unit's resources are gathered first and only
   * tested against the others.
   */
  resourcesMatchingEvery(units: QueryUnit[], options: WideningOptions): DocumentSet {
    const { allow } = options;
    const capacity = this.internals._nextId;
    const byUnit = units
      .map((unit) => this.phrasingsOf(unit, options))
      .map((phrasings) => ({ phrasings, size: sizeBound(phrasings) }))
      .sort((a, b) => a.size - b.size);
    let candidates = byUnit.length > 0 ? gather(byUnit[0]!.phrasings, allow, capacity) : [];
    for (const { phrasings } of byUnit.slice(1)) {
      if (candidates.length === 0) break;
      candidates = inSomePhrasing(candidates, phrasings, capacity);
    }
    const found = new DocumentSet(capacity);
    for (const shortId of candidates) found.add(shortId);
    return found;
  }

  /** For each indexed word the unit matches, its documents in each field searched. */
  private documentListsOf(unit: QueryUnit, options: WideningOptions): Map<number, number>[] {
    return this.phrasingsOf(unit, options).flatMap((phrasing) =>
      phrasing.flatMap((word) => word.lists),
    );
  }

  /** Each phrasing of a unit, as the documents of each of its words in the fields searched. */
  private phrasingsOf(unit: QueryUnit, options: WideningOptions): WordDocuments[][] {
    const fieldIds = this.fieldIdsOf(unit.fields ?? options.fields);
    return unit.alternatives.map((words) =>
      words.map((word) => {
        const lists: Map<number, number>[] = [];
        let size = 0;
        for (const postings of this.postingsOf(word, options)) {
          for (const fieldId of fieldIds) {
            const documents = postings.get(fieldId);
            if (documents === undefined) continue;
            lists.push(documents);
            size += documents.size;
          }
        }
        return { lists, size };
      }),
    );
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
      for (const reached of this.words.reachedBy(term, prefix, typos)) {
        yield reached.postings;
      }
    }
  }
}

/**
 * One word of a unit's phrasing: the documents of every indexed word it reaches, in each field
 * searched, and how many entries those lists hold in all.
 */
interface WordDocuments {
  lists: Map<number, number>[];
  size: number;
}

/** At most how many resources a unit's phrasings can match: each phrasing, by its rarest word. */
function sizeBound(phrasings: WordDocuments[][]): number {
  let bound = 0;
  for (const phrasing of phrasings) {
    bound += phrasing.reduce((rarest, word) => Math.min(rarest, word.size), Infinity);
  }
  return bound;
}

/**
 * The resources (allowed by `allow`) that have every word of some phrasing: each phrasing's
 * rarest word's documents, tested against its other words.
 */
function gather(
  phrasings: WordDocuments[][],
  allow: DocumentFilter | undefined,
  capacity: number,
): number[] {
  const gathered: number[] = [];
  const taken = new Uint8Array(capacity);
  for (const phrasing of phrasings) {
    const [rarest, ...others] = [...phrasing].sort((a, b) => a.size - b.size);
    const seen = new Uint8Array(capacity);
    let found: number[] = [];
    for (const documents of rarest?.lists ?? []) {
      for (const shortId of documents.keys()) {
        if (seen[shortId] === 1 || taken[shortId] === 1 || (allow && !allow.has(shortId))) continue;
        seen[shortId] = 1;
        found.push(shortId);
      }
    }
    for (const word of others) found = inSome(found, word, capacity);
    for (const shortId of found) taken[shortId] = 1;
    gathered.push(...found);
  }
  return gathered;
}

/** The candidates that have every word of some phrasing. */
function inSomePhrasing(
  candidates: number[],
  phrasings: WordDocuments[][],
  capacity: number,
): number[] {
  const withEvery = (phrasing: WordDocuments[]) =>
    phrasing.reduce((kept, word) => inSome(kept, word, capacity), candidates);
  if (phrasings.length === 1) return withEvery(phrasings[0]!);
  const kept = new Uint8Array(capacity);
  for (const phrasing of phrasings) for (const shortId of withEvery(phrasing)) kept[shortId] = 1;
  return candidates.filter((shortId) => kept[shortId] === 1);
}

/**
 * The candidates found in some of a word's document lists: each candidate is looked up in the
 * lists, or the lists are walked, whichever touches fewer entries.
 */
function inSome(candidates: number[], word: WordDocuments, capacity: number): number[] {
  const { lists, size } = word;
  if (candidates.length * lists.length <= size) {
    return candidates.filter((shortId) => lists.some((documents) => documents.has(shortId)));
  }
  // A byte per document: only membership is asked of it.
  const listed = new Uint8Array(capacity);
  for (const documents of lists) for (const shortId of documents.keys()) listed[shortId] = 1;
  return candidates.filter((shortId) => listed[shortId] === 1);
}
