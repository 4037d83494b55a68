import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Answer } from '../../src/engine/answer.js';
import { helpFor, indexCommands } from '../../src/engine/command-index.js';
import { stripInvocation } from '../../src/engine/invocation.js';
import { offeredStep } from '../../src/engine/learning-path.js';
import type { Logger } from '../../src/logger.js';
import type { PlatformAdapter } from '../../src/platform/adapter.js';
import { APOLOGY } from '../../src/platform/failure-notices.js';
import type { ConversationRouter } from '../../src/platform/conversation-router.js';
import { CONSOLE_COMMANDS, type ConsoleStep, type LastQuery } from './console-commands.js';
import { renderText, type TextHints } from './render-text.js';
import type { TerminalStyle } from './terminal-text.js';

/** What the console adapter reads from and writes to. */
export interface ConsoleAdapterOptions {
  /** The conversation path every platform shares; it sees a content reload at the next line. */
  router: ConversationRouter;
  input: Readable;
  output: Writable;
  logger: Logger;
  /** True for a person at a terminal: a prompt, colours and clickable links. */
  interactive: boolean;
}

const CONSOLE_COMMANDS_BY_NAME = indexCommands(CONSOLE_COMMANDS);

/** Talk to the bot from a terminal, or pipe queries through it one a line. */
export class ConsoleAdapter implements PlatformAdapter {
  readonly name = 'console';
  private lines?: Interface;
  private last?: LastQuery;
  private readonly style: TerminalStyle;
  // Answers are awaited one after another, so they print in the order the lines came.
  private replies: Promise<void> = Promise.resolve();
  private leaving = false;
  /** Resolves when the input ends or the person types `exit`, once every answer is printed. */
  readonly finished: Promise<void>;
  private finish!: () => void;

  constructor(private readonly options: ConsoleAdapterOptions) {
    // The console's own commands are tried first, so one that shadows the router's is a mistake.
    indexCommands([...options.router.commands, ...CONSOLE_COMMANDS]);
    this.style = { rich: options.interactive };
    this.finished = new Promise((resolve) => (this.finish = resolve));
  }

  async start(): Promise<void> {
    const { input, output, interactive } = this.options;
    this.lines = createInterface({ input, output, terminal: interactive, prompt: 'devops> ' });
    if (interactive) {
      output.write(
        'devops-bot: ask about a DevOps or MLOps topic ("help" for commands, "exit" to leave).\n',
      );
      this.lines.prompt();
    }
    this.lines.on('line', (line) => {
      this.replies = this.replies.then(() => this.answerLine(line));
    });
    this.lines.on('close', () => void this.replies.then(() => this.finish()));
  }

  isReady(): boolean {
    return this.lines !== undefined;
  }

  async stop(): Promise<void> {
    this.lines?.close();
    await this.finished;
  }

  private async answerLine(line: string): Promise<void> {
    // Lines already read when the person typed `exit` still arrive; they are not answered.
    if (this.leaving) return;
    const text = stripInvocation(line);
    const step = this.stepFor(text);
    if (step.kind === 'leave') {
      this.leaving = true;
      this.lines?.close();
      return;
    }
    const reply = step.kind === 'say' ? step.text : await this.ask(step.text, step.page);
    if (reply) this.options.output.write(reply + '\n\n');
    if (this.options.interactive) this.lines?.prompt();
  }

  private stepFor(text: string): ConsoleStep {
    if (text === '') return { kind: 'say', text: '' };
    const command = CONSOLE_COMMANDS_BY_NAME.get(text.toLowerCase());
    return command ? command.run(this.last) : { kind: 'ask', text, page: 1 };
  }

  private async ask(text: string, page: number): Promise<string> {
    try {
      const answer = await this.options.router.answer(text, { platform: 'console' }, { page });
      this.last = lastQueryOf(text, answer);
      return renderText(withConsoleHelp(answer), this.style, CONSOLE_HINTS);
    } catch (error) {
      this.options.logger.error({ err: error, query: text }, 'console answer failed');
      return renderText(APOLOGY, this.style);
    }
  }
}

const CONSOLE_HINTS: TextHints = {
  seriesStep: (_step, kind) => (kind === 'start' ? 'Type "start".' : 'Type "next part".'),
};

function lastQueryOf(text: string, answer: Answer): LastQuery | undefined {
  if (answer.kind !== 'topic' && answer.kind !== 'search') return undefined;
  const offer = offeredStep(answer);
  return {
    text,
    page: answer.page.number,
    totalPages: answer.page.totalPages,
    ...(offer ? { seriesStep: offer.step.query } : {}),
  };
}

function withConsoleHelp(answer: Answer): Answer {
  if (answer.kind !== 'help') return answer;
  return { ...answer, commands: [...answer.commands, ...helpFor(CONSOLE_COMMANDS)] };
}
