import type { Catalog, Resource, Topic } from '../content/types.js';
import {
  TEXT_FIELDS,
  type QueryUnit,
  type ResourceIndex,
  type ScoredResource,
} from '../search/resource-index.js';
import { phraseWords, type TopicMention } from '../search/topic-matcher.js';
import { listTopicResources, subtreeIds } from './topic-listing.js';

/** What a topic scope reads: the catalog and its index. */
interface ScopeSources {
  catalog: Catalog;
  index: ResourceIndex;
}

// Memoised per catalog: a topic's listing as scored results, so a listing is not rebuilt per answer.
const scoredListings = new WeakMap<Catalog, Map<string, ScoredResource[]>>();

export function listedWithScores(catalog: Catalog, topic: Topic): ScoredResource[] {
  let byTopic = scoredListings.get(catalog);
  if (!byTopic) scoredListings.set(catalog, (byTopic = new Map()));
  let listed = byTopic.get(topic.id);
  if (!listed) {
    listed = listTopicResources(catalog, topic).map((resource: Resource) => ({
      resource,
      score: 1,
    }));
    byTopic.set(topic.id, listed);
  }
  return listed;
}

// Memoised per list: a topic's listing is the same array answer after answer (see listedWithScores).
const idSets = new WeakMap<ScoredResource[], Set<string>>();

/** The ids of the resources in a list of results; worked out once for a memoised listing. */
export function idsOf(results: ScoredResource[]): Set<string> {
  let ids = idSets.get(results);
  if (!ids) {
    ids = new Set(results.map((result) => result.resource.id));
    idSets.set(results, ids);
  }
  return ids;
}

// Memoised per catalog: which resources belong to a topic or name it in their text.
const scopes = new WeakMap<Catalog, Map<string, Set<string>>>();

// Memoised per catalog: the scope of several topics named together, by their ids.
const MAX_REMEMBERED_UNIONS = 256;
const unions = new WeakMap<Catalog, Map<string, Set<string>>>();

/**
 * A scope for `ResourceIndex.find`: the resources of the topics, or that name them. The same
 * topics give the same set, answer after answer, so the index works out its documents once.
 */
export function inTopics(sources: ScopeSources, mentions: TopicMention[]): ReadonlySet<string> {
  const perTopic = mentions.map(({ topic }) => topicScope(sources, topic));
  if (perTopic.length === 1) return perTopic[0]!;
  let byKey = unions.get(sources.catalog);
  if (!byKey) unions.set(sources.catalog, (byKey = new Map()));
  const key = [...new Set(mentions.map(({ topic }) => topic.id))].sort().join('\n');
  let union = byKey.get(key);
  if (!union) {
    // Which topics are named together is up to the askers: the memo starts afresh when full.
    if (byKey.size >= MAX_REMEMBERED_UNIONS) byKey.clear();
    byKey.set(key, (union = new Set(perTopic.flatMap((scope) => [...scope]))));
  }
  return union;
}

/** Resources filed under the topic (or below it), or that name it in their own text. */
function topicScope(sources: ScopeSources, topic: Topic): Set<string> {
  let byTopic = scopes.get(sources.catalog);
  if (!byTopic) scopes.set(sources.catalog, (byTopic = new Map()));
  let ids = byTopic.get(topic.id);
  if (!ids) {
    const subtree = subtreeIds(sources.catalog, topic);
    ids = new Set(
      sources.catalog.resources
        .filter((resource) => resource.topicIds.some((id) => subtree.has(id)))
        .map((resource) => resource.id),
    );
    for (const found of sources.index.find([nameUnit(topic, TEXT_FIELDS)], { relaxed: false })) {
      ids.add(found.resource.id);
    }
    byTopic.set(topic.id, ids);
  }
  return ids;
}

/** A unit matching a topic by its name or any alias, in `fields` (all when unset). */
export function nameUnit(topic: Topic, fields?: string[]): QueryUnit {
  return {
    alternatives: [topic.name, ...topic.aliases].map(phraseWords).filter((list) => list.length > 0),
    kind: 'topic',
    ...(fields ? { fields } : {}),
  };
}
