import type { Catalog } from '../content/types.js';
import { DEFAULT_VOCABULARY } from '../content/default-vocabulary.js';
import { parseQuery } from '../query/parse-query.js';
import type { ParsedQuery } from '../query/parsed-query.js';
import { QueryVocabulary } from '../query/query-vocabulary.js';
import { ResourceIndex } from '../search/resource-index.js';
import { splitWords } from '../search/text.js';
import { TopicMatcher } from '../search/topic-matcher.js';
import type { Answer, CommandHelp } from './answer.js';
import { CommandRegistry } from './commands.js';
import type { LookupSources } from './lookup.js';
import { recordingTrace } from './lookup-trace.js';

/** How many resources an answer page holds unless the caller says otherwise. */
export const DEFAULT_PAGE_SIZE = 5;

/** Options of one question to the engine. */
export interface AnswerOptions {
  /** Page to return, from 1. */
  page?: number;
  pageSize?: number;
  /** Help to answer `help` with, for the place asking; by default the core commands'. */
  help?: CommandHelp[];
}

/** How the engine read a query and reached its answer, for a curator asking why. */
export interface Explanation {
  /** The command the query called (`ask` for a topic or a question). */
  command: string;
  /** The query as understood, for `ask`. */
  parsed?: ParsedQuery;
  /** The lookup's steps, in order: which searches ran and which fallback answered. */
  steps: string[];
  answer: Answer;
}

/** The platform-neutral core: a catalog indexed for search, answering queries with {@link Answer} values. */
export interface AnswerEngine {
  readonly catalog: Catalog;
  answer(query: string, options?: AnswerOptions): Answer;
  /** Answers like {@link answer} and tells how the answer was reached. */
  explain(query: string, options?: AnswerOptions): Explanation;
  /** How the engine reads a question (the words after a command's name, if one was typed). */
  read(query: string): ParsedQuery;
}

/** Builds the full-text index of a catalog (or restores a saved one); by default, indexes it afresh. */
export type IndexFactory = (catalog: Catalog, topics: TopicMatcher) => ResourceIndex;

/** Indexes a catalog and returns the engine that answers over it. */
export function createEngine(
  catalog: Catalog,
  registry = new CommandRegistry(),
  makeIndex: IndexFactory = (of, topics) => new ResourceIndex(of, topics),
): AnswerEngine {
  const topics = new TopicMatcher(catalog.topics);
  const index = makeIndex(catalog, topics);
  const vocabulary = new QueryVocabulary(catalog.vocabulary ?? DEFAULT_VOCABULARY);
  const reader = { topics, vocabulary, isIndexed: (stemmed: string) => index.hasWord(stemmed) };
  const sources: LookupSources = { catalog, topics, index, reader };
  const help = registry.help();
  const run = (
    query: string,
    options: AnswerOptions,
    trace?: ReturnType<typeof recordingTrace>,
  ) => {
    const { command, args } = registry.resolve(query);
    const answer = command.run(args, {
      sources,
      help: options.help ?? help,
      page: options.page ?? 1,
      pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
      ...(trace ? { trace } : {}),
    });
    return { command, args, answer };
  };
  return {
    catalog,
    answer: (query, options = {}) => run(query, options).answer,
    read: (query) => parseQuery(registry.resolve(query).args, reader),
    explain(query, options = {}) {
      const trace = recordingTrace();
      const { command, args, answer } = run(query, options, trace);
      return {
        command: command.name,
        ...(command.name === 'ask' ? { parsed: parseQuery(args, reader) } : {}),
        steps: trace.steps,
        answer,
      };
    },
  };
}

/**
 * The words {@link createEngine} stems before any query, reading the catalog's topic names and
 * aliases and its vocabulary. An index cache keeps their stems, so that a start from it need not
 * run the stemmer on them.
 */
export function wordsStemmedAtStart(catalog: Catalog): string[] {
  const { types, comparison, generic, filler } = catalog.vocabulary ?? DEFAULT_VOCABULARY;
  return [
    ...catalog.topics.flatMap((topic) => [topic.name, ...topic.aliases]),
    ...Object.values(types).flat(),
    ...comparison,
    ...generic,
    ...filler,
  ].flatMap(splitWords);
}
