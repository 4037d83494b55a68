import { PassThrough } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.js';
import type { Answer } from '../../src/engine/answer.js';
import type { AnswerEngine } from '../../src/engine/engine.js';
import { ConversationRouter } from '../../src/platform/conversation-router.js';
import { fixtureEngine, loadFiles, shippedEngine } from '../support/content.js';
import { createEngine } from '../../src/engine/engine.js';
import { offeredStep } from '../../src/engine/learning-path.js';

/** The step an answer offers: a topic's path start or a part's next. */
function stepOf(answer: Answer) {
  return offeredStep(answer)?.step;
}

describe('learning paths in the engine', () => {
  it('answers "part N of SERIES" with that part alone, whatever the case, offering the next', async () => {
    const engine = await fixtureEngine();

    const answer = engine.answer('Part 2 of cluster BASICS');

    expect(answer).toMatchObject({
      kind: 'search',
      query: 'part 2 of Cluster basics',
      topic: { name: 'Kubernetes' },
      notes: ['Part 2 of 3 of the series “Cluster basics”.'],
      next: { series: 'Cluster basics', part: 3, of: 3, query: 'part 3 of Cluster basics' },
    });
    expect(answer.kind === 'search' && answer.results.map((r) => r.resource.title)).toEqual([
      'Cluster basics, part 2: Jobs',
    ]);
  });

  it('says the last part is the last and offers nothing after it', async () => {
    const answer = (await fixtureEngine()).answer('part 3 of Cluster basics');

    expect(answer).toMatchObject({
      notes: ['Part 3 of 3 of the series “Cluster basics”, the last part.'],
    });
    expect(stepOf(answer)).toBeUndefined();
  });

  it('reads "part N of" something that is no series as an ordinary question', async () => {
    const engine = await fixtureEngine();

    expect(engine.answer('part 1 of quantum flux')).toMatchObject({ kind: 'none' });
    const missingPart = engine.answer('part 7 of Cluster basics');
    expect(missingPart).toMatchObject({ kind: 'search', query: 'part 7 of Cluster basics' });
    expect(JSON.stringify(missingPart)).not.toContain('of the series');
  });

  it('gives a topic whose resources hold a series a path starting at part 1, and others none', async () => {
    const engine = await fixtureEngine();

    expect(engine.answer('kubernetes')).toMatchObject({
      kind: 'topic',
      path: {
        series: 'Cluster basics',
        parts: 3,
        start: { part: 1, query: 'part 1 of Cluster basics' },
      },
    });
    expect(engine.answer('helm')).not.toHaveProperty('path');
  });

  it('offers the part after the first series result of a search, not one in another series', async () => {
    const engine = await fixtureEngine();

    expect(stepOf(engine.answer('k8s jobs'))).toMatchObject({ series: 'Cluster basics', part: 3 });
    expect(stepOf(engine.answer('k8s cronjobs'))).toBeUndefined();
  });

  it('follows the parts in part order even when the curator wrote them out of order', async () => {
    const { catalog } = await loadFiles({
      'steps.md': [
        '# Steps',
        '',
        'Numbered steps.',
        '',
        '- [Step two](https://steps.example.org/2) — The second step of the walk. (article; series: Walk, part 2)',
        '- [Step one](https://steps.example.org/1) — The first step of the walk. (article; series: Walk, part 1)',
        '',
      ].join('\n'),
    });
    const engine = createEngine(catalog);

    expect(stepOf(engine.answer('steps'))).toMatchObject({ part: 1, title: 'Step one' });
    expect(stepOf(engine.answer('part 1 of walk'))).toMatchObject({ part: 2, title: 'Step two' });
  });

  it('walks the Kubernetes series of the shipped content from part 1 to its last part', async () => {
    const engine = await shippedEngine();
    const parts: number[] = [];
    let step = stepOf(engine.answer('kubernetes'));
    while (step && parts.length < 50) {
      const answer = engine.answer(step.query);
      expect(answer.kind === 'search' && answer.results[0]!.resource.series).toMatchObject({
        part: step.part,
      });
      parts.push(step.part);
      step = stepOf(answer);
    }

    expect(parts.length).toBeGreaterThan(1);
    expect(parts).toEqual(parts.map((_, index) => index + 1));
  });
});

describe('learning paths in the console', () => {
  async function converse(engine: AnswerEngine, lines: string[]): Promise<string> {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const adapter = new ConsoleAdapter({
      router: new ConversationRouter(() => engine),
      input,
      output,
      logger: pino({ level: 'silent' }),
      interactive: false,
    });
    await adapter.start();
    input.end(lines.join('\n') + '\n');
    await adapter.finished;
    return printed;
  }

  it('starts a topic\'s path with "start" and walks it with "next part" until the last part', async () => {
    const printed = await converse(await fixtureEngine(), [
      'kubernetes',
      'start',
      'next part',
      'next part',
      'next part',
    ]);

    expect(printed).toContain('Start here: part 1 of 3. Type "start".');
    const walked = [...printed.matchAll(/Part (\d) of 3 of the series/g)].map((m) => m[1]);
    expect(walked).toEqual(['1', '2', '3']);
    expect(printed).toContain(
      'Next: part 2 of 3, "Cluster basics, part 2: Jobs". Type "next part".',
    );
    expect(printed).toContain('No part to follow: the last answer ended its series');
  });
});
