import { typoAllowance } from './edit-distance.js';
import type { MiniSearchInternals, WordTree } from './minisearch-internals.js';
import type { QueryUnit } from './query-unit.js';
import { STOP_WORDS, splitWords, stem } from './text.js';
import { memoiseByWord } from './word-memo.js';

/**
 * How a query word can meet the index: as a word some resource has, as the start of longer
 * words (four letters or more), only allowing for a typo, or not at all.
 */
export type WordReach = 'exact' | 'prefix' | 'typo' | 'none';

/** Shortest word that matches longer words starting with it (the index's `prefix` search option). */
export const SHORTEST_PREFIX = 4;

const RANK: Record<WordReach, number> = { none: 0, typo: 1, prefix: 2, exact: 3 };

/**
 * What the index's vocabulary says about query words, without running a search: whether a word
 * can match and how (as written, by prefix, with a typo), and how many resources have it. A
 * search plan reads these to run only the searches that can find something.
 */
export class IndexVocabulary {
  private readonly words: WordTree;
  /** How a query word can match, as a search with the index's options would match it. */
  readonly wordReach = memoiseByWord((word): WordReach =>
    this.has(stem(word)) ? 'exact' : this.reachOfTerms(word),
  );

  /**
   * @param documentFrequency for each indexed (stemmed) word, how many resources have it.
   * @param search the MiniSearch index whose words are looked up by prefix and typo.
   */
  constructor(
    private readonly documentFrequency: Map<string, number>,
    search: MiniSearchInternals,
  ) {
    // MiniSearch 7 keeps its words in a radix tree it does not expose; reading it spares a second
    // copy of every word, which at a million resources is hundreds of megabytes.
    this.words = search._index;
  }

  /** True when some resource contains this (stemmed) word exactly. */
  has(stemmed: string): boolean {
    return this.documentFrequency.has(stemmed);
  }

  /** How many resources have the unit's words, as an estimate of its cost to score. */
  frequency(unit: QueryUnit): number {
    return unit.alternatives.reduce(
      (total, words) =>
        total + Math.min(...words.map((word) => this.documentFrequency.get(stem(word)) ?? 0)),
      0,
    );
  }

  /** Whether some phrasing of the unit has only words that can match, at `least` as well as given. */
  canMatch(unit: QueryUnit, least: WordReach = 'typo'): boolean {
    return unit.alternatives.some((words) =>
      words.every((word) => RANK[this.wordReach(word)] >= RANK[least]),
    );
  }

  /**
   * Whether allowing typos could match more than the words as written: only a word the index
   * lacks, long enough for a typo allowance, is ever matched with one.
   */
  typosCouldWiden(units: QueryUnit[]): boolean {
    return units.some((unit) =>
      unit.alternatives.some((words) => words.some((word) => this.typoWidens(word))),
    );
  }

  /**
   * Whether each word of the units is one term some resource has, that starts no longer word:
   * then no typo or prefix widens it, and a result's query terms show which units it matched
   * whichever way the units are combined, so one search of any unit tells which matched all.
   */
  wordsMatchOnlyAsWritten(units: QueryUnit[]): boolean {
    return units.every((unit) =>
      unit.alternatives.every((words) => words.every((word) => this.onlyAsWritten(word))),
    );
  }

  private readonly onlyAsWritten = memoiseByWord((word) => {
    const tokens = splitWords(word);
    if (tokens.length !== 1 || STOP_WORDS.has(tokens[0]!)) return false;
    const term = stem(tokens[0]!);
    return this.has(term) && (term.length < SHORTEST_PREFIX || !this.startsLongerWord(term));
  });

  private readonly typoWidens = memoiseByWord((word) =>
    splitWords(word).some((token) => {
      if (STOP_WORDS.has(token)) return false;
      const term = stem(token);
      return !this.has(term) && typoAllowance(term) > 0;
    }),
  );

  // The best reach of the terms the index makes of the word (a search matches any of them).
  private reachOfTerms(word: string): WordReach {
    let best: WordReach = 'none';
    for (const token of splitWords(word)) {
      if (STOP_WORDS.has(token)) continue;
      const reach = this.reachOfTerm(stem(token));
      if (RANK[reach] > RANK[best]) best = reach;
    }
    return best;
  }

  private reachOfTerm(term: string): WordReach {
    if (this.has(term)) return 'exact';
    if (term.length >= SHORTEST_PREFIX && this.startsLongerWord(term)) return 'prefix';
    const allowance = typoAllowance(term);
    return allowance > 0 && this.words.fuzzyGet(term, allowance).size > 0 ? 'typo' : 'none';
  }

  private startsLongerWord(prefix: string): boolean {
    for (const key of this.words.atPrefix(prefix).keys())
      if (key.length > prefix.length) return true;
    return false;
  }
}
