import type { Catalog, Topic } from '../content/types.js';
import { splitWords } from '../search/text.js';
import { shorten } from '../text/shorten.js';
import { breadcrumb } from './describe-resource.js';
import type { AnswerEngine } from './engine.js';
import { countTopicResources } from './topic-listing.js';

/** One suggestion while a query is typed: what the list shows, and the query it fills in. */
export interface QuerySuggestion {
  name: string;
  value: string;
}

/** Chat platforms cap a suggestion's name and value at this many characters. */
const MAX_SUGGESTION_LENGTH = 100;

/** How closely a topic's name or alias matches the typed text; lower is closer. */
const CLOSENESS = { exact: 0, prefix: 1, wordPrefix: 2, none: Infinity } as const;

/**
 * Suggestions for a partly typed query: topics whose name or alias matches the text first, then
 * the titles of the best resources a search finds, at most `limit`. Empty text suggests the
 * top-level topics and their children.
 */
export function completeQuery(engine: AnswerEngine, text: string, limit = 25): QuerySuggestion[] {
  const typed = splitWords(text).join(' ');
  const { catalog } = engine;
  const topics = typed === '' ? browsableTopics(catalog) : matchingTopics(catalog, typed);
  const suggestions = [
    ...topics.map((topic) => topicSuggestion(catalog, topic)),
    ...(typed === '' ? [] : resourceSuggestions(engine, text, limit)),
  ];
  const seen = new Set<string>();
  return suggestions
    .filter((entry) => {
      const key = entry.value.toLowerCase();
      return !seen.has(key) && Boolean(seen.add(key));
    })
    .slice(0, limit);
}

function browsableTopics(catalog: Catalog): Topic[] {
  return catalog.rootTopicIds
    .map((id) => catalog.topicsById.get(id)!)
    .flatMap((root) => [root, ...root.childIds.map((id) => catalog.topicsById.get(id)!)]);
}

function matchingTopics(catalog: Catalog, typed: string): Topic[] {
  const matched = catalog.topics.flatMap((topic) => {
    const closeness = Math.min(
      ...[topic.name, ...topic.aliases].map((phrase) => closenessOf(typed, phrase)),
    );
    return Number.isFinite(closeness) ? [{ topic, closeness }] : [];
  });
  return matched
    .sort(
      (a, b) =>
        a.closeness - b.closeness ||
        countTopicResources(catalog, b.topic) - countTopicResources(catalog, a.topic) ||
        a.topic.path.length - b.topic.path.length,
    )
    .map((entry) => entry.topic);
}

function closenessOf(typed: string, phrase: string): number {
  const words = splitWords(phrase).join(' ');
  if (words === typed) return CLOSENESS.exact;
  if (words.startsWith(typed)) return CLOSENESS.prefix;
  if (words.includes(` ${typed}`)) return CLOSENESS.wordPrefix;
  return CLOSENESS.none;
}

function topicSuggestion(catalog: Catalog, topic: Topic): QuerySuggestion {
  const count = countTopicResources(catalog, topic);
  const counted = count === 0 ? '' : ` · ${count} ${count === 1 ? 'resource' : 'resources'}`;
  return {
    name: shorten(breadcrumb(topic.path) + counted, MAX_SUGGESTION_LENGTH),
    value: shorten(topic.name, MAX_SUGGESTION_LENGTH),
  };
}

function resourceSuggestions(engine: AnswerEngine, text: string, limit: number): QuerySuggestion[] {
  const answer = engine.answer(text, { pageSize: limit });
  if (answer.kind !== 'topic' && answer.kind !== 'search') return [];
  return answer.results.map(({ resource }) => ({
    name: shorten(resource.title, MAX_SUGGESTION_LENGTH),
    value: shorten(resource.title, MAX_SUGGESTION_LENGTH),
  }));
}
