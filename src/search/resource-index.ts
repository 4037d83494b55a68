import MiniSearch, { type AsPlainObject, type Query, type SearchResult } from 'minisearch';
import type { Catalog, Resource } from '../content/types.js';
import { typoAllowance } from './edit-distance.js';
import { FIELD_BOOSTS, toDocument, type IndexedResource } from './indexed-resource.js';
import { coversEnough, matchedUnits, wordsOfUnits, type QueryUnit } from './query-unit.js';
import { STOP_WORDS, splitWords, stem } from './text.js';
import type { TopicMatcher } from './topic-matcher.js';

export { TEXT_FIELDS } from './indexed-resource.js';
export { wordUnit, type QueryUnit } from './query-unit.js';

/** How a search may widen or narrow what it returns. */
export interface FindOptions {
  /** Only resources for which this is true. */
  scope?: (resource: Resource) => boolean;
  /** Whether partial matches may be added when every unit together finds too little (default true). */
  relaxed?: boolean;
  /** Fields to match in; all of them when unset. */
  fields?: string[];
}

/** How one minisearch query runs. */
interface RunOptions {
  fuzzy: boolean;
  /** Resources that may be scored at all. */
  allow: (id: string) => boolean;
  fields?: string[] | undefined;
  /** Known words match only as written (no prefix widening). */
  wordsAsWritten?: boolean;
}

/** A resource found by a search, with its relevance score. */
export interface ScoredResource {
  resource: Resource;
  score: number;
  /** Each indexed word that matched, with the fields it matched in (for explaining a score). */
  match?: Record<string, string[]>;
}

/** Below this share of the best score a result is too weak to show. */
const RELATIVE_SCORE_CUTOFF = 0.25;
const MATCHABLE_CACHE_SIZE = 10_000;
/** With fewer AND hits than this, the relaxed search adds partial matches. */
const ENOUGH_RESULTS = 3;

/** A {@link ResourceIndex} as plain data, to store and restore without indexing again. */
export interface SavedResourceIndex {
  search: AsPlainObject;
  documentFrequency: [string, number][];
}

/** The full-text index over a catalog's resources, built once per catalog. */
export class ResourceIndex {
  private readonly search: MiniSearch<IndexedResource>;
  /** For each indexed (stemmed) word, how many resources have it. */
  private readonly documentFrequency = new Map<string, number>();
  private readonly matchable = new Map<string, boolean>();

  /** Indexes the catalog, or takes the index {@link toJSON} saved for this same catalog. */
  constructor(
    private readonly catalog: Catalog,
    topicMatcher: TopicMatcher,
    saved?: SavedResourceIndex,
  ) {
    // The words of the document being added, gathered as minisearch processes them (queries too
    // go through processTerm, so gathering is on only while indexing).
    let gathering: Set<string> | undefined;
    const options = {
      fields: Object.keys(FIELD_BOOSTS),
      tokenize: (text: string) => splitWords(text),
      processTerm: (term: string) => {
        if (STOP_WORDS.has(term)) return null;
        const processed = stem(term);
        gathering?.add(processed);
        return processed;
      },
      searchOptions: {
        boost: FIELD_BOOSTS,
        // Shorter prefixes match too many words to mean anything.
        prefix: (term: string) => term.length >= 4,
        // Only words the index does not have get a typo allowance: a known word means itself.
        fuzzy: (term: string) => (this.hasWord(term) ? false : typoAllowance(term) || false),
      },
    };
    if (saved) {
      this.search = MiniSearch.loadJS<IndexedResource>(saved.search, options);
      this.documentFrequency = new Map(saved.documentFrequency);
      return;
    }
    this.search = new MiniSearch<IndexedResource>(options);
    for (const resource of catalog.resources) {
      gathering = new Set();
      this.search.add(toDocument(resource, catalog, topicMatcher));
      for (const word of gathering) {
        this.documentFrequency.set(word, (this.documentFrequency.get(word) ?? 0) + 1);
      }
    }
    gathering = undefined;
  }

  /** The index as plain data, for the constructor to restore over the same catalog. */
  toJSON(): SavedResourceIndex {
    return { search: this.search.toJSON(), documentFrequency: [...this.documentFrequency] };
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
    const inScope = scope ? (id: string) => scope(this.catalog.resourcesById.get(id)!) : () => true;
    const live = units.filter((unit) => this.canMatch(unit));
    let fuzzy = false;
    let results: SearchResult[] = [];
    if (live.length === units.length) {
      results = this.matchAll(units, { fuzzy, allow: inScope, fields });
      // Typos are allowed only when the words as written find nothing: fewer false friends.
      if (results.length === 0 && !this.knowsEveryWord(units)) {
        fuzzy = true;
        results = this.matchAll(units, { fuzzy, allow: inScope, fields });
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
    const best = Math.max(0, ...results.map((result) => result.score));
    return results
      .filter((result) => result.score >= best * RELATIVE_SCORE_CUTOFF)
      .map((result) => ({
        resource: this.catalog.resourcesById.get(String(result.id))!,
        score: result.score,
        match: result.match,
      }));
  }

  /**
   * Resources matching every unit. Only resources that match the rarest unit are scored for the
   * others: on a large catalog, scoring every resource that has a common word is what costs.
   */
  private matchAll(units: QueryUnit[], options: RunOptions): SearchResult[] {
    if (units.length === 1) return this.run(units, 'AND', options);
    const rarest = units.reduce((a, b) => (this.frequency(a) <= this.frequency(b) ? a : b));
    const candidates = new Set(
      this.run([rarest], 'OR', options).map((result) => String(result.id)),
    );
    return this.run(units, 'AND', { ...options, allow: (id) => candidates.has(id) });
  }

  /**
   * Resources matching at least half of the units (and a subject word when there is one), not
   * already in `found`. Only resources with a subject word are scored for the other units.
   */
  private matchPartly(
    units: QueryUnit[],
    live: QueryUnit[],
    found: SearchResult[],
    inScope: (id: string) => boolean,
    fields: string[] | undefined,
  ): SearchResult[] {
    const fuzzy = !this.knowsEveryWord(live);
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
    let allow = inScope;
    if (subjects.length > 0 && subjects.length < live.length) {
      const candidates = new Set(this.run(subjects, 'OR', base).map((result) => String(result.id)));
      allow = (id) => candidates.has(id);
    }
    const seen = new Set(found.map((result) => result.id));
    const unitWords = wordsOfUnits(units);
    return this.run(live, 'OR', { ...base, allow }).filter(
      (result) =>
        !seen.has(result.id) && coversEnough(matchedUnits(result, units, unitWords), units),
    );
  }

  private run(units: QueryUnit[], combineWith: 'AND' | 'OR', options: RunOptions): SearchResult[] {
    const { fuzzy, allow, fields, wordsAsWritten } = options;
    const query: Query = {
      combineWith,
      queries: units.map((unit) => ({
        combineWith: 'OR',
        queries: unit.alternatives.map((words) => ({ combineWith: 'AND', queries: words })),
        ...(unit.fields ? { fields: unit.fields } : {}),
      })),
    };
    return this.search.search(query, {
      // A zero boost makes minisearch skip a resource before scoring it, unlike a filter.
      boostDocument: (id) => (allow(String(id)) ? 1 : 0),
      ...(fuzzy ? {} : { fuzzy: false }),
      ...(fields ? { fields } : {}),
      ...(wordsAsWritten
        ? { prefix: (term: string) => term.length >= 4 && !this.hasWord(term) }
        : {}),
    });
  }

  /** How many resources have the unit's words, as an estimate of its cost to score. */
  private frequency(unit: QueryUnit): number {
    return unit.alternatives.reduce(
      (total, words) =>
        total + Math.min(...words.map((word) => this.documentFrequency.get(stem(word)) ?? 0)),
      0,
    );
  }

  /** Whether some phrasing of the unit has only words that some resource has, allowing for prefixes and typos. */
  private canMatch(unit: QueryUnit): boolean {
    return unit.alternatives.some((words) => words.every((word) => this.wordCanMatch(word)));
  }

  /**
   * For each resource in `scope` whose title or description has some of these words as written
   * (stemmed; no prefix, no typo), how many of them it has.
   */
  countWordsIn(words: string[], scope: (id: string) => boolean): Map<string, number> {
    const results = this.search.search(
      { combineWith: 'OR', queries: words },
      {
        fields: ['title', 'description'],
        prefix: false,
        fuzzy: false,
        boostDocument: (id) => (scope(String(id)) ? 1 : 0),
      },
    );
    return new Map(results.map((result) => [String(result.id), result.terms.length]));
  }

  /** Whether a query word can match some resource, as written, by prefix or allowing for a typo. */
  couldMatch(word: string): boolean {
    return this.wordCanMatch(word);
  }

  private wordCanMatch(word: string): boolean {
    const known = this.matchable.get(word);
    if (known !== undefined) return known;
    const found =
      this.hasWord(stem(word)) ||
      this.search.search(word, { fields: Object.keys(FIELD_BOOSTS) }).length > 0;
    // User input is unbounded; the cache is not allowed to grow with it.
    if (this.matchable.size >= MATCHABLE_CACHE_SIZE) this.matchable.clear();
    this.matchable.set(word, found);
    return found;
  }

  /** True when every word of the query is in the index as written: typo matching could only add noise. */
  private knowsEveryWord(units: QueryUnit[]): boolean {
    return units.every((unit) =>
      unit.alternatives.flat().every((word) => this.hasWord(stem(word))),
    );
  }
}
