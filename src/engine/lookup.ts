import type { Catalog, Resource, Topic } from '../content/types.js';
import {
  TEXT_FIELDS,
  type QueryUnit,
  type ResourceIndex,
  type ScoredResource,
  wordUnit,
} from '../search/resource-index.js';
import { phraseWords, type TopicMatcher, type TopicMention } from '../search/topic-matcher.js';
import { STOP_WORDS, splitWords, stem } from '../search/text.js';
import { topicRef, type Answer, type TopicAnswer } from './answer.js';
import { paginate } from './paginate.js';
import { suggestTopics } from './suggest-topics.js';
import { listTopicResources, subtreeIds } from './topic-listing.js';

/** Where a lookup reads from: the catalog and its indexes, built together. */
export interface LookupSources {
  catalog: Catalog;
  index: ResourceIndex;
  topics: TopicMatcher;
}

/** Which page of how many results a lookup should return. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * Answers a topic name or free text. A query that only names a topic lists that topic; a topic
 * plus other words searches within the topic; anything else searches everything. A query that
 * matches nothing gets the closest topics, never unrelated resources.
 */
export function lookup(sources: LookupSources, query: string, request: PageRequest): Answer {
  const words = splitWords(query);
  const allMentions = sources.topics.findMentions(words, (word) => sources.index.hasWord(word));
  const mentions = distinctTopics(allMentions);
  const otherWords = wordsOutside(words, allMentions).filter((word) => !STOP_WORDS.has(word));

  if (mentions.length === 1 && otherWords.length === 0) {
    const [mention] = mentions as [TopicMention];
    const answer = topicAnswer(sources, query, mention.topic, request);
    return mention.exact
      ? answer
      : { ...answer, readFrom: words.slice(mention.start, mention.end).join(' ') };
  }
  const scopedToOneTopic = mentions.length === 1;
  if (scopedToOneTopic) {
    const topic = mentions[0]!.topic;
    const inTopic = subtreeIds(sources.catalog, topic);
    const scoped = sources.index.find(otherWords.map(wordUnit), {
      scope: (resource) => resource.topicIds.some((id) => inTopic.has(id)),
      fields: TEXT_FIELDS,
    });
    if (scoped.length > 0) return searchAnswer(query, scoped, request, topic);
  }
  const units = [
    ...otherWords.map(wordUnit),
    ...mentions.map((mention) => mentionUnit(words, mention)),
  ];
  // Outside the one topic named, only resources matching every word are still about the question.
  const found = sources.index.find(units, { relaxed: !scopedToOneTopic });
  if (found.length > 0) return searchAnswer(query, found, request);
  const named = mentions.map((mention) => mention.topic);
  return {
    kind: 'none',
    query,
    suggestions: suggestTopics(sources.catalog, query, named).map(topicRef),
  };
}

function topicAnswer(
  sources: LookupSources,
  query: string,
  topic: Topic,
  request: PageRequest,
): TopicAnswer {
  let listed: ScoredResource[] = listTopicResources(sources.catalog, topic).map(
    (resource: Resource) => ({
      resource,
      score: 1,
    }),
  );
  const viaSearch = listed.length === 0;
  if (viaSearch) {
    const unit: QueryUnit = {
      alternatives: [topic.name, ...topic.aliases]
        .map(phraseWords)
        .filter((words) => words.length > 0),
      kind: 'topic',
    };
    listed = sources.index.find([unit]);
  }
  const { items, page } = paginate(listed, request.page, request.pageSize);
  return {
    kind: 'topic',
    query,
    topic: { ...topicRef(topic), summary: topic.summary },
    subtopics: topic.childIds.map((id) => topicRef(sources.catalog.topicsById.get(id)!)),
    results: items,
    page,
    viaSearch,
  };
}

function searchAnswer(
  query: string,
  found: ScoredResource[],
  request: PageRequest,
  topic?: Topic,
): Answer {
  const { items, page } = paginate(found, request.page, request.pageSize);
  return {
    kind: 'search',
    query,
    results: items,
    page,
    ...(topic ? { topic: topicRef(topic) } : {}),
  };
}

function mentionUnit(words: string[], mention: TopicMention): QueryUnit {
  const typed = words.slice(mention.start, mention.end).filter((word) => !STOP_WORDS.has(word));
  const phrasings = [typed.map(stem), phraseWords(mention.topic.name)].filter(
    (list) => list.length > 0,
  );
  const alternatives = [...new Map(phrasings.map((list) => [list.join(' '), list])).values()];
  // Membership of the topic itself is the scoped search's job; here the topic must be named in the text.
  return { alternatives, kind: 'topic', fields: TEXT_FIELDS };
}

/** The mentions with each topic once: `docker docker` names one topic, not two. */
function distinctTopics(mentions: TopicMention[]): TopicMention[] {
  const seen = new Set<string>();
  return mentions.filter((mention) => !seen.has(mention.topic.id) && seen.add(mention.topic.id));
}

function wordsOutside(words: string[], mentions: TopicMention[]): string[] {
  return words.filter(
    (_, index) => !mentions.some((mention) => index >= mention.start && index < mention.end),
  );
}
