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

/**
 * A MiniSearch search that scores only the documents `admits` lets through. It gives what
 * `search(query, { ...options, boostDocument: (id) => (admitted ? 1 : 0) })` gives, result for
 * result, score for score and in the same order (only `match` may list more fields, see
 * {@link matchOf}), for a fraction of the cost: MiniSearch calls the
 * boost function and does its bookkeeping for every posting of every word, where this tests a
 * short id. On a large catalog a search narrowed to a topic or to a candidate set walks tens of
 * thousands of postings to score a few thousand documents.
 *
 * The query is read as MiniSearch reads it (its tokenizer, term processing, prefix and typo
 * options, field boosts, BM25+ parameters); the scores add up in MiniSearch's order, so they are
 * the same numbers to the last bit, and ties keep MiniSearch's order.
 */
export function searchAdmitted(
  index: MiniSearchInternals,
  query: Query,
  options: SearchOptions,
  admits: (shortId: number) => boolean,
): SearchResult[] {
  const results: SearchResult[] = [];
  for (const [shortId, { score, terms, hits }] of new AdmittedSearch(index, admits).run(
    query,
    options,
  )) {
    const match = matchOf(hits);
    results.push({
      id: index._documentIds.get(shortId),
      score: score * (terms.length || 1),
      terms: Object.keys(match),
      queryTerms: terms,
      match,
    });
  }
  return results.sort((a, b) => b.score - a.score);
}

class AdmittedSearch {
  constructor(
    private readonly index: MiniSearchInternals,
    private readonly admits: (shortId: number) => boolean,
  ) {}

  run(query: Query, options: SearchOptions): FoundIn {
    if (typeof query === 'symbol') throw new Error('a wildcard query is not narrowed');
    if (typeof query !== 'string') {
      // A level's options apply to the queries under it, as in MiniSearch.
      const inner: SearchOptions = { ...options, ...query };
      const found = query.queries.map((subquery) => this.run(subquery, inner));
      return combine(found, inner.combineWith);
    }
    const { tokenize, processTerm, searchOptions } = this.index._options;
    const merged: Options = { tokenize, processTerm, ...searchOptions, ...options } as Options;
    const terms = merged.tokenize!(query)
      .flatMap((term) => merged.processTerm!(term))
      .filter((term): term is string => !!term);
    const found = terms.map((term, position) => this.termResults(term, position, terms, merged));
    return combine(found, merged.combineWith);
  }

  /** One query term: as written, then the longer words it starts, then words a typo away. */
  private termResults(term: string, position: number, terms: string[], options: Options): FoundIn {
    const all: Options = { ...this.index._options.searchOptions, ...options };
    const fuzzy =
      typeof all.fuzzy === 'function' ? all.fuzzy(term, position, terms) : all.fuzzy || false;
    const prefix =
      typeof all.prefix === 'function' ? all.prefix(term, position, terms) : all.prefix === true;
    const termBoost =
      typeof all.boostTerm === 'function' ? all.boostTerm(term, position, terms) : 1;
    const fields = (all.fields ?? this.index._options.fields).map((name): SearchedField => {
      const id = this.index._fieldIds[name]!;
      const boost = Object.hasOwn(all.boost ?? {}, name) ? all.boost![name]! : 0;
      return { name, id, boost: boost || 1, averageLength: this.index._avgFieldLength[id]! };
    });
    const { weights, bm25, maxFuzzy } = all;
    const found: FoundIn = new Map();
    const add = (derived: string, weight: number, postings: FieldPostings | undefined) =>
      this.addPostings(term, derived, weight, termBoost, postings, fields, bm25, found);
    add(term, 1, this.index._index.get(term));
    let typoMatches: Map<string, [FieldPostings, number]> | undefined;
    if (fuzzy) {
      const allowance = fuzzy === true ? 0.2 : fuzzy;
      const distance =
        allowance < 1 ? Math.min(maxFuzzy, Math.round(term.length * allowance)) : allowance;
      if (distance) typoMatches = this.index._index.fuzzyGet(term, distance);
    }
    if (prefix) {
      for (const [word, postings] of this.index._index.atPrefix(term)) {
        const distance = word.length - term.length;
        if (!distance) continue;
        // A word both longer and a typo away counts as the longer word, as in MiniSearch.
        typoMatches?.delete(word);
        add(word, (weights.prefix! * word.length) / (word.length + 0.3 * distance), postings);
      }
    }
    for (const [word, [postings, distance]] of typoMatches ?? []) {
      if (!distance) continue;
      add(word, (weights.fuzzy! * word.length) / (word.length + distance), postings);
    }
    return found;
  }

  private addPostings(
    term: string,
    derived: string,
    weight: number,
    termBoost: number,
    postings: FieldPostings | undefined,
    fields: SearchedField[],
    bm25: Options['bm25'],
    found: FoundIn,
  ): void {
    if (postings === undefined) return;
    const { k, b, d } = bm25;
    for (const field of fields) {
      const frequencies = postings.get(field.id);
      if (frequencies === undefined) continue;
      // Every document with the word counts for its rarity, admitted or not, as in MiniSearch.
      const matching = frequencies.size;
      const rarity = Math.log(1 + (this.index._documentCount - matching + 0.5) / (matching + 0.5));
      for (const [shortId, frequency] of frequencies) {
        if (!this.admits(shortId)) continue;
        const length = this.index._fieldLength.get(shortId)![field.id]!;
        const raw =
          rarity *
          (d +
            (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / field.averageLength)));
        const score = weight * termBoost * field.boost * raw;
        const result = found.get(shortId);
        if (result === undefined) {
          found.set(shortId, { score, terms: [term], hits: [derived, field.name] });
          continue;
        }
        result.score += score;
        if (!result.terms.includes(term)) result.terms.push(term);
        result.hits.push(derived, field.name);
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
    combined.set(shortId, {
      score: existing.score + result.score,
      terms: existing.terms,
      hits: existing.hits,
    });
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
