import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { stripInvocation } from '../../src/engine/invocation.js';
import type { Logger } from '../../src/logger.js';
import type { PlatformAdapter } from '../../src/platform/adapter.js';
import { APOLOGY } from '../../src/platform/failure-notices.js';
import type { ConversationSession } from '../../src/platform/conversation.js';
import type { ConversationRouter } from '../../src/platform/conversation-router.js';
import { CONSOLE_PLATFORM } from '../../src/platform/platform-descriptor.js';
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

/** Talk to the bot from a terminal, or pipe queries through it one a line. */
export class ConsoleAdapter implements PlatformAdapter {
  readonly name = CONSOLE_PLATFORM;
  private lines?: Interface;
  /** The console is a session: typed `more`, `next part` and `exit` stand in for buttons. */
  private readonly session: ConversationSession = {
    leave: () => {
      this.leaving = true;
      this.lines?.close();
    },
  };
  private readonly style: TerminalStyle;
  // Answers are awaited one after another, so they print in the order the lines came.
  private replies: Promise<void> = Promise.resolve();
  private leaving = false;
  /** Resolves when the input ends or the person types `exit`, once every answer is printed. */
  readonly finished: Promise<void>;
  private finish!: () => void;

  constructor(private readonly options: ConsoleAdapterOptions) {
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
    const reply = text === '' ? '' : await this.ask(text);
    if (reply) this.options.output.write(reply + '\n\n');
    if (this.options.interactive && !this.leaving) this.lines?.prompt();
  }

  private async ask(text: string): Promise<string> {
    try {
      const context = { platform: CONSOLE_PLATFORM, session: this.session };
      return renderText(await this.options.router.answer(text, context), this.style, CONSOLE_HINTS);
    } catch (error) {
      this.options.logger.error({ err: error, query: text }, 'console answer failed');
      return renderText(APOLOGY, this.style);
    }
  }
}

const CONSOLE_HINTS: TextHints = {
  seriesStep: (_step, kind) => (kind === 'start' ? 'Type "start".' : 'Type "next part".'),
};
