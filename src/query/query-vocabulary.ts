import type { ResourceType } from '../content/types.js';
import type { Vocabulary } from '../content/vocabulary.js';
import { editDistance, typoAllowance } from '../search/edit-distance.js';
import { splitWords, stem } from '../search/text.js';
import { memoiseByWord } from '../search/word-memo.js';

/** What a vocabulary word does to a query. */
export type WordRole = 'filler' | 'generic' | 'type' | 'comparison';

/** A vocabulary phrase found in a query. */
export interface VocabularyMatch {
  role: WordRole;
  /** The resource type asked for, for a `type` word. */
  type?: ResourceType;
  /** How many query words the phrase covers. */
  length: number;
}

interface Entry {
  stems: string[];
  role: WordRole;
  type?: ResourceType;
}

/** Typos are forgiven only on vocabulary words at least this long: short ones collide with real words. */
const SHORTEST_TYPO_WORD = 6;

/** A {@link Vocabulary} compiled for matching query words, by their stems, phrases first. */
export class QueryVocabulary {
  private readonly byFirstStem = new Map<string, Entry[]>();
  private readonly typoCandidates: Entry[] = [];
  /** The first stems of the comparison phrases ("vs", "compare", "difference between"). */
  private readonly comparisonStarts = new Set<string>();

  constructor(vocabulary: Vocabulary) {
    // A word listed twice keeps its first role: a resource type says more than a learning word.
    for (const [type, words] of Object.entries(vocabulary.types)) {
      for (const phrase of words) this.add(phrase, 'type', type as ResourceType);
    }
    for (const phrase of vocabulary.comparison) this.add(phrase, 'comparison');
    for (const phrase of vocabulary.generic) this.add(phrase, 'generic');
    for (const phrase of vocabulary.filler) this.add(phrase, 'filler');
    for (const entries of this.byFirstStem.values()) {
      entries.sort((a, b) => b.stems.length - a.stems.length);
    }
  }

  private add(phrase: string, role: WordRole, type?: ResourceType): void {
    const stems = splitWords(phrase).map(stem);
    if (stems.length === 0) return;
    const entries = this.byFirstStem.get(stems[0]!) ?? [];
    if (entries.some((entry) => entry.stems.join(' ') === stems.join(' '))) return;
    const entry: Entry = { stems, role, ...(type ? { type } : {}) };
    entries.push(entry);
    this.byFirstStem.set(stems[0]!, entries);
    if (role === 'comparison') this.comparisonStarts.add(stems[0]!);
    if (stems.length === 1 && stems[0]!.length >= SHORTEST_TYPO_WORD)
      this.typoCandidates.push(entry);
  }

  /** The longest vocabulary phrase starting at word `index` of the query's stems. */
  matchAt(stems: string[], index: number): VocabularyMatch | undefined {
    const entry = this.byFirstStem
      .get(stems[index]!)
      ?.find((candidate) => candidate.stems.every((word, k) => stems[index + k] === word));
    return entry ? toMatch(entry, entry.stems.length) : undefined;
  }

  /** Whether some comparison phrase could start at one of these stems: most queries compare nothing. */
  mayCompare(stems: string[]): boolean {
    return stems.some((stemmed) => this.comparisonStarts.has(stemmed));
  }

  /** Whether a stem is a one-word vocabulary entry. */
  has(stemmed: string): boolean {
    return this.byFirstStem.get(stemmed)?.some((entry) => entry.stems.length === 1) ?? false;
  }

  /** The vocabulary word a misspelt word most likely is (`tutoral`, `beginers`), if any is close. */
  readonly closest = memoiseByWord((stemmed) => this.closestEntry(stemmed));

  private closestEntry(stemmed: string): VocabularyMatch | undefined {
    const allowance = Math.min(typoAllowance(stemmed), 1);
    if (allowance === 0 || stemmed.length < SHORTEST_TYPO_WORD - 1) return undefined;
    for (const entry of this.typoCandidates) {
      if (editDistance(stemmed, entry.stems[0]!, allowance) <= allowance) return toMatch(entry, 1);
    }
    return undefined;
  }
}

function toMatch(entry: Entry, length: number): VocabularyMatch {
  return { role: entry.role, length, ...(entry.type ? { type: entry.type } : {}) };
}
