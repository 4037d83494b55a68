import type { CommandHelp, NoticeAnswer } from '../engine/answer.js';
import { CommandResolver, helpFor } from '../engine/command-index.js';
import { COMMANDS, type Command } from '../engine/commands.js';
import {
  worksIn,
  type ChatCommand,
  type CommandDeclaration,
  type CommandNeed,
} from './chat-command.js';
import type { ConversationContext } from './conversation.js';
import { SESSION_COMMANDS } from './session-commands.js';

/**
 * A command in the registry: one this process can run, or one only declared (the console lists
 * the channel commands it has no store for, so it can say where they work).
 */
export type RegisteredCommand = CommandDeclaration & Partial<Pick<ChatCommand, 'run'>>;

/**
 * Whether a command typed where its need is unmet is explained (rather than read as a question):
 * a channel command names an action, while `more` or `start` are ordinary words where buttons
 * page the answers.
 */
const EXPLAINED_ELSEWHERE: Record<CommandNeed, boolean> = { channel: true, session: false };

/** The engine's core commands as chat commands: the engine answers them, with help for the place. */
function coreChatCommand({ run: _run, ...declared }: Command): ChatCommand {
  return { ...declared, run: (_args, call) => call.askEngine() };
}

const CORE_CHAT_COMMANDS = COMMANDS.map(coreChatCommand);
const [coreHelp, coreLookup] = ['help', 'ask'].map((name) =>
  CORE_CHAT_COMMANDS.find((command) => command.name === name)!,
) as [ChatCommand, ChatCommand];

/**
 * The one chat command registry: the engine's core commands, the given commands (channel
 * commands), then the session commands, indexed once with name collisions rejected
 * ({@link CommandCollisionError}). Dispatch and help both read it, for the place asking.
 */
export class ChatCommandRegistry {
  private readonly resolver: CommandResolver<RegisteredCommand>;

  constructor(commands: RegisteredCommand[] = []) {
    this.resolver = new CommandResolver<RegisteredCommand>(
      [...CORE_CHAT_COMMANDS, ...commands, ...SESSION_COMMANDS],
      { empty: coreHelp, lookup: coreLookup },
    );
  }

  /** Every registered command, in the order help lists them. */
  get commands(): RegisteredCommand[] {
    return this.resolver.commands;
  }

  /**
   * The command a message typed at `context` calls and the text left for it. A command whose need
   * the place lacks is still found when it should be explained there (see {@link whereItWorks}).
   */
  resolve(
    query: string,
    context: ConversationContext,
  ): { command: RegisteredCommand; args: string } {
    return this.resolver.resolve(
      query,
      (command) => worksIn(command, context) || EXPLAINED_ELSEWHERE[command.needs!],
    );
  }

  /** Help for the place of `context`: the commands that work there, in registry order. */
  helpFor(context: ConversationContext): CommandHelp[] {
    return helpFor(this.commands.filter((command) => worksIn(command, context)));
  }
}

/** The answer to a command typed where it cannot work (or only declared in this process): where it does. */
export function whereItWorks(command: RegisteredCommand, args: string): NoticeAnswer {
  return {
    kind: 'notice',
    query: `${command.name} ${args}`.trim(),
    tone: 'info',
    title: `"${command.name}" works in chat channels`,
    lines: [
      `Type "/devops ${command.usage}" in the chat channel it is for; there is no channel here.`,
    ],
    private: true,
  };
}
