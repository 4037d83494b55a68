import { createInterface } from 'node:readline';
import { renderText, type TextHints } from '../../../../adapters/console/render-text.js';
import type { AnswerEngine } from '../../../engine/engine.js';
import { countOf } from '../../../text/plural.js';
import { type CliCommand, type CliIo, positiveInteger, UsageError } from '../cli-command.js';
import { CONTENT_OPTION, loadUsableEngine } from '../content-flag.js';
import { renderExplanation } from '../explain-text.js';
import { explainJson, toJsonAnswer } from '../json-answer.js';

const DEFAULT_LIMIT = 10;

const ASK_HINTS: TextHints = {
  nextPage: (next) => `Add --page ${next} for the next page.`,
  seriesStep: (step) => `Run: devops-bot ask "${step.query}"`,
};

/** `devops-bot ask`: answers one query, or one a line from standard input. */
export const askCommand: CliCommand = {
  name: 'ask',
  usage: 'ask [--json] [--explain] [--limit N] [--page N] [--content DIR] "QUERY"',
  summary:
    'Answer a query ("" for help); with no QUERY, answer each line of standard input (with --json, one JSON object a line); --explain says how the query was read and why each result ranks where it does.',
  options: {
    json: { type: 'boolean' },
    explain: { type: 'boolean' },
    limit: { type: 'string' },
    page: { type: 'string' },
    ...CONTENT_OPTION,
  },
  async run(args, io) {
    const limit = positiveInteger(args.values.limit, 'limit', DEFAULT_LIMIT);
    const page = positiveInteger(args.values.page, 'page', 1);
    const json = args.values.json === true;
    const explain = args.values.explain === true;
    const query = args.positionals.join(' ').trim();
    // `ask ""` is a query, the empty one, which the engine answers with help; no words at all reads standard input.
    const fromStdin = args.positionals.length === 0;
    if (fromStdin && io.stdin.isTTY) {
      throw new UsageError('give a QUERY, or pipe queries on standard input, one a line');
    }
    const { engine } = await loadUsableEngine(args, io);
    const answerOne = (text: string) => write(io, engine, text, { limit, page, json, explain });
    if (!fromStdin) {
      answerOne(query);
      return 0;
    }
    for await (const line of createInterface({ input: io.stdin })) {
      if (line.trim() !== '') answerOne(line.trim());
    }
    return 0;
  },
};

function write(
  io: CliIo,
  engine: AnswerEngine,
  query: string,
  options: { limit: number; page: number; json: boolean; explain: boolean },
): void {
  const request = { pageSize: options.limit, page: options.page };
  if (options.explain) {
    const explanation = engine.explain(query, request);
    io.stdout.write(
      options.json
        ? JSON.stringify({
            ...toJsonAnswer(query, explanation.answer),
            explanation: explainJson(explanation),
          }) + '\n'
        : renderExplanation(query, explanation) + '\n\n',
    );
    return;
  }
  const answer = engine.answer(query, request);
  const page = 'page' in answer ? answer.page : undefined;
  const pastTheEnd = page !== undefined && page.number < options.page;
  if (options.json) {
    const json = toJsonAnswer(query, answer);
    io.stdout.write(JSON.stringify(pastTheEnd ? { ...json, results: [] } : json) + '\n');
    return;
  }
  const text = pastTheEnd
    ? `There is no page ${options.page} for "${query}": it has ${countOf(page.totalPages, 'page')} ` +
      `(${countOf(page.totalResults, 'resource')}).`
    : renderText(answer, { rich: false }, ASK_HINTS);
  io.stdout.write(text + '\n\n');
}
