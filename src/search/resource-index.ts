import type { Query, SearchOptions, SearchResult } from 'minisearch';
import type { Catalog } from '../content/types.js';
import type { FindOptions, SavedResourceIndex, ScoredResource } from './search-types.js';
import { DocumentSet } from './document-set.js';
import { FoundResource } from './found-results.js';
import { type IndexParts, type IndexSource, isSavedIndex, makeIndexParts } from './index-parts.js';
import { widening } from './indexed-resource.js';
import {
  coversEnough,
  matchedUnits,
  unitQuery,
  wordsOfUnits,
  type QueryUnit,
} from './query-unit.js';
import type { TopicMatcher } from './topic-matcher.js';

export { TEXT_FIELDS } from './indexed-resource.js';
export { wordUnit, type QueryUnit } from './query-unit.js';
export type { FindOptions, SavedResourceIndex, ScoredResource } from './search-types.js';

/** How one minisearch query runs. */
interface RunOptions {
  fuzzy: boolean;
  /** Resources (short ids) that may be scored at all; every one when unset. */
  allow?: DocumentSet | undefined;
  /** The only resources (short ids, already allowed) that may be scored, when known. */
  among?: DocumentSet;
  fields?: string[] | undefined;
  /** Known words match only as written (no prefix widening). */
  wordsAsWritten?: boolean;
}

/** The fields where a resource says things in its own words. */
const OWN_WORDS_FIELDS = ['title', 'description'];

/** Below this share of the best score a result is too weak to show. */
const RELATIVE_SCORE_CUTOFF = 0.25;
/** With fewer AND hits than this, the relaxed search adds partial matches. */
const ENOUGH_RESULTS = 3;
/**
 * From this many resources with the words, a partial match is narrowed to those with a subject
 * word first, and one search of any unit (which scores them all) is not planned.
 */
const NARROWING_PAYS_FROM = 2_000;

/** The full-text index over a catalog's resources, built once per catalog. */
export class ResourceIndex {
  /** For each scope searched in, the documents it admits. */
  private readonly scopes = new WeakMap<ReadonlySet<string>, DocumentSet>();
  /** For each indexed (stemmed) word, how many resources have it. */
  private readonly documentFrequency = new Map<string, number>();
  /** What the index is made from: the catalog, its topics and the word counts. */
  private readonly source: IndexSource;
  /** MiniSearch's index and what reads it; restored from a saved index when first needed. */
  private made: IndexParts | undefined;
  /** The saved index this one was restored from, while it has not been needed. */
  private saved: SavedResourceIndex | undefined;

  /** Indexes the catalog, or takes the index {@link toJSON} saved for this same catalog. */
  constructor(
    private readonly catalog: Catalog,
    topicMatcher: TopicMatcher,
    saved?: SavedResourceIndex,
  ) {
    this.source = { catalog, topicMatcher, documentFrequency: this.documentFrequency };
    if (!saved) {
      this.made = makeIndexParts(this.source, undefined, (term) => this.hasWord(term));
      return;
    }
    if (!isSavedIndex(saved)) {
      throw new Error(
        'the saved index is not one MiniSearch restores from; index the catalog again',
      );
    }
    // Restored when a search first needs it: a start from the cache often answers a topic's
    // listing first, which reads no index.
    this.saved = saved;
    for (const [word, count] of saved.documentFrequency) this.documentFrequency.set(word, count);
  }

  private get parts(): IndexParts {
    if (!this.made) {
      const restoring = this.saved;
      this.saved = undefined;
      this.made = makeIndexParts(this.source, restoring, (term) => this.hasWord(term));
    }
    return this.made;
  }

  /** The index as plain data, for the constructor to restore over the same catalog. */
  toJSON(): SavedResourceIndex {
    const search = this.saved ? this.saved.search : this.parts.search.toJSON();
    return { search, documentFrequency: [...this.documentFrequency] };
  }

  /** True when some resource contains this (stemmed) word exactly. */
  hasWord(word: string): boolean {
    return this.documentFrequency.has(word);
  }

  /**
   * Ranked resources matching every unit; when that finds too little, resources matching at
   * least half of the units are added after them, provided they match a subject word when the
   * query has one (a topic name or "tutorial" alone is not enough). Weak matches below a share
   * of the best score are dropped. Passes that cannot match (a word no resource has, even with a
   * typo) are skipped: on a large catalog each pass costs milliseconds.
   */
  find(units: QueryUnit[], options: FindOptions = {}): ScoredResource[] {
    const { scope, relaxed = true, fields } = options;
    if (units.length === 0) return [];
    const inScope = scope ? this.admittedBy(scope) : undefined;
    let results: SearchResult[] = [];
    if (
      relaxed &&
      units.length > 1 &&
      this.parts.vocabulary.wordsMatchOnlyAsWritten(units) &&
      !this.narrowingPays(units)
    ) {
      // The vocabulary shows that one search tells what the passes below would find.
      results = this.matchEveryOrPartly(units, inScope, fields);
    } else {
      const live = units.filter((unit) => this.parts.vocabulary.canMatch(unit));
      if (live.length === units.length) {
        // Typos are allowed only when the words as written find nothing: fewer false friends. A
        // part that only a typo can match finds nothing as written, so that search is not run.
        if (units.every((unit) => this.parts.vocabulary.canMatch(unit, 'prefix'))) {
          results = this.matchAll(units, { fuzzy: false, allow: inScope, fields });
        }
        if (results.length === 0 && this.parts.vocabulary.typosCouldWiden(units)) {
          results = this.matchAll(units, { fuzzy: true, allow: inScope, fields });
        }
      }
      if (
        relaxed &&
        results.length < ENOUGH_RESULTS &&
        units.length > 1 &&
        coversEnough(live, units)
      ) {
        results = [...results, ...this.matchPartly(units, live, results, inScope, fields)];
      }
    }
    // A loop, not Math.max(...scores): a common word on a big catalog has more results than a
    // call may take arguments.
    let best = 0;
    for (const result of results) if (result.score > best) best = result.score;
    return results
      .filter((result) => result.score >= best * RELATIVE_SCORE_CUTOFF)
      .map(
        (result) =>
          new FoundResource(
            this.catalog.resourcesById.get(String(result.id))!,
            result.score,
            result,
          ),
      );
  }

  /**
   * What the passes of {@link find} find, from one search of any unit: the resources that
   * matched every unit, and when they are too few, those that matched enough of them after.
   */
  private matchEveryOrPartly(
    units: QueryUnit[],
    inScope: DocumentSet | undefined,
    fields: string[] | undefined,
  ): SearchResult[] {
    const unitWords = wordsOfUnits(units);
    const every: SearchResult[] = [];
    const partly: SearchResult[] = [];
    for (const result of this.run(units, 'OR', { fuzzy: false, allow: inScope, fields })) {
      const matched = matchedUnits(result, units, unitWords);
      if (matched.length === units.length) every.push(result);
      else if (coversEnough(matched, units)) partly.push(result);
    }
    return every.length < ENOUGH_RESULTS ? [...every, ...partly] : every;
  }

  /**
   * Resources matching every unit. Only resources that the index's postings show to have every
   * unit are scored: scoring every resource that has a common word is what costs, and when no
   * resource has them all no search runs (on the shipped content, a typo pass often).
   */
  private matchAll(units: QueryUnit[], options: RunOptions): SearchResult[] {
    if (units.length === 1) return this.run(units, 'AND', options);
    const among = this.parts.postings.resourcesMatchingEvery(units, options);
    if (among.size === 0) return [];
    return this.run(units, 'AND', { ...options, among });
  }

  /** The documents (short ids) of a scope's resources, worked out once per scope set. */
  private admittedBy(scope: ReadonlySet<string>): DocumentSet {
    let admitted = this.scopes.get(scope);
    if (admitted === undefined) {
      admitted = new DocumentSet(this.parts.internals._nextId);
      for (const id of scope) {
        const shortId = this.parts.internals._idToShortId.get(id);
        if (shortId !== undefined) admitted.add(shortId);
      }
      this.scopes.set(scope, admitted);
    }
    return admitted;
  }

  /** Whether the resources that have the units (by exact word) are enough that narrowing first pays. */
  private narrowingPays(units: QueryUnit[]): boolean {
    let total = 0;
    for (const unit of units) total += this.parts.vocabulary.frequency(unit);
    return total >= NARROWING_PAYS_FROM;
  }

  /**
   * Resources matching at least half of the units (and a subject word when there is one), not
   * already in `found`. Only resources with a subject word are scored for the other units.
   */
  private matchPartly(
    units: QueryUnit[],
    live: QueryUnit[],
    found: SearchResult[],
    inScope: DocumentSet | undefined,
    fields: string[] | undefined,
  ): SearchResult[] {
    const fuzzy = this.parts.vocabulary.typosCouldWiden(live);
    if (Math.ceil(units.length / 2) >= live.length) {
      // Every unit that can match must: that is a search for all of them, rarest first.
      const seen = new Set(found.map((result) => result.id));
      return this.matchAll(live, { fuzzy, allow: inScope, fields }).filter(
        (result) => !seen.has(result.id),
      );
    }
    // A partial match is already lenient; widening known words by prefix too costs much and adds noise.
    const base: RunOptions = { fuzzy, allow: inScope, fields, wordsAsWritten: true };
    const subjects = live.filter((unit) => unit.kind === 'word');
    // Only a resource with a subject word is kept, so on a large catalog only those are scored.
    const among =
      subjects.length > 0 &&
      subjects.length < live.length &&
      this.narrowingPays(live.filter((unit) => unit.kind !== 'word'))
        ? this.parts.postings.resourcesMatchingAny(subjects, base)
        : undefined;
    const seen = new Set(found.map((result) => result.id));
    const unitWords = wordsOfUnits(units);
    return this.run(live, 'OR', { ...base, ...(among ? { among } : {}) }).filter(
      (result) =>
        !seen.has(result.id) && coversEnough(matchedUnits(result, units, unitWords), units),
    );
  }

  private run(units: QueryUnit[], combineWith: 'AND' | 'OR', options: RunOptions): SearchResult[] {
    const { fuzzy, allow, among, fields, wordsAsWritten } = options;
    const query: Query = { combineWith, queries: units.map(unitQuery) };
    const searchOptions: SearchOptions = {
      ...(fuzzy ? {} : { fuzzy: false }),
      ...(fields ? { fields } : {}),
      ...(wordsAsWritten
        ? {
            prefix: (term: string) =>
              widening(term, (word) => this.hasWord(word), { asWritten: true }).prefix,
          }
        : {}),
    };
    return this.parts.searcher.search(query, searchOptions, among ?? allow);
  }

  /**
   * For each resource in `scope` whose title or description has some of these words as written
   * (stemmed; no prefix, no typo), how many of them it has.
   */
  countWordsIn(words: string[], scope: ReadonlySet<string>): Map<string, number> {
    const results = this.parts.searcher.search(
      { combineWith: 'OR', queries: words },
      { fields: OWN_WORDS_FIELDS, prefix: false, fuzzy: false },
      this.admittedBy(scope),
    );
    // Words match only as written here, so the query terms a result matched are the words it has.
    return new Map(results.map((result) => [String(result.id), result.queryTerms.length]));
  }

  /**
   * One plain MiniSearch search of the text with the index's own options, nothing planned around
   * it: the reference that the benchmark sets an answer's cost against.
   */
  searchOnce(text: string): SearchResult[] {
    return this.parts.search.search(text);
  }

  /** Whether a query word can match some resource, as written, by prefix or allowing for a typo. */
  couldMatch(word: string): boolean {
    return this.parts.vocabulary.wordReach(word) !== 'none';
  }
}
