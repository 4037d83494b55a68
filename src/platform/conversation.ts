import type { Answer } from '../engine/answer.js';
import { helpFor, indexCommands, type NamedCommand } from '../engine/command-index.js';
import { COMMANDS } from '../engine/commands.js';
import type { AnswerEngine, AnswerOptions } from '../engine/engine.js';
import type { Verdict } from '../store/analytics-store.js';
import type { AnswerFeedback, VoteOutcome } from './answer-feedback.js';

/** The platforms the bot speaks on. */
export type PlatformName = 'slack' | 'discord' | 'console';

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

/**
 * Routes a message to a channel command when its first word names one, else to the engine;
 * help then lists the channel commands after the core ones.
 */
export class ConversationRouter {
  private readonly byName: Map<string, ChannelCommand>;

  constructor(
    private readonly engine: () => AnswerEngine,
    private readonly channelCommands: ChannelCommand[] = [],
    private readonly observer?: AnswerObserver,
    private readonly recorder?: AskRecorder,
    private readonly feedback?: AnswerFeedback,
  ) {
    this.byName = indexCommands(channelCommands);
    // The engine's commands share the first word with channel commands: a name both claim is
    // rejected here, at start, rather than answered by whichever is tried first.
    indexCommands(this.commands);
  }

  /** Every command a message can call through this router: the engine's, then the channel commands. */
  get commands(): NamedCommand[] {
    return [...COMMANDS, ...this.channelCommands];
  }

  /** The engine currently answering (it changes when content is reloaded). */
  get currentEngine(): AnswerEngine {
    return this.engine();
  }

  /** Answers one message. */
  async answer(
    query: string,
    context: ConversationContext,
    options?: AnswerOptions,
  ): Promise<Answer> {
    const started = process.hrtime.bigint();
    try {
      const answer = await this.route(query, context, options);
      this.observer?.answered(
        context.platform,
        answer,
        Number(process.hrtime.bigint() - started) / 1e9,
      );
      return answer;
    } catch (error) {
      this.observer?.failed(context.platform);
      throw error;
    }
  }

  private async route(
    query: string,
    context: ConversationContext,
    options?: AnswerOptions,
  ): Promise<Answer> {
    const [first = '', ...rest] = query.trim().split(/\s+/);
    const command = this.byName.get(first.toLowerCase());
    if (command) return command.run(rest.join(' '), context);
    const engine = this.engine();
    const answer = engine.answer(query, options);
    if ((options?.page ?? 1) === 1) this.recorder?.asked(query, answer, context, engine);
    if (answer.kind === 'topic' || answer.kind === 'search') {
      const answerId = await this.feedback?.remember(query, answer, context, engine);
      return answerId ? { ...answer, answerId } : answer;
    }
    if (answer.kind !== 'help' || context.platform === 'console') return answer;
    return { ...answer, commands: [...answer.commands, ...helpFor(this.channelCommands)] };
  }

  /** Records a click on "Helpful" or "Not helpful" under the answer's id. */
  async vote(
    answerId: string,
    verdict: Verdict,
    context: ConversationContext,
  ): Promise<VoteOutcome> {
    if (!this.feedback) return { status: 'off' };
    const outcome = await this.feedback.vote(answerId, verdict, context);
    if (outcome.status === 'recorded') this.observer?.voted(context.platform, verdict);
    return outcome;
  }
}
