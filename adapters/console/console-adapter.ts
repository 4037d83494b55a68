import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AnswerEngine } from '../../src/engine/engine.js';
import { stripInvocation } from '../../src/engine/invocation.js';
import type { Logger } from '../../src/logger.js';
import type { PlatformAdapter } from '../../src/platform/adapter.js';
import { renderText } from './render-text.js';
import type { TerminalStyle } from './terminal-text.js';

/** What the console adapter reads from and writes to. */
export interface ConsoleAdapterOptions {
  /** The engine to ask; a function so that a content reload is picked up at the next line. */
  engine: () => AnswerEngine;
  input: Readable;
  output: Writable;
  logger: Logger;
  /** True for a person at a terminal: a prompt, colours and clickable links. */
  interactive: boolean;
}

const NEXT_PAGE_WORDS = new Set(['more', 'next']);
const EXIT_WORDS = new Set(['exit', 'quit', '/exit', '/quit']);

/** Talk to the bot from a terminal, or pipe queries through it one a line. */
export class ConsoleAdapter implements PlatformAdapter {
  readonly name = 'console';
  private lines?: Interface;
  private lastQuery?: { text: string; page: number };
  private readonly style: TerminalStyle;
  /** Resolves when the input ends or the person types `exit`. */
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
    let leaving = false;
    this.lines.on('line', (line) => {
      // Lines already read when the person typed `exit` still arrive; they are not answered.
      if (leaving) return;
      const reply = this.reply(line);
      if (reply === undefined) {
        leaving = true;
        this.lines?.close();
        return;
      }
      if (reply) output.write(reply + '\n\n');
      if (interactive) this.lines?.prompt();
    });
    this.lines.on('close', () => this.finish());
  }

  isReady(): boolean {
    return this.lines !== undefined;
  }

  async stop(): Promise<void> {
    this.lines?.close();
    await this.finished;
  }

  /** The text to print for one line of input; undefined to leave. */
  private reply(line: string): string | undefined {
    const text = stripInvocation(line);
    if (EXIT_WORDS.has(text.toLowerCase())) return undefined;
    if (text === '') return '';
    try {
      const next = NEXT_PAGE_WORDS.has(text.toLowerCase()) && this.lastQuery;
      const query = next
        ? { text: this.lastQuery!.text, page: this.lastQuery!.page + 1 }
        : { text, page: 1 };
      const answer = this.options.engine().answer(query.text, { page: query.page });
      this.lastQuery = { text: query.text, page: 'page' in answer ? answer.page.number : 1 };
      return renderText(answer, this.style);
    } catch (error) {
      this.options.logger.error({ err: error, query: text }, 'console answer failed');
      return 'Sorry, something went wrong while answering that. The error has been logged.';
    }
  }
}
