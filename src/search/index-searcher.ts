import type { Query, SearchOptions, SearchResult } from 'minisearch';
import type { FieldPostings, MiniSearchInternals } from './minisearch-internals.js';

/** What a query has found in one document so far: MiniSearch's raw result. */
interface Found {
  score: number;
  /** The query terms that matched, each once. */
  terms: string[];
  /**
   * Each indexed word that matched, followed by the field it matched in, in the order found:
   * flat, because building MiniSearch's per-word object at every posting is most of its cost.
   */
  hits: string[];
}

/**
 * A result as MiniSearch returns one. Which words matched in which fields (`match`, `terms`) is
 * worked out when first read: only an explanation reads it, and building it for each of the
 * thousands of results of a common word was a large part of a search on a big catalog.
 */
class FoundResult implements SearchResult {
  [key: string]: unknown;
  private matched: Record<string, string[]> | undefined;

  constructor(
    readonly id: unknown,
    readonly score: number,
    readonly queryTerms: string[],
    private readonly hits: string[],
  ) {}

  get match(): Record<string, string[]> {
    return (this.matched ??= matchOf(this.hits));
  }

  get terms(): string[] {
    return Object.keys(this.match);
  }
}

/** Raw results by document short id, in the order MiniSearch would have found them. */
type FoundIn = Map<number, Found>;

/** One field a term is looked up in, with what its scores need. */
interface SearchedField {
  name: string;
  id: number;
  boost: number;
  averageLength: number;
}

type Options = SearchOptions & Required<Pick<SearchOptions, 'weights' | 'bm25' | 'maxFuzzy'>>;

/** An indexed word a query term reaches, with the weight MiniSearch gives reaching it that way. */
export interface WordReached {
  word: string;
  weight: number;
  postings: FieldPostings;
}

/** Query terms whose reached words are remembered before the memo starts afresh. */
const REACHED_MEMO_SIZE = 10_000;

/**
 * MiniSearch's search, run over its own index by this code: same results, same scores to the
 * last bit and ties in the same order (only `match` may list more fields, see {@link matchOf}).
 * Two things make it cheaper than `MiniSearch.search`:
 * - the words a query term reaches (as written, longer words it starts, words a typo away) and
 *   their weights depend only on the index, so they are worked out once per term and remembered,
 *   where MiniSearch walks its word tree for prefixes and typos on every search;
 * - a search narrowed to some documents (a topic, a candidate set) tests a short id per posting,
 *   where MiniSearch calls a boost function with the document's id and stored fields.
 *
 * The query is read as MiniSearch reads it: its tokenizer and term processing, its prefix, typo
 * and term-boost options, field boosts and BM25+ parameters, and its way of combining queries.
 */
export class IndexSearcher {
  private readonly reached = new Map<string, WordReached[]>();

  /** @param index the MiniSearch index searched (read, never changed). */
  constructor(private readonly index: MiniSearchInternals) {}

  /**
   * Results of `query`, best first, as `MiniSearch.search(query, options)` returns them; with
   * `admits`, only the documents (short ids) it lets through, as a boost of 0 for the others would.
   */
  search(
    query: Query,
    options: SearchOptions,
    admits?: (shortId: number) => boolean,
  ): SearchResult[] {
    const results: SearchResult[] = [];
    for (const [shortId, { score, terms, hits }] of this.run(query, options, admits)) {
      const id = this.index._documentIds.get(shortId);
      results.push(new FoundResult(id, score * (terms.length || 1), terms, hits));
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

  private run(
    query: Query,
    options: SearchOptions,
    admits: ((shortId: number) => boolean) | undefined,
  ): FoundIn {
    if (typeof query === 'symbol') throw new Error('a wildcard query is not supported');
    if (typeof query !== 'string') {
      // A level's options apply to the queries under it, as in MiniSearch.
      const inner: SearchOptions = { ...options, ...query };
      const found = query.queries.map((subquery) => this.run(subquery, inner, admits));
      return combine(found, inner.combineWith);
    }
    const { tokenize, processTerm, searchOptions, fields } = this.index._options;
    const merged = { tokenize, processTerm, ...searchOptions, ...options } as Options;
    const terms = merged.tokenize!(query)
      .flatMap((term) => merged.processTerm!(term))
      .filter((term): term is string => !!term);
    const boosts = merged.boost ?? {};
    const searched = (merged.fields ?? fields).map((name): SearchedField => {
      const id = this.index._fieldIds[name]!;
      const boost = Object.hasOwn(boosts, name) ? boosts[name]! : 0;
      return { name, id, boost: boost || 1, averageLength: this.index._avgFieldLength[id]! };
    });
    const found = terms.map((term, position) => {
      const results: FoundIn = new Map();
      const termBoost =
        typeof merged.boostTerm === 'function' ? merged.boostTerm(term, position, terms) : 1;
      for (const { word, weight, postings } of this.wordsReached(term, position, terms, merged)) {
        this.addPostings(
          term,
          word,
          weight * termBoost,
          postings,
          searched,
          merged.bm25,
          results,
          admits,
        );
      }
      return results;
    });
    return combine(found, merged.combineWith);
  }

  /** The words one query term reaches: as written, then longer words it starts, then typos. */
  private wordsReached(
    term: string,
    position: number,
    terms: string[],
    options: Options,
  ): WordReached[] {
    const fuzzy =
      typeof options.fuzzy === 'function'
        ? options.fuzzy(term, position, terms)
        : options.fuzzy || false;
    const prefix =
      typeof options.prefix === 'function'
        ? options.prefix(term, position, terms)
        : options.prefix === true;
    let distance = 0;
    if (fuzzy) {
      const allowance = fuzzy === true ? 0.2 : fuzzy;
      distance =
        allowance < 1 ? Math.min(options.maxFuzzy, Math.round(term.length * allowance)) : allowance;
    }
    // Weights other than the index's own are not remembered (no search here passes any).
    if (options.weights !== this.index._options.searchOptions.weights) {
      return this.reach(term, prefix, distance, options.weights);
    }
    return this.wordsReachedBy(term, prefix, distance);
  }

  /**
   * The indexed words a (processed) query term reaches with the index's own weights: itself, the
   * longer words it starts when `prefix`, and the words up to `distance` typos away. Remembered
   * per term, since it depends only on the index.
   */
  wordsReachedBy(term: string, prefix: boolean, distance: number): WordReached[] {
    const key = `${prefix ? 'p' : '-'}${distance} ${term}`;
    let reached = this.reached.get(key);
    if (reached === undefined) {
      reached = this.reach(term, prefix, distance, this.index._options.searchOptions.weights);
      if (this.reached.size >= REACHED_MEMO_SIZE) this.reached.clear();
      this.reached.set(key, reached);
    }
    return reached;
  }

  private reach(
    term: string,
    prefix: boolean,
    distance: number,
    weights: Options['weights'],
  ): WordReached[] {
    const tree = this.index._index;
    const reached: WordReached[] = [];
    const exact = tree.get(term);
    if (exact) reached.push({ word: term, weight: 1, postings: exact });
    const typos = distance ? tree.fuzzyGet(term, distance) : undefined;
    if (prefix) {
      for (const [word, postings] of tree.atPrefix(term)) {
        const longer = word.length - term.length;
        if (!longer) continue;
        // A word both longer and a typo away counts as the longer word, as in MiniSearch.
        typos?.delete(word);
        const weight = (weights.prefix! * word.length) / (word.length + 0.3 * longer);
        reached.push({ word, weight, postings });
      }
    }
    for (const [word, [postings, away]] of typos ?? []) {
      if (!away) continue;
      reached.push({
        word,
        weight: (weights.fuzzy! * word.length) / (word.length + away),
        postings,
      });
    }
    return reached;
  }

  /**
   * Scores of one reached word in each field searched, added to each (admitted) document's
   * result. `weight` is the reach's weight times the term's boost, as MiniSearch multiplies them.
   */
  private addPostings(
    term: string,
    word: string,
    weight: number,
    postings: FieldPostings,
    fields: SearchedField[],
    bm25: Options['bm25'],
    found: FoundIn,
    admits: ((shortId: number) => boolean) | undefined,
  ): void {
    const { k, b, d } = bm25;
    const lengthsByField = this.fieldLengths();
    for (const field of fields) {
      const frequencies = postings.get(field.id);
      if (frequencies === undefined) continue;
      // Every document with the word counts for its rarity, admitted or not, as in MiniSearch.
      const matching = frequencies.size;
      const rarity = Math.log(1 + (this.index._documentCount - matching + 0.5) / (matching + 0.5));
      const weighting = weight * field.boost;
      const lengths = lengthsByField[field.id]!;
      for (const [shortId, frequency] of frequencies) {
        if (admits !== undefined && !admits(shortId)) continue;
        const length = lengths[shortId]!;
        const score =
          weighting *
          (rarity *
            (d +
              (frequency * (k + 1)) /
                (frequency + k * (1 - b + (b * length) / field.averageLength))));
        const result = found.get(shortId);
        if (result === undefined) {
          found.set(shortId, { score, terms: [term], hits: [word, field.name] });
          continue;
        }
        result.score += score;
        if (!result.terms.includes(term)) result.terms.push(term);
        result.hits.push(word, field.name);
      }
    }
  }
}

/** Results of the queries at one level, combined as MiniSearch combines them. */
function combine(found: FoundIn[], combineWith = 'or'): FoundIn {
  if (found.length === 0) return new Map();
  const operator = combineWith.toLowerCase();
  if (operator === 'or') return found.reduce(either);
  if (operator === 'and') return found.reduce(both);
  if (operator === 'and_not') return found.reduce(firstWithout);
  throw new Error(`Invalid combination operator: ${combineWith}`);
}

function either(first: FoundIn, second: FoundIn): FoundIn {
  for (const [shortId, result] of second) {
    const existing = first.get(shortId);
    if (existing === undefined) {
      first.set(shortId, result);
      continue;
    }
    existing.score = existing.score + result.score;
    existing.hits.push(...result.hits);
    addUnique(existing.terms, result.terms);
  }
  return first;
}

function both(first: FoundIn, second: FoundIn): FoundIn {
  const combined: FoundIn = new Map();
  for (const [shortId, result] of second) {
    const existing = first.get(shortId);
    if (existing === undefined) continue;
    addUnique(existing.terms, result.terms);
    existing.hits.push(...result.hits);
    // MiniSearch makes a new result here; the one from `first` is never read again, so it is reused.
    existing.score = existing.score + result.score;
    combined.set(shortId, existing);
  }
  return combined;
}

function firstWithout(first: FoundIn, second: FoundIn): FoundIn {
  for (const shortId of second.keys()) first.delete(shortId);
  return first;
}

/**
 * Each matched word with the fields it matched in, in the order found. Where MiniSearch combines
 * two queries that matched the same word it keeps the fields of the second only; this keeps all.
 */
function matchOf(hits: string[]): Record<string, string[]> {
  const match: Record<string, string[]> = {};
  for (let at = 0; at < hits.length; at += 2) {
    const word = hits[at]!;
    const field = hits[at + 1]!;
    const fields = Object.hasOwn(match, word) ? match[word] : undefined;
    if (fields === undefined) match[word] = [field];
    else if (!fields.includes(field)) fields.push(field);
  }
  return match;
}

function addUnique(target: string[], terms: readonly string[]): void {
  for (const term of terms) if (!target.includes(term)) target.push(term);
}
