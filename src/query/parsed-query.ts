import type { ResourceType } from '../content/types.js';
import type { TopicMention } from '../search/topic-matcher.js';

/** The most characters of a query that are read; the rest is cut off, and the asker told. */
export const MAX_QUERY_LENGTH = 500;

/** How a chat message was understood, before any search runs. */
export interface ParsedQuery {
  /** The text as read (at most {@link MAX_QUERY_LENGTH} characters). */
  text: string;
  /** True when the message was longer than {@link MAX_QUERY_LENGTH} and was cut. */
  truncated: boolean;
  /** The query's words, lower case, as {@link TopicMention} positions count them. */
  words: string[];
  /** Chat filler dropped: greetings, politeness, "does anyone have". */
  filler: string[];
  /** Learning words that no result has to contain: tutorial, beginners, getting started. */
  generic: string[];
  /** Resource types asked for (a video, the docs), in the order asked. */
  types: ResourceType[];
  /** Topics named, each once, in the order named. */
  topics: TopicMention[];
  /** The words that say what the asker wants to know about: every result must answer them. */
  subjects: string[];
  /**
   * Words of a closing clause about the asker's situation ("for the new intern"): used to narrow
   * the answer when some resource has them all, ignored otherwise.
   */
  context: string[];
  /** Subject words written right next to a topic's name, as in `docker swarm` or `argo cd`. */
  attached: string[];
  /** For "X vs Y" or "difference between X and Y": each side, read on its own. */
  sides?: ParsedQuery[];
}

/** True when nothing in the query asks for anything: only greetings, thanks or punctuation. */
export function asksNothing(query: ParsedQuery): boolean {
  return (
    query.topics.length === 0 &&
    query.subjects.length === 0 &&
    query.types.length === 0 &&
    query.generic.length === 0 &&
    !query.sides
  );
}
