import type { Resource } from '../content/types.js';

/** A topic as an answer refers to it. */
export interface TopicRef {
  id: string;
  name: string;
  path: string[];
}

/** A resource in an answer, with its relevance (1 for a topic's own listing). */
export interface AnswerResult {
  resource: Resource;
  score: number;
  /** For a search result: each indexed word that matched, with the fields it matched in. */
  match?: Record<string, string[]>;
}

/** Which slice of a longer list of results an answer holds; `number` counts from 1. */
export interface PageInfo {
  number: number;
  size: number;
  totalResults: number;
  totalPages: number;
}

/** One line of help, generated from the command registry. */
export interface CommandHelp {
  name: string;
  usage: string;
  summary: string;
  examples: string[];
}

/** A node of the topic tree with the number of resources in it and below it. */
export interface TopicTreeNode extends TopicRef {
  count: number;
  children: TopicTreeNode[];
}

/** The help text: every command with its usage and examples. */
export interface HelpAnswer {
  kind: 'help';
  query: string;
  commands: CommandHelp[];
}

/** The topic tree with counts. */
export interface TopicsAnswer {
  kind: 'topics';
  query: string;
  tree: TopicTreeNode[];
}

/** One part of a series as an answer offers it: "Next: part 3 of 5". */
export interface SeriesStep {
  /** The series name as the curator wrote it. */
  series: string;
  part: number;
  /** How many parts the series has. */
  of: number;
  /** The part's resource title. */
  title: string;
  /** The query that answers with this part alone (`part 3 of Cluster basics`). */
  query: string;
}

/** Resources of a topic that form a series, to be followed in order from `start`. */
export interface LearningPath {
  series: string;
  /** How many parts the series has. */
  parts: number;
  /** Where to begin: part 1 (or the lowest part there is). */
  start: SeriesStep;
}

/** A topic's summary and its resources (its own, then its subtopics'), one page of them. */
export interface TopicAnswer {
  kind: 'topic';
  query: string;
  topic: TopicRef & { summary: string };
  subtopics: TopicRef[];
  results: AnswerResult[];
  page: PageInfo;
  /** True when the topic has no resources of its own and these were found by searching its name. */
  viaSearch: boolean;
  /** What the asker typed, when it named the topic only after allowing for a typo (`dokcer`). */
  readFrom?: string;
  /** One-line remarks on how the question was read ("nothing about 'helm' in Kubernetes"). */
  notes?: string[];
  /** The id votes on this answer are recorded under, when they are (see {@link SearchAnswer.answerId}). */
  answerId?: string;
  /** Set when the topic's resources include a series: it is listed in order, to start at part 1. */
  path?: LearningPath;
}

/** Ranked resources for free text, optionally scoped to a topic the query named. */
export interface SearchAnswer {
  kind: 'search';
  query: string;
  topic?: TopicRef;
  results: AnswerResult[];
  page: PageInfo;
  /** One-line remarks on how the question was read. */
  notes?: string[];
  /**
   * The id votes on this answer are recorded under; set by the router only where votes are
   * recorded (a chat platform, analytics on), so renderers offer "Helpful" / "Not helpful" then.
   */
  answerId?: string;
  /** Set when the first result in a series has a next part: offered as "Next: part N". */
  next?: SeriesStep;
}

/** Nothing matched: the closest topics instead, never unrelated resources. */
export interface NoneAnswer {
  kind: 'none';
  query: string;
  suggestions: TopicRef[];
  /** One-line remarks on how the question was read. */
  notes?: string[];
}

/**
 * A short message from a channel command (subscribe, unsubscribe...): a confirmation, a status
 * or a polite refusal. `private` ones are shown only to the person who asked.
 */
export interface NoticeAnswer {
  kind: 'notice';
  query: string;
  tone: 'success' | 'info' | 'refusal' | 'error';
  title: string;
  lines: string[];
  private: boolean;
}

/** What the engine answers, for adapters to render; it holds data, never platform markup. */
export type Answer =
  HelpAnswer | TopicsAnswer | TopicAnswer | SearchAnswer | NoneAnswer | NoticeAnswer;

/** The kinds of {@link Answer}. */
export type AnswerKind = Answer['kind'];

/** A topic reduced to what answers need. */
export function topicRef(topic: TopicRef): TopicRef {
  return { id: topic.id, name: topic.name, path: topic.path };
}
