import type { Catalog } from '../content/types.js';
import type { QueryReader } from '../query/parse-query.js';
import type { ParsedQuery } from '../query/parsed-query.js';
import {
  TEXT_FIELDS,
  type ResourceIndex,
  type ScoredResource,
  wordUnit,
} from '../search/resource-index.js';
import type { TopicMatcher } from '../search/topic-matcher.js';
import { topicRef, type Answer } from './answer.js';
import type { LookupTrace } from './lookup-trace.js';
import { type Finding, type Lookup, mentionUnit, quoteAll, topicListing } from './lookup-steps.js';
import { paginate } from './paginate.js';
import { interleave, rankByType } from './rank-by-type.js';
import { suggestTopics } from './suggest-topics.js';
import { listTopicResources } from './topic-listing.js';
import { inTopics } from './topic-scope.js';

/** Where a lookup reads from: the catalog and its indexes, built together. */
export interface LookupSources {
  catalog: Catalog;
  index: ResourceIndex;
  topics: TopicMatcher;
  /** Reads chat text as a query against this catalog. */
  reader: QueryReader;
}

/** Which page of how many results a lookup should return. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * Answers a parsed query. A topic alone (or with learning words) lists the topic; a topic with
 * subject words searches inside it, then the whole catalog, then falls back to the topic with a
 * note; subject words alone search everything. A subject word that no resource has makes the
 * answer `none` with suggestions, never a half-match on the other words. Asked-for resource types
 * are ranked first.
 */
export function lookup(
  sources: LookupSources,
  query: ParsedQuery,
  request: PageRequest,
  trace?: LookupTrace,
): Answer {
  const run: Lookup = { sources, trace, notes: [] };
  if (query.truncated) run.notes.push('Your message was cut to its first 500 characters.');
  const finding = query.sides ? compare(run, query.sides) : find(run, query);
  const notes = run.notes.length > 0 ? { notes: run.notes } : {};
  if (finding.kind === 'none') {
    trace?.step('answer: nothing found; suggesting the closest topics');
    return {
      kind: 'none',
      query: query.text,
      suggestions: suggestTopics(sources.catalog, query.text, finding.named).map(topicRef),
      ...notes,
    };
  }
  const ranked = rankByType(finding.results, query.types);
  if (query.types.length > 0) trace?.step(`ranked ${query.types.join(', ')} resources first`);
  const { items, page } = paginate(ranked, request.page, request.pageSize);
  if (finding.kind === 'topic') {
    const { topic } = finding;
    return {
      kind: 'topic',
      query: query.text,
      topic: { ...topicRef(topic), summary: topic.summary },
      subtopics: topic.childIds.map((id) => topicRef(sources.catalog.topicsById.get(id)!)),
      results: items,
      page,
      viaSearch: finding.viaSearch,
      ...(finding.readFrom ? { readFrom: finding.readFrom } : {}),
      ...notes,
    };
  }
  return {
    kind: 'search',
    query: query.text,
    results: items,
    page,
    ...(finding.topic ? { topic: topicRef(finding.topic) } : {}),
    ...notes,
  };
}

function find(run: Lookup, query: ParsedQuery): Finding {
  const { index } = run.sources;
  const named = query.topics.map((mention) => mention.topic);
  const unknown = query.subjects.filter((word) => !index.couldMatch(word));
  let subjects = query.subjects;
  if (unknown.length > 0) {
    run.trace?.step(`no resource has ${quoteAll(unknown)}, even allowing for a typo`);
    if (isTheSubject(unknown, query)) return { kind: 'none', named };
    subjects = subjects.filter((word) => !unknown.includes(word));
    run.notes.push(
      `Nothing in the catalog mentions ${quoteAll(unknown)}; showing what matches the rest.`,
    );
  }
  const context = query.context.every((word) => index.couldMatch(word)) ? query.context : [];
  if (context.length > 0) {
    const narrowed = searchFor(run, query, [...subjects, ...context]);
    if (narrowed.length > 0) return narrowed.finding;
  }
  if (query.context.length > 0) run.trace?.step(`set aside ${quoteAll(query.context)} as context`);
  if (subjects.length === 0) return findWithoutSubjects(run, query);
  if (named.length === 0) {
    // With part of the question unknown, only resources that answer all the rest will do.
    const found = index.find(subjects.map(wordUnit), { relaxed: unknown.length === 0 });
    run.trace?.step(`searched the whole catalog for ${quoteAll(subjects)}: ${found.length} found`);
    return found.length > 0 ? { kind: 'search', results: found } : { kind: 'none', named };
  }
  return findInTopics(run, query, subjects);
}

/**
 * Whether words no resource has are what the question is about: a word written against a topic's
 * name ("docker swarm", "argo cd"), the first word of a question that names no topic (people name
 * the tool first: "terraform modules"), or half of what was asked or more. Otherwise they are
 * details ("postgres" in a question about an Airflow server) and the rest is answered.
 */
function isTheSubject(unknown: string[], query: ParsedQuery): boolean {
  const { subjects, topics, attached } = query;
  return (
    unknown.some((word) => attached.includes(word)) ||
    (topics.length === 0 && unknown.includes(subjects[0]!)) ||
    unknown.length * 2 >= subjects.length + topics.length
  );
}

/** Resources matching every one of the words, inside the named topics when there are some. */
function searchFor(
  run: Lookup,
  query: ParsedQuery,
  words: string[],
): { length: number; finding: Finding } {
  const units = words.map(wordUnit);
  const topic = query.topics[0]?.topic;
  const found = topic
    ? run.sources.index.find(units, {
        scope: inTopics(run.sources, query.topics),
        fields: TEXT_FIELDS,
        relaxed: false,
      })
    : run.sources.index.find(units, { relaxed: false });
  run.trace?.step(`looked for ${quoteAll(words)} together: ${found.length} found`);
  return {
    length: found.length,
    finding: { kind: 'search', results: found, ...(topic ? { topic } : {}) },
  };
}

/**
 * Topics and subject words: inside the topics first; then, for a question of several words that
 * all meet elsewhere, the whole catalog; else the topic itself with a note.
 */
function findInTopics(run: Lookup, query: ParsedQuery, subjects: string[]): Finding {
  const { index } = run.sources;
  const topics = query.topics.map((mention) => mention.topic);
  const names = topics.map((topic) => topic.name).join(' and ');
  const units = subjects.map(wordUnit);
  const scope = inTopics(run.sources, query.topics);
  const scoped = index.find(units, { scope, fields: TEXT_FIELDS });
  run.trace?.step(`searched ${names} for ${quoteAll(subjects)}: ${scoped.length} found`);
  if (scoped.length > 0) {
    return { kind: 'search', topic: topics[0]!, results: withTopicTypes(run, query, scoped) };
  }
  if (subjects.length >= 2) {
    const everywhere = index.find(units, { relaxed: false });
    run.trace?.step(`searched the whole catalog for all of them: ${everywhere.length} found`);
    if (everywhere.length > 0) {
      run.notes.push(
        `Nothing about ${quoteAll(subjects)} in ${names}; these come from the whole catalog.`,
      );
      return { kind: 'search', results: everywhere };
    }
  }
  run.notes.push(`Nothing about ${quoteAll(subjects)} in ${names}; here is the topic.`);
  run.trace?.step(`fell back to the listing of ${topics[0]!.name}`);
  return topicListing(run, query.topics[0]!, query);
}

/**
 * Search results followed by the named topics' resources of an asked-for type that the search
 * did not find: "a hands-on lab for code quality checks" wants the topic's labs.
 */
function withTopicTypes(
  run: Lookup,
  query: ParsedQuery,
  found: ScoredResource[],
): ScoredResource[] {
  if (query.types.length === 0) return found;
  const seen = new Set(found.map((result) => result.resource.id));
  const typed = query.topics
    .flatMap((mention) => listTopicResources(run.sources.catalog, mention.topic))
    .filter(
      (resource) => resource.type && query.types.includes(resource.type) && !seen.has(resource.id),
    );
  if (typed.length > 0)
    run.trace?.step(`added ${typed.length} ${query.types.join('/')} resources of the topic`);
  const lowest = Math.min(...found.map((result) => result.score));
  return [...found, ...typed.map((resource) => ({ resource, score: lowest / 2 }))];
}

/** Only topics, learning words or resource types: listings. */
function findWithoutSubjects(run: Lookup, query: ParsedQuery): Finding {
  const { topics } = query;
  if (topics.length === 1) return topicListing(run, topics[0]!, query);
  if (topics.length > 1) {
    const units = topics.map((mention) => mentionUnit(query.words, mention));
    const together = run.sources.index.find(units, { relaxed: false });
    run.trace?.step(
      `${together.length} resources name every topic; then each topic's listing in turn`,
    );
    const listings = topics.map((mention) => topicListing(run, mention, query).results);
    return { kind: 'search', results: interleave([together, ...listings].map(firstOfSide)) };
  }
  if (query.types.length > 0) {
    const results = run.sources.catalog.resources
      .filter((resource) => resource.type && query.types.includes(resource.type))
      .map((resource) => ({ resource, score: 1 }));
    run.trace?.step(`no topic or subject: every ${query.types.join(' or ')} resource`);
    return results.length > 0 ? { kind: 'search', results } : { kind: 'none', named: [] };
  }
  run.trace?.step('only learning words: no subject to look for');
  return { kind: 'none', named: [] };
}

/** "X vs Y": each side found on its own, shown in turns. */
function compare(run: Lookup, sides: ParsedQuery[]): Finding {
  const findings = sides.map((side, number) => {
    run.trace?.step(`side ${number + 1}: "${side.text}"`);
    return find(run, side);
  });
  const lists = findings.map((finding) => (finding.kind === 'none' ? [] : finding.results));
  if (lists.every((list) => list.length === 0)) {
    return {
      kind: 'none',
      named: findings.flatMap((finding) => (finding.kind === 'none' ? finding.named : [])),
    };
  }
  return { kind: 'search', results: interleave(lists.map(firstOfSide)) };
}

/** How many results of each side a comparison shows at most: enough to browse, cheap on a big catalog. */
const MAX_PER_SIDE = 200;

function firstOfSide(results: ScoredResource[]): ScoredResource[] {
  return results.length > MAX_PER_SIDE ? results.slice(0, MAX_PER_SIDE) : results;
}
