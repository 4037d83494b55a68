import { resourcesMentioning } from '../content/mentions.js';
import type { Catalog, Topic } from '../content/types.js';
import type { Answer, CommandHelp, TopicTreeNode } from './answer.js';
import { topicRef } from './answer.js';
import { asksNothing } from '../query/parsed-query.js';
import { parseQuery } from '../query/parse-query.js';
import { answerSeriesPart, readPartQuery, withLearningPath } from './learning-path.js';
import { lookup, type LookupSources, type PageRequest } from './lookup.js';
import type { LookupTrace } from './lookup-trace.js';
import { countTopicResources } from './topic-listing.js';
import { CommandResolver, helpFor, type RoutableCommand } from './command-index.js';

/** What a command runs against. */
export interface CommandContext extends PageRequest {
  sources: LookupSources;
  /** Help for every command, generated from the registry. */
  help: CommandHelp[];
  /** Where a lookup tells how it reached its answer, when asked to explain. */
  trace?: LookupTrace;
}

/** One command of the bot: how it is called, how it is explained, and what it does. */
export interface Command extends RoutableCommand {
  run(args: string, context: CommandContext): Answer;
}

const helpCommand: Command = {
  name: 'help',
  aliases: ['?', 'commands', 'usage'],
  usage: 'help',
  summary: 'Show what the bot can do.',
  examples: ['help'],
  run: (args, context) => ({
    kind: 'help',
    query: args ? `help ${args}` : 'help',
    commands: context.help,
  }),
};

const topicsCommand: Command = {
  name: 'topics',
  aliases: ['list', 'tree', 'browse'],
  usage: 'topics',
  summary: 'List every topic with how many resources it has.',
  examples: ['topics'],
  run: (_args, context) => ({
    kind: 'topics',
    query: 'topics',
    tree: context.sources.catalog.rootTopicIds.map((id) => treeNode(context.sources.catalog, id)),
  }),
};

/** Runs when the first word is no command: a topic name or a question. */
export const lookupCommand: Command = {
  name: 'ask',
  aliases: [],
  usage: '<topic or question>',
  summary: 'A topic lists its resources; any other words search the catalog.',
  examples: ['kubernetes', 'k8s cronjobs', 'how do I track experiments in mlflow'],
  run: (args, context) => {
    const query = parseQuery(args, context.sources.reader);
    if (asksNothing(query)) return helpCommand.run('', context);
    const answer = lookup(context.sources, query, context, context.trace);
    return withLearningPath(answer, context.sources.catalog);
  },
};

/** `part N of SERIES`: one part of a series, offering the next; any other text is a lookup. */
const seriesPartCommand: Command = {
  name: 'part',
  aliases: [],
  usage: 'part N of SERIES',
  summary: 'Show one part of a series, with the way to the next part.',
  examples: ['part 1 of Kubernetes for ML'],
  matches: (query) => readPartQuery(query) !== undefined,
  run: (args, context) => {
    const answer = answerSeriesPart(context.sources.catalog, args, context);
    if (answer) context.trace?.step(`answered ${answer.query} of the series`);
    return answer ?? lookupCommand.run(args, context);
  },
};

/** The bot's commands, in the order help lists them. */
export const COMMANDS: Command[] = [helpCommand, topicsCommand, seriesPartCommand, lookupCommand];

/** Finds the core commands by name or alias; anything else goes to the lookup. */
export class CommandRegistry {
  private readonly resolver: CommandResolver<Command>;

  constructor(readonly commands: Command[] = COMMANDS) {
    this.resolver = new CommandResolver(commands, { empty: helpCommand, lookup: lookupCommand });
  }

  /**
   * The command a query calls and the text left for it. A command runs only when the whole query
   * is its name or alias (`help`, `topics?`): `list of sonar rules` is a question, not `list`.
   * The empty query is a call for help.
   */
  resolve(query: string): { command: Command; args: string } {
    return this.resolver.resolve(query);
  }

  /** Help entries for every command. */
  help(): CommandHelp[] {
    return helpFor(this.commands);
  }
}

function treeNode(catalog: Catalog, id: string): TopicTreeNode {
  const topic: Topic = catalog.topicsById.get(id)!;
  // A topic with nothing filed under it answers with the resources that name it: count those.
  const count = countTopicResources(catalog, topic) || resourcesMentioning(catalog, topic).length;
  return {
    ...topicRef(topic),
    count,
    children: topic.childIds.map((child) => treeNode(catalog, child)),
  };
}
