import type { Topic } from '../content/types.js';
import { editDistance, typoAllowance } from './edit-distance.js';
import { splitWords, stem, STOP_WORDS } from './text.js';

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
  private readonly singleWordPhrases: Phrase[] = [];

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
        if (words.length === 1) this.singleWordPhrases.push(phrase);
      }
    }
    for (const list of this.phrasesByFirstWord.values()) {
      list.sort((a, b) => b.words.length - a.words.length);
    }
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
      const phrase = this.phrasesByFirstWord
        .get(stems[i]!)
        ?.find((candidate) => candidate.words.every((word, k) => stems[i + k] === word));
      if (phrase) {
        mentions.push({ topic: phrase.topic, start: i, end: i + phrase.words.length, exact: true });
        i += phrase.words.length - 1;
        continue;
      }
      const word = stems[i]!;
      if (STOP_WORDS.has(words[i]!) || isKnownWord(word)) continue;
      const fuzzy = this.closestSingleWord(word);
      if (fuzzy) mentions.push({ topic: fuzzy.topic, start: i, end: i + 1, exact: false });
    }
    return mentions;
  }

  private closestSingleWord(word: string): Phrase | undefined {
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
