import type { Query, SearchOptions, SearchResult } from 'minisearch';
import type { DocumentFilter } from './document-set.js';
import { combine, combineHits, FoundResult, type FoundIn } from './found-results.js';
import { OptionLevel, type Options } from './option-level.js';
import { rememberBounded } from './word-memo.js';
import type { FieldPostings, MiniSearchInternals } from './minisearch-internals.js';
import { WordReach, type WordReached } from './word-reach.js';

/** One field a term is looked up in, with what its scores need. */
interface SearchedField {
  name: string;
  id: number;
  boost: number;
  averageLength: number;
}

/**
 * A posting looked up by short id costs about this many steps of a walk through the postings:
 * below that share of a word's documents, a narrowed search looks up the ones it admits.
 */
const LOOKUPS_PER_STEP = 4;

/**
 * MiniSearch's search, run over its own index by this code: same results, same scores to the
 * last bit and ties in the same order (only `match` may list more fields than MiniSearch's).
 * What makes it cheaper than `MiniSearch.search`:
 * - the words a query term reaches (as written, longer words it starts, words a typo away) and
 *   their weights depend only on the index, so they are worked out once per term and remembered,
 *   where MiniSearch walks its word tree for prefixes and typos on every search;
 * - a search narrowed to some documents (a topic, a candidate set) tests a short id per posting,
 *   or looks each document up when they are few, where MiniSearch calls a boost function with
 *   the document's id and stored fields;
 * - which word matched in which field is read back for a result when asked, not recorded at
 *   every posting.
 *
 * The query is read as MiniSearch reads it: its tokenizer and term processing, its prefix, typo
 * and term-boost options, field boosts and BM25+ parameters, and its way of combining queries.
 */
export class IndexSearcher {
  /** The words a query term reaches, remembered per term; shared with the candidate sets. */
  readonly words: WordReach;
  private readonly terms = new Map<string, string[]>();
  private readonly fields = new WeakMap<string[], WeakMap<object, SearchedField[]>>();
  /** The index's own options, under every search's. */
  private readonly defaults: Options;

  /** @param index the MiniSearch index searched (read, never changed). */
  constructor(private readonly index: MiniSearchInternals) {
    const { tokenize, processTerm, searchOptions } = index._options;
    this.defaults = { tokenize, processTerm, ...searchOptions } as Options;
    this.words = new WordReach(index, this.defaults.weights);
  }

  /**
   * Results of `query`, best first, as `MiniSearch.search(query, options)` returns them; with
   * `admits`, only the documents (short ids) it has, as a boost of 0 for the others would.
   */
  search(query: Query, options: SearchOptions, admits?: DocumentFilter): SearchResult[] {
    if (options.boostDocument || options.filter) {
      throw new Error('IndexSearcher narrows with `admits`; it takes no boostDocument or filter');
    }
    const results: SearchResult[] = [];
    const level = new OptionLevel(options, undefined);
    const matches = { hitsOf: (shortId: number) => this.hitsOf(query, level, shortId) ?? [] };
    for (const [shortId, { score, terms }] of this.run(query, level, admits)) {
      const id = this.index._documentIds.get(shortId);
      results.push(new FoundResult(id, score * (terms.length || 1), terms, shortId, matches));
    }
    return results.sort((a, b) => b.score - a.score);
  }

  /**
   * Each field's length in every document, by short id: MiniSearch keeps an array per document in
   * a Map, and looking one up per posting was a third of a large search. Built on first use,
   * since the index is searched only once it is complete and never changes after.
   */
  private lengthsByField: (Uint16Array | Uint32Array)[] | undefined;

  private fieldLengths(): (Uint16Array | Uint32Array)[] {
    if (this.lengthsByField) return this.lengthsByField;
    let size = 0;
    let longest = 0;
    for (const [shortId, lengths] of this.index._fieldLength) {
      size = Math.max(size, shortId + 1);
      for (const length of lengths) longest = Math.max(longest, length ?? 0);
    }
    const fields = Object.keys(this.index._fieldIds).length;
    // Two bytes a length while every field is under 65,536 words; four past that.
    const Lengths = longest < 2 ** 16 ? Uint16Array : Uint32Array;
    const byField = Array.from({ length: fields }, () => new Lengths(size));
    for (const [shortId, lengths] of this.index._fieldLength) {
      for (let field = 0; field < fields; field++) byField[field]![shortId] = lengths[field] ?? 0;
    }
    return (this.lengthsByField = byField);
  }

  private run(query: Query, level: OptionLevel, admits: DocumentFilter | undefined): FoundIn {
    if (typeof query === 'symbol') throw new Error('a wildcard query is not supported');
    if (typeof query !== 'string') {
      // A level's options apply to the queries under it, as in MiniSearch.
      const inner = new OptionLevel(query, level);
      const found = query.queries.map((subquery) => this.run(subquery, inner, admits));
      // MiniSearch combines a level without the index's own default, as this does.
      return combine(found, inner.own('combineWith'));
    }
    const { option, terms, searched } = this.readLeaf(query, level);
    const boostTerm = option('boostTerm');
    const bm25 = option('bm25');
    const found = terms.map((term, position) => {
      const results: FoundIn = new Map();
      const termBoost = typeof boostTerm === 'function' ? boostTerm(term, position, terms) : 1;
      for (const { weight, postings } of this.wordsReached(term, position, terms, option)) {
        this.addPostings(term, weight * termBoost, postings, searched, bm25, results, admits);
      }
      return results;
    });
    return combine(found, option('combineWith'));
  }

  /** A query string as its level reads it: the options in effect, its terms, the fields searched. */
  private readLeaf(query: string, level: OptionLevel) {
    const option = <K extends keyof Options>(name: K) => level.get(name, this.defaults);
    const terms = this.termsOf(query, option('tokenize')!, option('processTerm')!);
    const searched = this.searchedFields(
      option('fields') ?? this.index._options.fields,
      option('boost'),
    );
    return { option, terms, searched };
  }

  /**
   * The words (each followed by its field) through which `query` finds one document, in the
   * order its search adds them up; undefined when it does not find the document. Read back from
   * the postings, for the few results an explanation shows, instead of kept for every posting.
   */
  private hitsOf(query: Query, level: OptionLevel, shortId: number): string[] | undefined {
    if (typeof query === 'symbol') return undefined;
    if (typeof query !== 'string') {
      const inner = new OptionLevel(query, level);
      const found = query.queries.map((subquery) => this.hitsOf(subquery, inner, shortId));
      return combineHits(found, inner.own('combineWith'));
    }
    const { option, terms, searched } = this.readLeaf(query, level);
    const found = terms.map((term, position) => {
      const hits: string[] = [];
      for (const { word, postings } of this.wordsReached(term, position, terms, option)) {
        for (const field of searched) {
          if (postings.get(field.id)?.has(shortId)) hits.push(word, field.name);
        }
      }
      return hits.length > 0 ? hits : undefined;
    });
    return combineHits(found, option('combineWith'));
  }

  /** The query terms of a query string, as MiniSearch tokenizes and processes it. */
  private termsOf(
    query: string,
    tokenize: NonNullable<Options['tokenize']>,
    processTerm: NonNullable<Options['processTerm']>,
  ): string[] {
    // Only the index's own tokenizer and term processing are remembered (no search passes others).
    const own = tokenize === this.defaults.tokenize && processTerm === this.defaults.processTerm;
    let terms = own ? this.terms.get(query) : undefined;
    if (terms === undefined) {
      terms = tokenize(query)
        .flatMap((term) => processTerm(term))
        .filter((term): term is string => !!term);
      if (own) rememberBounded(this.terms, query, terms);
    }
    return terms;
  }

  /** The fields a term is looked up in, with their boosts and average lengths, once per list. */
  private searchedFields(names: string[], boosts: Record<string, number> = {}): SearchedField[] {
    let byBoosts = this.fields.get(names);
    if (byBoosts === undefined) this.fields.set(names, (byBoosts = new WeakMap()));
    let searched = byBoosts.get(boosts);
    if (searched === undefined) {
      searched = names.map((name) => {
        const id = this.index._fieldIds[name]!;
        const boost = Object.hasOwn(boosts, name) ? boosts[name]! : 0;
        return { name, id, boost: boost || 1, averageLength: this.index._avgFieldLength[id]! };
      });
      byBoosts.set(boosts, searched);
    }
    return searched;
  }

  /** The words one query term reaches: as written, then longer words it starts, then typos. */
  private wordsReached(
    term: string,
    position: number,
    terms: string[],
    option: <K extends keyof Options>(name: K) => Options[K],
  ): WordReached[] {
    const fuzzyOption = option('fuzzy');
    const prefixOption = option('prefix');
    const fuzzy =
      typeof fuzzyOption === 'function' ? fuzzyOption(term, position, terms) : fuzzyOption || false;
    const prefix =
      typeof prefixOption === 'function'
        ? prefixOption(term, position, terms)
        : prefixOption === true;
    let distance = 0;
    if (fuzzy) {
      const allowance = fuzzy === true ? 0.2 : fuzzy;
      distance =
        allowance < 1
          ? Math.min(option('maxFuzzy'), Math.round(term.length * allowance))
          : allowance;
    }
    // Weights other than the index's own are not remembered (no search here passes any).
    const weights = option('weights');
    if (weights !== this.defaults.weights) return this.words.reach(term, prefix, distance, weights);
    return this.words.reachedBy(term, prefix, distance);
  }

  /**
   * Scores of one reached word in each field searched, added to each (admitted) document's
   * result. `weight` is the reach's weight times the term's boost, as MiniSearch multiplies them.
   */
  private addPostings(
    term: string,
    weight: number,
    postings: FieldPostings,
    fields: SearchedField[],
    bm25: Options['bm25'],
    found: FoundIn,
    admits: DocumentFilter | undefined,
  ): void {
    const { k, b, d } = bm25;
    const lengthsByField = this.fieldLengths();
    const listed = admits?.ascending?.();
    for (const field of fields) {
      const frequencies = postings.get(field.id);
      if (frequencies === undefined) continue;
      // Every document with the word counts for its rarity, admitted or not, as in MiniSearch.
      const matching = frequencies.size;
      const rarity = Math.log(1 + (this.index._documentCount - matching + 0.5) / (matching + 0.5));
      const weighting = weight * field.boost;
      const lengths = lengthsByField[field.id]!;
      // A few admitted documents among many postings: each one is looked up instead.
      const lookUp = listed !== undefined && listed.length * LOOKUPS_PER_STEP < matching;
      const entries = lookUp ? postingsOfListed(frequencies, listed) : frequencies;
      const tested = lookUp ? undefined : admits;
      for (const [shortId, frequency] of entries) {
        if (tested !== undefined && !tested.has(shortId)) continue;
        const length = lengths[shortId]!;
        const score =
          weighting *
          (rarity *
            (d +
              (frequency * (k + 1)) /
                (frequency + k * (1 - b + (b * length) / field.averageLength))));
        const result = found.get(shortId);
        if (result === undefined) {
          found.set(shortId, { score, terms: [term] });
          continue;
        }
        result.score += score;
        if (!result.terms.includes(term)) result.terms.push(term);
      }
    }
  }
}

/**
 * The postings of the listed documents that have the word, in the listed order. Postings list
 * their documents by ascending short id (as indexed, and as restored from saved JSON), so with
 * the members listed that way they come in the order a walk through the postings finds them.
 */
function postingsOfListed(
  frequencies: Map<number, number>,
  listed: readonly number[],
): Map<number, number> {
  const picked = new Map<number, number>();
  for (const shortId of listed) {
    const frequency = frequencies.get(shortId);
    if (frequency !== undefined) picked.set(shortId, frequency);
  }
  return picked;
}
