import type { Topic } from '../content/types.js';
import { editDistance, typoAllowance } from './edit-distance.js';
import { splitWords, stem, STOP_WORDS } from './text.js';
import { memoiseByWord } from './word-memo.js';

/** A topic named in a query, by its name or an alias, at words `start` to `end` (exclusive). */
export interface TopicMention {
  topic: Topic;
  start: number;
  end: number;
  /** False when the word only matched after allowing for a typo. */
  exact: boolean;
}

interface Phrase {
  words: string[];
  topic: Topic;
}

/** Finds topics named in a query by their name or an alias, longest phrase first, typos allowed on long single words. */
export class TopicMatcher {
  private readonly phrasesByFirstWord = new Map<string, Phrase[]>();
  /**
   * The names of several words by their first two words, longest first: a big catalog has
   * thousands of names, and hundreds may start with one common word.
   */
  private readonly phrasesByFirstTwoWords = new Map<string, Map<string, Phrase[]>>();
  /** The most words in a name. */
  private readonly longestPhrase: number;
  private readonly singleWordPhrases: Phrase[] = [];
  private readonly multiWordPhrases: Phrase[] = [];
  /** Every word of the names of several words, once. */
  private readonly multiWordNameWords: string[];
  /** How one-word names begin: their first two letters, or the whole name when shorter. */
  private readonly singleWordStarts = new Set<string>();
  /** The one-word name closest to a word, allowing for typos (memoised: it compares every name). */
  private readonly closestSingleWord = memoiseByWord((word) => this.closestName(word));
  /** The words of longer names that a typed word is within a typo of (memoised for the same reason). */
  private readonly namesWordsNear = memoiseByWord((typed) => this.nameWordsWithinTypo(typed));

  constructor(topics: Topic[]) {
    // Topics with more resources win when two share a phrase.
    const ordered = [...topics].sort((a, b) => topicWeight(b) - topicWeight(a));
    for (const topic of ordered) {
      for (const text of [topic.name, ...topic.aliases]) {
        const words = phraseWords(text);
        if (words.length === 0) continue;
        const phrase = { words, topic };
        const list = this.phrasesByFirstWord.get(words[0]!) ?? [];
        list.push(phrase);
        this.phrasesByFirstWord.set(words[0]!, list);
        if (words.length === 1) {
          this.singleWordPhrases.push(phrase);
          this.singleWordStarts.add(words[0]!.slice(0, 2));
        } else this.multiWordPhrases.push(phrase);
      }
    }
    for (const list of this.phrasesByFirstWord.values()) {
      list.sort((a, b) => b.words.length - a.words.length);
      for (const phrase of list) {
        if (phrase.words.length < 2) continue;
        const [first, second] = phrase.words as [string, string];
        const bySecond = this.phrasesByFirstTwoWords.get(first) ?? new Map<string, Phrase[]>();
        this.phrasesByFirstTwoWords.set(first, bySecond);
        const sameStart = bySecond.get(second) ?? [];
        sameStart.push(phrase);
        bySecond.set(second, sameStart);
      }
    }
    this.longestPhrase = Math.max(1, ...this.multiWordPhrases.map((phrase) => phrase.words.length));
    this.multiWordNameWords = [...new Set(this.multiWordPhrases.flatMap((phrase) => phrase.words))];
  }

  /**
   * The topic mentions in a list of query words (as {@link splitWords} gives them). A word the
   * index knows (`isKnownWord`) is never read as a misspelt topic.
   */
  findMentions(
    words: string[],
    isKnownWord: (word: string) => boolean = () => false,
  ): TopicMention[] {
    const stems = words.map(stem);
    const mentions: TopicMention[] = [];
    for (let i = 0; i < stems.length; i++) {
      const phrase = this.phraseAt(stems, i);
      if (phrase) {
        const end = i + phrase.words.length;
        // Two names overlap ("mlflow tracking server": MLflow Tracking, and MLflow Server by its
        // alias "tracking server"): the one ending later is what is asked about, as English puts
        // the head of a compound last. The words before it may still name a topic of their own.
        const later = this.overlapEndingLater(stems, i, end);
        if (later) {
          const before = this.phraseAt(stems, i, later.start - i);
          const { topic } = later.phrase;
          // A topic above the later one ("mlflow" before "tracking server") only says where it
          // is: its words join the later mention.
          const above = before !== undefined && isWithin(topic, before.topic);
          if (before && !above) {
            mentions.push({
              topic: before.topic,
              start: i,
              end: i + before.words.length,
              exact: true,
            });
          }
          mentions.push({ topic, start: above ? i : later.start, end: later.end, exact: true });
          i = later.end - 1;
          continue;
        }
        mentions.push({ topic: phrase.topic, start: i, end, exact: true });
        i = end - 1;
        continue;
      }
      const joined = i + 1 < words.length ? this.joinedPhrase(words[i]!, words[i + 1]!) : undefined;
      if (joined) {
        mentions.push({ topic: joined.topic, start: i, end: i + 2, exact: true });
        i += 1;
        continue;
      }
      const misspelt = this.misspeltPhrase(stems, i, isKnownWord);
      if (misspelt) {
        mentions.push({
          topic: misspelt.topic,
          start: i,
          end: i + misspelt.words.length,
          exact: false,
        });
        i += misspelt.words.length - 1;
        continue;
      }
      const word = stems[i]!;
      if (STOP_WORDS.has(words[i]!) || isKnownWord(word)) continue;
      const fuzzy = this.closestSingleWord(word);
      if (fuzzy) mentions.push({ topic: fuzzy.topic, start: i, end: i + 1, exact: false });
    }
    return mentions;
  }

  /**
   * The longest name written at word `i`, as written (the heaviest topic's among equals), of at
   * most `maxWords` words.
   */
  private phraseAt(stems: string[], i: number, maxWords = Infinity): Phrase | undefined {
    const first = stems[i]!;
    const longer =
      i + 1 < stems.length && maxWords >= 2
        ? this.phrasesByFirstTwoWords
            .get(first)
            ?.get(stems[i + 1]!)
            ?.find(
              (candidate) =>
                candidate.words.length <= maxWords &&
                candidate.words.every((word, k) => stems[i + k] === word),
            )
        : undefined;
    return (
      longer ?? this.phrasesByFirstWord.get(first)?.find((phrase) => phrase.words.length === 1)
    );
  }

  /** A name starting inside words `start` to `end` (a name found there) that ends after them. */
  private overlapEndingLater(
    stems: string[],
    start: number,
    end: number,
  ): { phrase: Phrase; start: number; end: number } | undefined {
    for (let j = start + 1; j < end; j++) {
      const phrase = this.phraseAt(stems, j);
      if (phrase && j + phrase.words.length > end) {
        return { phrase, start: j, end: j + phrase.words.length };
      }
    }
    return undefined;
  }

  /** A one-word name written as two words or split by punctuation: `ci/cd` for `cicd`, `ml flow` for `mlflow`. */
  private joinedPhrase(first: string, second: string): Phrase | undefined {
    const written = first + second;
    if (!this.mayStemToName(written)) return undefined;
    const joined = stem(written);
    return this.phrasesByFirstWord.get(joined)?.find((phrase) => phrase.words.length === 1);
  }

  /**
   * Whether a word could stem to a one-word name, without stemming it: indexing tries every pair
   * of neighbouring words, and stemming each pair (all distinct) was most of an index build.
   * Stemming only rewrites a word's end, so a stem keeps the word's first two letters; the
   * exceptions Porter2 lists whole (`dying` → `die`) are five letters or fewer.
   */
  private mayStemToName(word: string): boolean {
    return (
      word.length <= 5 ||
      this.singleWordStarts.has(word.slice(0, 2)) ||
      this.singleWordStarts.has(word.slice(0, 1))
    );
  }

  /** A name of several words typed with typos in words the index does not know (`continous integrtion`). */
  private misspeltPhrase(
    stems: string[],
    start: number,
    isKnownWord: (word: string) => boolean,
  ): Phrase | undefined {
    const close = (typed: string | undefined, word: string) =>
      typed !== undefined &&
      (typed === word || (!isKnownWord(typed) && this.namesWordsNear(typed).has(word)));
    // A name typed right from its first word was already looked up as written; only a typo in the
    // first word needs every name tried, and a known word is no typo.
    const first = stems[start]!;
    const known = isKnownWord(first);
    // After a known first word, a name matches only with a typo in a later word, and a known
    // word is no typo (every word is known when indexing a resource's own text).
    if (known && this.knownFrom(stems, start + 1, isKnownWord)) return undefined;
    // No name starts with this word or with a word within a typo of it: nothing to try (most
    // words of a question, "the" and "how" among them, end here instead of trying every name).
    if (!known && !this.phrasesByFirstWord.has(first) && this.namesWordsNear(first).size === 0)
      return undefined;
    const candidates = known
      ? (this.phrasesByFirstWord.get(first) ?? []).filter((phrase) => phrase.words.length > 1)
      : this.multiWordPhrases;
    return candidates.find(
      (phrase) =>
        phrase.words.some((word, k) => word !== stems[start + k]) &&
        phrase.words.every((word, k) => close(stems[start + k], word)),
    );
  }

  /** Whether the words from `from` that a name could reach are all known. */
  private knownFrom(
    stems: string[],
    from: number,
    isKnownWord: (word: string) => boolean,
  ): boolean {
    const end = Math.min(stems.length, from + this.longestPhrase - 1);
    for (let k = from; k < end; k++) if (!isKnownWord(stems[k]!)) return false;
    return true;
  }

  private nameWordsWithinTypo(typed: string): Set<string> {
    return new Set(
      this.multiWordNameWords.filter(
        (word) => editDistance(typed, word, typoAllowance(word)) <= typoAllowance(word),
      ),
    );
  }

  private closestName(word: string): Phrase | undefined {
    const allowance = typoAllowance(word);
    if (allowance === 0) return undefined;
    let best: Phrase | undefined;
    let bestDistance = allowance + 1;
    for (const phrase of this.singleWordPhrases) {
      const distance = editDistance(word, phrase.words[0]!, allowance);
      if (distance < bestDistance) {
        best = phrase;
        bestDistance = distance;
      }
    }
    return best;
  }
}

/** The words of a topic name or alias, in the form queries are compared in. */
export function phraseWords(text: string): string[] {
  return splitWords(text).map(stem);
}

function topicWeight(topic: Topic): number {
  return topic.resourceIds.length + topic.childIds.length;
}

/** Whether `topic` is `outer` or a topic below it. */
function isWithin(topic: Topic, outer: Topic): boolean {
  return topic.id === outer.id || topic.id.startsWith(`${outer.id}/`);
}
