import type { Catalog, Topic } from '../content/types.js';
import { editDistance } from '../search/edit-distance.js';
import { phraseWords } from '../search/topic-matcher.js';
import { STOP_WORDS, splitWords, stem } from '../search/text.js';
import { countTopicResources } from './topic-listing.js';

const MAX_SUGGESTIONS = 3;
const CLOSE_ENOUGH = 0.6;

/**
 * The topics closest in spelling to the words of a query that found nothing; when none is
 * close, the largest topics below the top level, so the asker always has somewhere to go.
 */
export function suggestTopics(catalog: Catalog, query: string, preferred: Topic[] = []): Topic[] {
  const words = splitWords(query)
    .filter((word) => word.length >= 3 && !STOP_WORDS.has(word))
    .map(stem);
  const scored = catalog.topics
    .map((topic) => ({ topic, similarity: bestSimilarity(words, topic) }))
    .filter((entry) => entry.similarity >= CLOSE_ENOUGH)
    .sort((a, b) => b.similarity - a.similarity);
  const close = unique([...preferred, ...scored.map((entry) => entry.topic)]);
  if (close.length > 0) return close.slice(0, MAX_SUGGESTIONS);
  return catalog.topics
    .filter((topic) => topic.path.length === 2)
    .map((topic) => ({ topic, count: countTopicResources(catalog, topic) }))
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_SUGGESTIONS)
    .map((entry) => entry.topic);
}

const topicWordCache = new WeakMap<Topic, string[]>();

/** The words of a topic's name and aliases worth comparing (three letters or more), worked out once. */
function topicWords(topic: Topic): string[] {
  let words = topicWordCache.get(topic);
  if (!words) {
    words = [...new Set([topic.name, ...topic.aliases].flatMap(phraseWords))].filter(
      (word) => word.length >= 3,
    );
    topicWordCache.set(topic, words);
  }
  return words;
}

function bestSimilarity(words: string[], topic: Topic): number {
  let best = 0;
  for (const topicWord of topicWords(topic)) {
    for (const word of words) {
      const length = Math.max(word.length, topicWord.length);
      // Beyond this many edits the similarity is under the bar anyway.
      const limit = Math.floor((1 - CLOSE_ENOUGH) * length);
      best = Math.max(best, 1 - editDistance(word, topicWord, limit) / length);
    }
  }
  return best;
}

function unique(topics: Topic[]): Topic[] {
  return [...new Map(topics.map((topic) => [topic.id, topic])).values()];
}
