import { createInterface } from 'node:readline';
import { renderText } from '../../../adapters/console/render-text.js';
import { createEngine, type AnswerEngine } from '../../engine/engine.js';
import { type CliCommand, type CliIo, positiveInteger, UsageError } from '../cli-command.js';
import { CONTENT_OPTION, loadUsableContent } from '../content-flag.js';
import { toJsonAnswer } from '../json-answer.js';

const DEFAULT_LIMIT = 10;

/** `devops-bot ask`: answers one query, or one a line from standard input. */
export const askCommand: CliCommand = {
  name: 'ask',
  usage: 'ask [--json] [--limit N] [--page N] [--content DIR] "QUERY"',
  summary:
    'Answer a query; with --json and no QUERY, answer each line of standard input as one JSON object a line.',
  options: {
    json: { type: 'boolean' },
    limit: { type: 'string' },
    page: { type: 'string' },
    ...CONTENT_OPTION,
  },
  async run(args, io) {
    const limit = positiveInteger(args.values.limit, 'limit', DEFAULT_LIMIT);
    const page = positiveInteger(args.values.page, 'page', 1);
    const json = args.values.json === true;
    const query = args.positionals.join(' ').trim();
    if (query === '' && io.stdin.isTTY) {
      throw new UsageError('give a QUERY, or pipe queries on standard input, one a line');
    }
    const content = await loadUsableContent(args, io);
    const engine = createEngine(content.catalog);
    const answerOne = (text: string) => write(io, engine, text, { limit, page, json });
    if (query !== '') {
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
  options: { limit: number; page: number; json: boolean },
): void {
  const answer = engine.answer(query, { pageSize: options.limit, page: options.page });
  io.stdout.write(
    options.json ? JSON.stringify(toJsonAnswer(query, answer)) + '\n' : renderText(answer) + '\n\n',
  );
}
