import type { Answer } from '../engine/answer.js';
import type { AnswerEngine, AnswerOptions } from '../engine/engine.js';
import type { Verdict } from '../store/analytics-store.js';
import type { AnswerFeedback, VoteOutcome } from './answer-feedback.js';
import type { CommandCall } from './chat-command.js';
import { worksIn } from './chat-command.js';
import {
  ChatCommandRegistry,
  whereItWorks,
  type RegisteredCommand,
} from './chat-command-registry.js';
import type { AnswerObserver, AskRecorder, ConversationContext } from './conversation.js';
import { sessionPositionAfter } from './paging-state.js';

/**
 * The one conversation path of every adapter: dispatches each message through the chat command
 * registry (core, channel and session commands together), the engine answering core commands and
 * searches with help for the place asking.
 */
export class ConversationRouter {
  private readonly registry: ChatCommandRegistry;

  /** Throws {@link CommandCollisionError} when two commands answer to the same word. */
  constructor(
    private readonly engine: () => AnswerEngine,
    commands: RegisteredCommand[] = [],
    private readonly observer?: AnswerObserver,
    private readonly recorder?: AskRecorder,
    private readonly feedback?: AnswerFeedback,
  ) {
    this.registry = new ChatCommandRegistry(commands);
  }

  /** Every command a message can call through this router, in the order help lists them. */
  get commands(): RegisteredCommand[] {
    return this.registry.commands;
  }

  /** The engine currently answering (it changes when content is reloaded). */
  get currentEngine(): AnswerEngine {
    return this.engine();
  }

  /** Answers one message. */
  async answer(
    query: string,
    context: ConversationContext,
    options: AnswerOptions = {},
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
    options: AnswerOptions,
  ): Promise<Answer> {
    const { command, args } = this.registry.resolve(query, context);
    if (!command.run || !worksIn(command, context)) return whereItWorks(command, args);
    const call: CommandCall = {
      ...context,
      query,
      options,
      help: this.registry.helpFor(context),
      askEngine: () => this.askEngine(call),
      ask: (next, nextOptions = {}) => this.route(next, context, nextOptions),
    };
    return command.run(args, call);
  }

  private async askEngine(call: CommandCall): Promise<Answer> {
    const { query, options, help, session } = call;
    const engine = this.engine();
    const answer = engine.answer(query, { ...options, help });
    if (session) session.last = sessionPositionAfter(session.last, answer);
    if ((options.page ?? 1) === 1) this.recorder?.asked(query, answer, call, engine);
    if (answer.kind !== 'topic' && answer.kind !== 'search') return answer;
    const answerId = await this.feedback?.remember(query, answer, call, engine);
    return answerId ? { ...answer, answerId } : answer;
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
