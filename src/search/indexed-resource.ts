import type { Catalog, Resource } from '../content/types.js';
import { RESOURCE_TYPE_LABELS } from '../content/types.js';
import { urlSlugWords } from '../content/url.js';
import type { Options } from 'minisearch';
import { typoAllowance } from './edit-distance.js';
import { SHORTEST_PREFIX } from './index-vocabulary.js';
import { STOP_WORDS, splitWords, stem } from './text.js';
import { phraseWords, type TopicMatcher } from './topic-matcher.js';

/** A resource as the full-text index stores it: one text field per kind of evidence. */
export interface IndexedResource {
  id: string;
  title: string;
  topic: string;
  aliases: string;
  mentions: string;
  description: string;
  slug: string;
  type: string;
}

/** How much a match in each field counts. */
export const FIELD_BOOSTS: Readonly<Record<string, number>> = Object.freeze({
  title: 3,
  topic: 2.5,
  aliases: 2,
  mentions: 1.2,
  description: 1,
  slug: 0.8,
  type: 1,
});

/**
 * The fields that describe a resource in its own words. A search already narrowed to a topic,
 * or looking for a topic named in the query, matches only these: the topic fields would match
 * every resource of the topic alike, which adds nothing but work.
 */
export const TEXT_FIELDS = ['title', 'mentions', 'description', 'slug', 'type'];

/** The indexed form of a resource. */
export function toDocument(
  resource: Resource,
  catalog: Catalog,
  matcher: TopicMatcher,
): IndexedResource {
  const topics = resource.topicIds.map((id) => catalog.topicsById.get(id)!);
  const text = `${resource.title} ${resource.description}`;
  const words = splitWords(text);
  const written = new Set(words.map(stem));
  // Every word counts as known here: content is matched to topics exactly, never as a typo. A
  // topic named as written is already in the text; only one named by an alias adds anything.
  const mentioned = matcher
    .findMentions(words, () => true)
    .filter((mention) => !phraseWords(mention.topic.name).every((word) => written.has(word)));
  return {
    id: resource.id,
    title: resource.title,
    topic: topics.map((topic) => topic.name).join(' '),
    aliases: topics.flatMap((topic) => topic.aliases).join(' '),
    mentions: [...new Set(mentioned.map((mention) => mention.topic.name))].join(' '),
    description: resource.description,
    slug: urlSlugWords(resource.url).join(' '),
    type: resource.type ? `${resource.type} ${RESOURCE_TYPE_LABELS[resource.type]}` : '',
  };
}

/**
 * How MiniSearch reads the resources and the queries: words split and stemmed as everywhere in
 * search, stop words left out; `gather` sees each indexed word, `hasWord` tells the known ones.
 */
export function indexOptions(
  hasWord: (term: string) => boolean,
  gather: (term: string) => void,
): Options<IndexedResource> {
  return {
    fields: Object.keys(FIELD_BOOSTS),
    tokenize: (text: string) => splitWords(text),
    processTerm: (term: string) => {
      if (STOP_WORDS.has(term)) return null;
      const processed = stem(term);
      gather(processed);
      return processed;
    },
    searchOptions: {
      boost: FIELD_BOOSTS,
      // Shorter prefixes match too many words to mean anything.
      prefix: (term: string) => widening(term, hasWord).prefix,
      // Only words the index does not have get a typo allowance: a known word means itself.
      fuzzy: (term: string) => widening(term, hasWord).typos || false,
    },
  };
}

/** How a search widens a (stemmed) query term beyond the word as written. */
export interface Widening {
  /** Whether longer words that start with it match too. */
  prefix: boolean;
  /** How many typos away a word may be and still match; 0 for none. */
  typos: number;
}

/**
 * The one rule for widening a query term, read by searches and by the candidate sets narrowed
 * before them: longer words from four letters on (shorter prefixes match too many words to mean
 * anything), unless known words are to match `asWritten`; typos only for a word the index lacks
 * (a known word means itself), and only when `typos` are allowed.
 */
export function widening(
  term: string,
  hasWord: (term: string) => boolean,
  { typos = true, asWritten = false }: { typos?: boolean; asWritten?: boolean } = {},
): Widening {
  const known = hasWord(term);
  return {
    prefix: term.length >= SHORTEST_PREFIX && !(asWritten && known),
    typos: typos && !known ? typoAllowance(term) : 0,
  };
}
