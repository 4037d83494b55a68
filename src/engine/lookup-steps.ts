import type { Topic } from '../content/types.js';
import type { ParsedQuery } from '../query/parsed-query.js';
import { TEXT_FIELDS, type QueryUnit, type ScoredResource } from '../search/resource-index.js';
import { phraseWords, type TopicMention } from '../search/topic-matcher.js';
import { splitWords, stem } from '../search/text.js';
import type { LookupSources } from './lookup.js';
import type { LookupTrace } from './lookup-trace.js';
import { preferWords } from './rank-by-type.js';
import { idsOf, listedWithScores, nameUnit } from './topic-scope.js';

/** What a lookup found, before it is cut into a page. */
export type Finding =
  | {
      kind: 'topic';
      topic: Topic;
      results: ScoredResource[];
      viaSearch: boolean;
      readFrom?: string;
    }
  | { kind: 'search'; topic?: Topic; results: ScoredResource[] }
  | { kind: 'none'; named: Topic[] };

/**
 * A lookup in progress: its sources, its trace and the notes the answer will carry. Without a
 * trace (nobody asked why), `trace?.step(...)` skips building the step's text as well.
 */
export interface Lookup {
  sources: LookupSources;
  trace: LookupTrace | undefined;
  notes: string[];
}

/** A topic's listing, its resources that say the query's learning words moved up. */
export function topicListing(
  run: Lookup,
  mention: TopicMention,
  query: ParsedQuery,
): Finding & { kind: 'topic' } {
  const { topic } = mention;
  let results = listedWithScores(run.sources.catalog, topic);
  const viaSearch = results.length === 0;
  if (viaSearch) results = run.sources.index.find([nameUnit(topic)]);
  run.trace?.step(
    `listed ${topic.name}${viaSearch ? ' (no resources of its own: those that name it)' : ''}: ${results.length} resources`,
  );
  const learningWords = [...query.generic, ...query.context];
  if (learningWords.length > 0) {
    const listed = idsOf(results);
    const words = learningWords.flatMap(splitWords);
    results = preferWords(results, run.sources.index.countWordsIn(words, listed));
    run.trace?.step(`moved up resources that say ${quoteAll(learningWords)}`);
  }
  return {
    kind: 'topic',
    topic,
    results,
    viaSearch,
    ...(mention.exact ? {} : { readFrom: query.words.slice(mention.start, mention.end).join(' ') }),
  };
}

/** The unit that finds resources naming a mentioned topic in their own text. */
export function mentionUnit(words: string[], mention: TopicMention): QueryUnit {
  const typed = words.slice(mention.start, mention.end).map(stem);
  const phrasings = [typed, phraseWords(mention.topic.name)].filter((list) => list.length > 0);
  const alternatives = [...new Map(phrasings.map((list) => [list.join(' '), list])).values()];
  // Membership of the topic itself is the scoped search's job; here the topic must be named in the text.
  return { alternatives, kind: 'topic', fields: TEXT_FIELDS };
}

/** Words quoted for a trace step. */
export function quoteAll(words: string[]): string {
  return words.map((word) => `“${word}”`).join(', ');
}
