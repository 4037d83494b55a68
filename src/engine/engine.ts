import type { Catalog } from '../content/types.js';
import { ResourceIndex } from '../search/resource-index.js';
import { TopicMatcher } from '../search/topic-matcher.js';
import type { Answer } from './answer.js';
import { CommandRegistry } from './commands.js';
import type { LookupSources } from './lookup.js';

/** How many resources an answer page holds unless the caller says otherwise. */
export const DEFAULT_PAGE_SIZE = 5;

/** Options of one question to the engine. */
export interface AnswerOptions {
  /** Page to return, from 1. */
  page?: number;
  pageSize?: number;
}

/** The platform-neutral core: a catalog indexed for search, answering queries with {@link Answer} values. */
export interface AnswerEngine {
  readonly catalog: Catalog;
  answer(query: string, options?: AnswerOptions): Answer;
}

/** Indexes a catalog and returns the engine that answers over it. */
export function createEngine(catalog: Catalog, registry = new CommandRegistry()): AnswerEngine {
  const topics = new TopicMatcher(catalog.topics);
  const sources: LookupSources = { catalog, topics, index: new ResourceIndex(catalog, topics) };
  const help = registry.help();
  return {
    catalog,
    answer(query, options = {}) {
      const { command, args } = registry.resolve(query);
      return command.run(args, {
        sources,
        help,
        page: options.page ?? 1,
        pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
      });
    },
  };
}
