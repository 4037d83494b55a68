#!/usr/bin/env node
import { ConsoleAdapter } from '../adapters/console/console-adapter.js';
import { parseConfig, readEnvironment } from './config.js';
import { createLogger } from './logger.js';
import { loadEngine } from './app/load-engine.js';
import { exitWithStartupError, formatIssue } from './app/startup-errors.js';

/** Starts the bot: the configured platforms, or the console when none is configured. */
async function main(): Promise<void> {
  const config = parseConfig(readEnvironment());
  const platforms = [config.slack && 'slack', config.discord && 'discord'].filter(Boolean);
  const logger = createLogger({
    level: config.logLevel,
    destination: platforms.length === 0 ? 'stderr' : 'stdout',
  });
  const { engine, report } = await loadEngine(config.contentDir);
  for (const warning of report.warnings) logger.warn(formatIssue(warning));
  logger.info(
    { resources: engine.catalog.resources.length, topics: engine.catalog.topics.length },
    'content indexed',
  );

  const consoleAdapter = new ConsoleAdapter({
    engine: () => engine,
    input: process.stdin,
    output: process.stdout,
    logger,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  });
  await consoleAdapter.start();
  await consoleAdapter.finished;
}

main().catch(exitWithStartupError);
