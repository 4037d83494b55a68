import type { NamedCommand } from '../../src/engine/command-index.js';

/** The query the console answered last, and which of its pages it showed. */
export interface LastQuery {
  text: string;
  page: number;
  totalPages: number;
  /** The query of the series part it offered to follow: a topic's start or a part's next. */
  seriesStep?: string;
}

/** What a console command asks the console to do: ask a query, print a line, or leave. */
export type ConsoleStep =
  { kind: 'ask'; text: string; page: number } | { kind: 'say'; text: string } | { kind: 'leave' };

/** A command only the console has, since only it remembers the last answer or can be left. */
export interface ConsoleCommand extends NamedCommand {
  run(last: LastQuery | undefined): ConsoleStep;
}

const more: ConsoleCommand = {
  name: 'more',
  aliases: ['next'],
  usage: 'more',
  summary: 'Show the next page of the last answer.',
  examples: ['more'],
  run(last) {
    if (!last) {
      return { kind: 'say', text: 'Nothing to continue yet: ask something, then type "more".' };
    }
    if (last.page >= last.totalPages) {
      return {
        kind: 'say',
        text: `Nothing more: that was the last page for "${last.text}".`,
      };
    }
    return { kind: 'ask', text: last.text, page: last.page + 1 };
  },
};

const nextPart: ConsoleCommand = {
  name: 'next part',
  aliases: ['start'],
  usage: 'next part',
  summary: "Follow a series: the part the last answer offered (a topic's start, or the next one).",
  examples: ['next part', 'start'],
  run(last) {
    if (last?.seriesStep) return { kind: 'ask', text: last.seriesStep, page: 1 };
    return {
      kind: 'say',
      text: 'No part to follow: the last answer ended its series or was not part of one. Ask for a topic with a series, then type "start".',
    };
  },
};

const exit: ConsoleCommand = {
  name: 'exit',
  aliases: ['quit', '/exit', '/quit'],
  usage: 'exit',
  summary: 'Leave the console (Ctrl+D does too).',
  examples: ['exit'],
  run: () => ({ kind: 'leave' }),
};

/** The console's own commands, listed in its help after the bot's. */
export const CONSOLE_COMMANDS: ConsoleCommand[] = [more, nextPart, exit];
