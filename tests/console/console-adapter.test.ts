import { PassThrough } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.js';
import type { AnswerEngine } from '../../src/engine/engine.js';
import { APOLOGY } from '../../src/platform/failure-notices.js';
import { ConversationRouter } from '../../src/platform/conversation-router.js';
import { SUBSCRIPTION_COMMANDS } from '../../src/weekly/subscription-commands.js';
import { fixtureEngine } from '../support/content.js';

/** Runs the console adapter over `lines` and returns what it printed and logged. */
async function converse(
  lines: string[],
  options: { interactive?: boolean; engine?: AnswerEngine } = {},
) {
  const engine = options.engine ?? (await fixtureEngine());
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const logged: string[] = [];
  const adapter = new ConsoleAdapter({
    router: new ConversationRouter(() => engine, Object.values(SUBSCRIPTION_COMMANDS)),
    input,
    output,
    logger: pino({ level: 'info' }, { write: (line: string) => logged.push(line) }),
    interactive: options.interactive ?? false,
  });
  await adapter.start();
  expect(adapter.isReady()).toBe(true);
  input.end(lines.join('\n') + '\n');
  await adapter.finished;
  return { printed, logged };
}

describe('the console adapter', () => {
  it('pages with "more" and stops at "exit", ignoring what follows', async () => {
    const { printed } = await converse(['docker', 'more', 'exit', 'helm']);
    expect(printed).toMatch(/^\s*1\. /m);
    expect(printed).toMatch(/^\s*6\. /m);
    expect(printed).not.toContain('Helm charts from zero');
  });

  it('greets, prompts, and prints clickable links on a terminal', async () => {
    const { printed } = await converse(['helm'], { interactive: true });
    expect(printed).toContain('devops-bot: ask about a DevOps or MLOps topic');
    expect(printed).toContain('devops> ');
    expect(printed).toContain('\u001b]8;;https://slides.example.org/helm-charts.pdf\u001b\\');
  });

  it('strips control characters a query could use to rewrite the terminal', async () => {
    const { printed } = await converse(['\u001b[2Jkafka\u0007 streaming']);
    expect(printed).toContain('Nothing in the catalog matches "[2Jkafka streaming"');
    expect(printed).not.toContain('\u001b');
    expect(printed).not.toContain('\u0007');
  });

  it('says which topic a misspelt name was read as', async () => {
    const { printed } = await converse(['kuberntes']);
    expect(printed).toContain('Showing Kubernetes for "kuberntes".');
  });

  it('apologises and logs when answering fails, then carries on', async () => {
    const real = await fixtureEngine();
    const failing: AnswerEngine = {
      ...real,
      answer: (query) => {
        if (query === 'explode') throw new Error('index corrupted');
        return real.answer(query);
      },
    };
    const { printed, logged } = await converse(['explode', 'topics'], { engine: failing });
    expect(printed).toContain(`${APOLOGY.title}\n${APOLOGY.lines[0]}`);
    expect(printed).not.toContain('index corrupted');
    expect(printed).toContain('Kubernetes (7)');
    expect(logged.join('')).toContain('index corrupted');
  });

  it('lists its own "more" and "exit" in help, after the bot\'s commands', async () => {
    const { printed } = await converse(['help']);
    const lines = printed.split('\n');
    const at = (usage: string) => lines.findIndex((line) => line.trimStart().startsWith(usage));
    expect(at('topics')).toBeGreaterThan(-1);
    expect(at('more')).toBeGreaterThan(at('topics'));
    expect(at('exit')).toBeGreaterThan(at('more'));
    expect(printed).toContain('Show the next page of the last answer.');
  });

  it('says there is nothing more after the last page instead of repeating it', async () => {
    const { printed } = await converse(['helm', 'more']);
    expect(printed).toContain('Nothing more: that was the last page for "helm".');
    expect(printed.match(/helm-charts\.pdf/g)).toHaveLength(1);
  });

  it('says "more" needs a question first', async () => {
    const { printed } = await converse(['more']);
    expect(printed).toContain('Nothing to continue yet');
    expect(printed).not.toContain('Nothing in the catalog matches');
  });

  it('explains that channel commands work in chat channels', async () => {
    const { printed } = await converse(['subscribe weekly monday 09:00 UTC', 'unsubscribe']);
    expect(printed).toContain('"subscribe" works in chat channels');
    expect(printed).toContain('Type "/devops subscribe');
    expect(printed).toContain('"unsubscribe" works in chat channels');
    expect(printed).not.toContain('Nothing in the catalog matches');
  });
});
