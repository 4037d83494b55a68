import type { Answer } from '../engine/answer.js';
import { helpFor, indexCommands, type NamedCommand } from '../engine/command-index.js';
import { COMMANDS } from '../engine/commands.js';
import type { AnswerEngine, AnswerOptions } from '../engine/engine.js';
import type { Verdict } from '../store/analytics-store.js';
import type { AnswerFeedback, VoteOutcome } from './answer-feedback.js';
import type {
  AnswerObserver,
  AskRecorder,
  ChannelCommand,
  ConversationContext,
} from './conversation.js';

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
