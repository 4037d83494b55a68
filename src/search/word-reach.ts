import type { Options } from './option-level.js';
import type { FieldPostings, MiniSearchInternals } from './minisearch-internals.js';
import { rememberBounded } from './word-memo.js';

/** MiniSearch 7's weights for a word reached by prefix or by typo, when a search gives none. */
const MINISEARCH_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };

/** An indexed word a query term reaches, with the weight MiniSearch gives reaching it that way. */
export interface WordReached {
  word: string;
  weight: number;
  postings: FieldPostings;
}

/**
 * The indexed words a query term reaches in a MiniSearch index (as written, longer words it
 * starts, words a typo away), with MiniSearch's weights. Read by searches and by the candidate
 * sets narrowed before them, so both widen a word by one rule and share what is remembered.
 */
export class WordReach {
  private readonly reached = new Map<string, WordReached[]>();

  /**
   * @param index the MiniSearch index read (never changed).
   * @param weights the index's own prefix and typo weights, those {@link reachedBy} uses.
   */
  constructor(
    private readonly index: MiniSearchInternals,
    private readonly weights: Options['weights'],
  ) {}

  /**
   * The indexed words a (processed) query term reaches with the index's own weights: itself, the
   * longer words it starts when `prefix`, and the words up to `distance` typos away. Remembered
   * per term, since it depends only on the index.
   */
  reachedBy(term: string, prefix: boolean, distance: number): WordReached[] {
    const key = `${prefix ? 'p' : '-'}${distance} ${term}`;
    let reached = this.reached.get(key);
    if (reached === undefined) {
      reached = this.reach(term, prefix, distance, this.weights);
      rememberBounded(this.reached, key, reached);
    }
    return reached;
  }

  /** What {@link reachedBy} gives, with other weights and not remembered. */
  reach(
    term: string,
    prefix: boolean,
    distance: number,
    weights: Options['weights'],
  ): WordReached[] {
    // Weights a search leaves out are MiniSearch's own defaults, as MiniSearch fills them in.
    const prefixWeight = weights.prefix ?? MINISEARCH_WEIGHTS.prefix;
    const fuzzyWeight = weights.fuzzy ?? MINISEARCH_WEIGHTS.fuzzy;
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
        const weight = (prefixWeight * word.length) / (word.length + 0.3 * longer);
        reached.push({ word, weight, postings });
      }
    }
    for (const [word, [postings, away]] of typos ?? []) {
      if (!away) continue;
      reached.push({
        word,
        weight: (fuzzyWeight * word.length) / (word.length + away),
        postings,
      });
    }
    return reached;
  }
}
