import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Catalog, Resource } from '../content/types.js';
import { RESOURCE_TYPE_LABELS } from '../content/types.js';
import { urlSlugWords } from '../content/url.js';
import { typoAllowance } from './edit-distance.js';
import { GENERIC_WORDS, STOP_WORDS, splitWords, stem } from './text.js';
import type { TopicMatcher } from './topic-matcher.js';

/** One thing the searcher asked for: a word, or a topic named by any of its phrases. */
export interface QueryUnit {
  /** Ways of saying it, each a list of words that must all match. */
  alternatives: string[][];
  /**
   * `word` for a subject word, `generic` for words like "tutorial" that say what kind of page,
   * `topic` for a topic named in the query.
   */
  kind: 'word' | 'generic' | 'topic';
}

/** How a search may widen or narrow what it returns. */
export interface FindOptions {
  /** Only resources for which this is true. */
  scope?: (resource: Resource) => boolean;
  /** Whether partial matches may be added when every unit together finds too little (default true). */
  relaxed?: boolean;
}

/** A resource found by a search, with its relevance score. */
export interface ScoredResource {
  resource: Resource;
  score: number;
}

interface IndexedResource {
  id: string;
  title: string;
  topic: string;
  aliases: string;
  mentions: string;
  description: string;
  slug: string;
  type: string;
}

const FIELD_BOOSTS = {
  title: 3,
  topic: 2.5,
  aliases: 2,
  mentions: 1.2,
  description: 1,
  slug: 0.8,
  type: 1,
};

/** Below this share of the best score a result is too weak to show. */
const RELATIVE_SCORE_CUTOFF = 0.25;
/** With fewer AND hits than this, the relaxed search adds partial matches. */
const ENOUGH_RESULTS = 3;

/** The full-text index over a catalog's resources, built once per catalog. */
export class ResourceIndex {
  private readonly search: MiniSearch<IndexedResource>;
  private readonly vocabulary = new Set<string>();

  constructor(
    private readonly catalog: Catalog,
    topicMatcher: TopicMatcher,
  ) {
    this.search = new MiniSearch<IndexedResource>({
      fields: Object.keys(FIELD_BOOSTS),
      tokenize: (text) => splitWords(text),
      processTerm: (term) => (STOP_WORDS.has(term) ? null : stem(term)),
      searchOptions: {
        boost: FIELD_BOOSTS,
        prefix: (term) => term.length >= 3,
        fuzzy: (term) => typoAllowance(term) || false,
      },
    });
    const documents = catalog.resources.map((resource) =>
      toDocument(resource, catalog, topicMatcher),
    );
    this.search.addAll(documents);
    for (const document of documents) {
      for (const field of Object.keys(FIELD_BOOSTS) as (keyof IndexedResource)[]) {
        for (const word of splitWords(document[field])) this.vocabulary.add(stem(word));
      }
    }
  }

  /** True when some resource contains this (stemmed) word exactly. */
  hasWord(word: string): boolean {
    return this.vocabulary.has(word);
  }

  /**
   * Ranked resources matching every unit; when that finds too little, resources matching at
   * least half of the units are added after them, provided they match a subject word when the
   * query has one (a topic name or "tutorial" alone is not enough). Weak
   * matches below a share of the best score are dropped.
   */
  find(units: QueryUnit[], options: FindOptions = {}): ScoredResource[] {
    const { scope, relaxed = true } = options;
    if (units.length === 0) return [];
    const filter = scope
      ? (result: SearchResult) => scope(this.catalog.resourcesById.get(String(result.id))!)
      : undefined;
    const strict = this.run(units, 'AND', filter);
    let results = strict;
    if (relaxed && strict.length < ENOUGH_RESULTS && units.length > 1) {
      const seen = new Set(strict.map((result) => result.id));
      const relaxed = this.run(units, 'OR', filter).filter(
        (result) => !seen.has(result.id) && coversEnough(result, units),
      );
      results = [...strict, ...relaxed];
    }
    const best = Math.max(0, ...results.map((result) => result.score));
    return results
      .filter((result) => result.score >= best * RELATIVE_SCORE_CUTOFF)
      .map((result) => ({
        resource: this.catalog.resourcesById.get(String(result.id))!,
        score: result.score,
      }));
  }

  private run(
    units: QueryUnit[],
    combineWith: 'AND' | 'OR',
    filter?: (result: SearchResult) => boolean,
  ): SearchResult[] {
    const query: Query = {
      combineWith,
      queries: units.map((unit) => ({
        combineWith: 'OR',
        queries: unit.alternatives.map((words) => ({ combineWith: 'AND', queries: words })),
      })),
    };
    return this.search.search(query, filter ? { filter } : {});
  }
}

function coversEnough(result: SearchResult, units: QueryUnit[]): boolean {
  const matched = new Set(result.queryTerms);
  const covered = units.filter((unit) =>
    unit.alternatives.some((words) => words.map(stem).some((word) => matched.has(word))),
  );
  const hasSubject = units.some((unit) => unit.kind === 'word');
  return (
    covered.length >= Math.ceil(units.length / 2) &&
    (!hasSubject || covered.some((unit) => unit.kind === 'word'))
  );
}

function toDocument(resource: Resource, catalog: Catalog, matcher: TopicMatcher): IndexedResource {
  const topics = resource.topicIds.map((id) => catalog.topicsById.get(id)!);
  const text = `${resource.title} ${resource.description}`;
  const mentioned = matcher.findMentions(splitWords(text)).filter((mention) => mention.exact);
  return {
    id: resource.id,
    title: resource.title,
    topic: topics.map((topic) => topic.name).join(' '),
    aliases: topics.flatMap((topic) => topic.aliases).join(' '),
    mentions: mentioned.map((mention) => mention.topic.name).join(' '),
    description: resource.description,
    slug: urlSlugWords(resource.url).join(' '),
    type: resource.type ? `${resource.type} ${RESOURCE_TYPE_LABELS[resource.type]}` : '',
  };
}

/** A query unit for a plain word. */
export function wordUnit(word: string): QueryUnit {
  return { alternatives: [[word]], kind: GENERIC_WORDS.has(word) ? 'generic' : 'word' };
}
