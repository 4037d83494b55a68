// npm run load: the bot in Slack HTTP mode under 1,000 signed slash commands, 50 at a time.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { labeledQueries } from './relevance.js';
import { describeLoad, runSlackLoad } from './slack-load.js';

// Two levels up from the bundle in dist/bench.
const ROOT = path.resolve(import.meta.dirname, '../..');
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      commands: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '50' },
    },
  });
  const commands = Number(values.commands);
  const concurrency = Number(values.concurrency);
  if (!(
    Number.isInteger(commands) &&
    commands > 0 &&
    Number.isInteger(concurrency) &&
    concurrency > 0
  )) {
    console.error(
      'usage: npm run load -- [--commands N] [--concurrency N] (whole numbers above 0)',
    );
    process.exit(2);
  }
  console.log(
    `${commands} signed /devops slash commands, ${concurrency} at a time, to the bot in Slack HTTP mode against a fake Slack`,
  );
  const figures = await runSlackLoad({
    botEntry: path.join(ROOT, 'dist/src/entry/main.js'),
    contentDir: path.join(ROOT, 'content'),
    queries: labeledQueries().map((query) => query.query),
    commands,
    concurrency,
  });
  const { text, ok } = describeLoad(figures);
  console.log(text);
  process.exitCode = ok ? 0 : 1;
}

await main();
