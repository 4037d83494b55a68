#!/usr/bin/env node
import { ConsoleAdapter } from '../adapters/console/console-adapter.js';
import { createPlatformAdapters } from '../adapters/platforms.js';
import { parseConfig, readEnvironment } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { loadEngine } from './app/load-engine.js';
import { exitWithStartupError, formatIssue } from './app/startup-errors.js';
import type { PlatformAdapter } from './platform/adapter.js';
import { ConversationRouter } from './platform/conversation.js';

/** Starts the bot: the configured platforms, or the console when none is configured. */
async function main(): Promise<void> {
  const config = parseConfig(readEnvironment());
  const onConsole = !config.slack && !config.discord;
  const logger = createLogger({
    level: config.logLevel,
    destination: onConsole ? 'stderr' : 'stdout',
  });
  const { engine, report } = await loadEngine(config.contentDir);
  for (const warning of report.warnings) logger.warn(formatIssue(warning, 'warning'));
  logger.info(
    { resources: engine.catalog.resources.length, topics: engine.catalog.topics.length },
    'content indexed',
  );

  if (onConsole) {
    const consoleAdapter = new ConsoleAdapter({
      engine: () => engine,
      input: process.stdin,
      output: process.stdout,
      logger,
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    });
    await consoleAdapter.start();
    await consoleAdapter.finished;
    return;
  }

  const router = new ConversationRouter(() => engine);
  const adapters = createPlatformAdapters({ config, router, logger });
  stopOnSignals(adapters, logger);
  for (const adapter of adapters) {
    await adapter.start();
    logger.info({ platform: adapter.name }, 'platform connected');
  }
}

function stopOnSignals(adapters: PlatformAdapter[], logger: Logger): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch(exitWithStartupError);
