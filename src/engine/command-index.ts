import type { CommandHelp } from './answer.js';

/** What a command is found by: its name and its aliases. */
export interface NamedCommand extends CommandHelp {
  aliases: string[];
}

/** Commands by lower-case name and alias, for dispatch on a query's first word. */
export function indexCommands<T extends NamedCommand>(commands: T[]): Map<string, T> {
  const byName = new Map<string, T>();
  for (const command of commands) {
    for (const name of [command.name, ...command.aliases]) byName.set(name.toLowerCase(), command);
  }
  return byName;
}

/** The help entries of some commands, in their order. */
export function helpFor(commands: CommandHelp[]): CommandHelp[] {
  return commands.map(({ name, usage, summary, examples }) => ({ name, usage, summary, examples }));
}
