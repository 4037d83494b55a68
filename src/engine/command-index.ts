import type { CommandHelp } from './answer.js';

/** What a command is found by: its name and its aliases. */
export interface NamedCommand extends CommandHelp {
  aliases: string[];
}

/** Two chat commands answer to the same word: a programming mistake, caught when the bot starts. */
export class CommandCollisionError extends Error {
  readonly code = 'COMMAND_COLLISION';
  constructor(
    readonly word: string,
    readonly commands: [string, string],
  ) {
    super(
      `Two chat commands answer to "${word}": "${commands[0]}" and "${commands[1]}". ` +
        'Rename one of them or drop the alias, so each word calls one command.',
    );
    this.name = 'CommandCollisionError';
  }
}

/**
 * Commands by lower-case name and alias, for dispatch on a query's first word. Throws
 * {@link CommandCollisionError} when two commands answer to the same word.
 */
export function indexCommands<T extends NamedCommand>(commands: T[]): Map<string, T> {
  const byName = new Map<string, T>();
  for (const command of commands) {
    for (const word of new Set(
      [command.name, ...command.aliases].map((name) => name.toLowerCase()),
    )) {
      const taken = byName.get(word);
      if (taken) throw new CommandCollisionError(word, [taken.name, command.name]);
      byName.set(word, command);
    }
  }
  return byName;
}

/** The help entries of some commands, in their order. */
export function helpFor(commands: CommandHelp[]): CommandHelp[] {
  return commands.map(({ name, usage, summary, examples }) => ({ name, usage, summary, examples }));
}
