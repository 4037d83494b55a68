import type { CommandHelp } from './answer.js';

/** What a command is found by: its name and its aliases. */
export interface NamedCommand extends CommandHelp {
  aliases: string[];
}

/** A command as a registry finds it in a message: by name, by first word, or by the message's shape. */
export interface RoutableCommand extends NamedCommand {
  /**
   * `first word`: called by its first word, the rest being its arguments (`subscribe monday 09:00`).
   * By default a command is called only by a message that is its name alone (`topics`, `help?`),
   * so `list of sonar rules` stays a question.
   */
  calledBy?: 'first word';
  /** For a command called by the shape of the whole message (`part 2 of …`) rather than by name. */
  matches?(query: string): boolean;
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

/** The commands a registry falls back on: help for an empty message, the lookup for any other. */
export interface FallbackCommands<T> {
  empty: T;
  lookup: T;
}

/**
 * Finds the command a message calls, among commands indexed once (collisions rejected by
 * {@link indexCommands}). The same rules serve the engine's core commands and the chat registry.
 */
export class CommandResolver<T extends RoutableCommand> {
  private readonly byName: Map<string, T>;

  constructor(
    readonly commands: T[],
    private readonly fallback: FallbackCommands<T>,
  ) {
    this.byName = indexCommands(commands);
  }

  /**
   * The command a message calls and the text left for it: its name alone (trailing `?!.` ignored),
   * the first word of a command called that way, a command matching the message's shape, else
   * the lookup with the whole message. `usable` leaves out commands the place asking cannot call.
   */
  resolve(
    query: string,
    usable: (command: T) => boolean = () => true,
  ): { command: T; args: string } {
    const trimmed = query.trim();
    if (trimmed === '') return { command: this.fallback.empty, args: '' };
    const named = this.byName.get(trimmed.toLowerCase().replace(/[\s?!.]+$/, ''));
    if (named && named !== this.fallback.lookup && usable(named))
      return { command: named, args: '' };
    const [first = '', ...rest] = trimmed.split(/\s+/);
    const byFirstWord = this.byName.get(first.toLowerCase());
    if (byFirstWord?.calledBy === 'first word' && usable(byFirstWord)) {
      return { command: byFirstWord, args: rest.join(' ') };
    }
    const shaped = this.commands.find(
      (candidate) => candidate.matches?.(trimmed) && usable(candidate),
    );
    return { command: shaped ?? this.fallback.lookup, args: trimmed };
  }
}
