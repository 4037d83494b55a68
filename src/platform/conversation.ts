import type { Answer } from '../engine/answer.js';
import type { NamedCommand } from '../engine/command-index.js';
import type { AnswerEngine } from '../engine/engine.js';
import type { Verdict } from '../store/analytics-store.js';

/**
 * A platform the bot speaks on: the name of one in the registry (see `PlatformDescriptor`), or
 * `console` for the local console.
 */
export type PlatformName = string;

/** Where a message came from, for commands that act on a channel. */
export interface ConversationContext {
  platform: PlatformName;
  channelId?: string;
  userId?: string;
  /** Whether the asker may change the channel's settings (Manage Channels, workspace admin...). */
  canManageChannel?: () => Promise<boolean>;
  /**
   * Why the bot could not post in this channel (not a member, a missing permission), saying how
   * to let it in; undefined when it can, or when the platform cannot tell.
   */
  whyBotCannotPost?: () => Promise<string | undefined>;
}

/** A command that acts on the channel it is typed in, such as `subscribe`; declared like the core commands. */
export interface ChannelCommand extends NamedCommand {
  run(args: string, context: ConversationContext): Promise<Answer>;
}

/**
 * Channel commands as a place without channels (the console) answers them: with where they work,
 * rather than as a search for the command's name.
 */
export function explainedOutsideChannels(commands: NamedCommand[]): ChannelCommand[] {
  return commands.map((command) => ({
    ...command,
    run: async (args) => ({
      kind: 'notice',
      query: `${command.name} ${args}`.trim(),
      tone: 'info',
      title: `"${command.name}" works in Slack and Discord channels`,
      lines: [
        `Type "/devops ${command.usage}" in the channel it is for; the console has no channel.`,
      ],
      private: true,
    }),
  }));
}

/** Told of every answer, failure and recorded vote, for metrics. */
export interface AnswerObserver {
  answered(platform: PlatformName, answer: Answer, seconds: number): void;
  failed(platform: PlatformName): void;
  voted(platform: PlatformName, verdict: Verdict): void;
}

/** Told of every question the engine answered on a first page, for the curator's report. */
export interface AskRecorder {
  asked(query: string, answer: Answer, context: ConversationContext, engine: AnswerEngine): void;
}
