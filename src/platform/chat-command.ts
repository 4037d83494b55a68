import type { Answer, CommandHelp } from '../engine/answer.js';
import type { RoutableCommand } from '../engine/command-index.js';
import type { AnswerOptions } from '../engine/engine.js';
import type { ConversationContext } from './conversation.js';

/**
 * What a place must offer for a command to work there: `channel`, a channel to act on
 * (`subscribe`, `report`); `session`, a conversation that remembers its last answer and can be
 * left, where typed words stand in for buttons (`more`, `exit` in a terminal).
 */
export type CommandNeed = 'channel' | 'session';

/** What a chat command runs with: where it was typed, and the router's ways to answer. */
export interface CommandCall extends ConversationContext {
  /** The whole message, command name included. */
  query: string;
  options: AnswerOptions;
  /** Help for the place asking: the commands that work here. */
  help: CommandHelp[];
  /** Answers the message with the engine (a core command, a topic or a search), recorded as asked. */
  askEngine(): Promise<Answer>;
  /** Answers another message in the same place, as `more` asks for a query's next page. */
  ask(query: string, options?: AnswerOptions): Promise<Answer>;
}

/**
 * A command as it is declared, with where it works: enough for help, for name collisions, and for
 * a place that lacks what it needs to say where it works.
 */
export interface CommandDeclaration extends RoutableCommand {
  /** What the place must offer; a command without needs works everywhere. */
  needs?: CommandNeed;
}

/** One chat command: how it is called and explained, where it works, and what it does. */
export interface ChatCommand extends CommandDeclaration {
  run(args: string, call: CommandCall): Promise<Answer> | Answer;
}

/** A command that acts on the channel it is typed in, such as `subscribe`. */
export interface ChannelCommand extends ChatCommand {
  needs: 'channel';
  calledBy: 'first word';
  run(args: string, context: ConversationContext): Promise<Answer>;
}

/** Whether the place of `context` offers what `command` needs. */
export function worksIn(command: CommandDeclaration, context: ConversationContext): boolean {
  if (command.needs === 'channel') return context.channelId !== undefined;
  if (command.needs === 'session') return context.session !== undefined;
  return true;
}
