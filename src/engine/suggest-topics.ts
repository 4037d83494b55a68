import type { Catalog, Topic } from '../content/types.js';
import { editDistance } from '../search/edit-distance.js';
import { phraseWords } from '../search/topic-matcher.js';
import { STOP_WORDS, splitWords, stem } from '../search/text.js';
import { memoiseByWord } from '../search/word-memo.js';
import { countTopicResources } from './topic-listing.js';

const MAX_SUGGESTIONS = 3;
const CLOSE_ENOUGH = 0.6;

/** What suggesting reads from a catalog, worked out once per catalog. */
interface Suggester {
  /** For a query word, its best similarity to each topic's words, in `catalog.topics` order. */
  similarities: (word: string) => Float64Array;
  /** The largest topics below the top level, for a query close to nothing. */
  largest: Topic[];
}

const suggesters = new WeakMap<Catalog, Suggester>();

/**
 * The topics closest in spelling to the words of a query that found nothing; when none is
 * close, the largest topics below the top level, so the asker always has somewhere to go.
 */
export function suggestTopics(catalog: Catalog, query: string, preferred: Topic[] = []): Topic[] {
  const { similarities, largest } = suggesterOf(catalog);
  const words = splitWords(query)
    .filter((word) => word.length >= 3 && !STOP_WORDS.has(word))
    .map(stem);
  const perWord = words.map(similarities);
  const scored = catalog.topics
    .map((topic, index) => ({
      topic,
      similarity: Math.max(0, ...perWord.map((similarity) => similarity[index]!)),
    }))
    .filter((entry) => entry.similarity >= CLOSE_ENOUGH)
    .sort((a, b) => b.similarity - a.similarity);
  const close = unique([...preferred, ...scored.map((entry) => entry.topic)]);
  return close.length > 0 ? close.slice(0, MAX_SUGGESTIONS) : largest;
}

function suggesterOf(catalog: Catalog): Suggester {
  let suggester = suggesters.get(catalog);
  if (!suggester) {
    const wordsOfTopics = catalog.topics.map(topicWords);
    suggester = {
      similarities: memoiseByWord(
        (word) => Float64Array.from(wordsOfTopics, (words) => bestSimilarity(word, words)),
        1_000,
      ),
      largest: catalog.topics
        .filter((topic) => topic.path.length === 2)
        .map((topic) => ({ topic, count: countTopicResources(catalog, topic) }))
        .sort((a, b) => b.count - a.count)
        .slice(0, MAX_SUGGESTIONS)
        .map((entry) => entry.topic),
    };
    suggesters.set(catalog, suggester);
  }
  return suggester;
}

/** The words of a topic's name and aliases worth comparing (three letters or more). */
function topicWords(topic: Topic): string[] {
  return [...new Set([topic.name, ...topic.aliases].flatMap(phraseWords))].filter(
    (word) => word.length >= 3,
  );
}

function bestSimilarity(word: string, topicWords: string[]): number {
  let best = 0;
  for (const topicWord of topicWords) {
    const length = Math.max(word.length, topicWord.length);
    // Beyond this many edits the similarity is under the bar anyway.
    const limit = Math.floor((1 - CLOSE_ENOUGH) * length);
    best = Math.max(best, 1 - editDistance(word, topicWord, limit) / length);
  }
  return best;
}

function unique(topics: Topic[]): Topic[] {
  return [...new Map(topics.map((topic) => [topic.id, topic])).values()];
}
