#!/usr/bin/env node
import path from 'node:path';
import { mapStackTracesToSources } from './app/source-mapped-stacks.js';
import { ConsoleAdapter } from '../../adapters/console/console-adapter.js';
import { PLATFORMS } from '../../adapters/platforms.js';
import { type Config, parseConfig, readEnvironment } from '../config.js';
import { configuredPlatforms } from '../platform/platform-settings.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../silent-logger.js';
import type { RunningBot } from './app/bot.js';
import { loadEngine, type LoadedEngine } from './app/load-engine.js';
import { reloadContentOnChange } from './app/content-reloads.js';
import { EngineHolder } from './app/engine-holder.js';
import { ConversationRouter } from '../platform/conversation-router.js';
import { SUBSCRIPTION_COMMANDS } from '../weekly/subscription-commands.js';
import { REPORT_CHAT_COMMAND } from '../analytics/report-chat-command.js';
import { SUGGEST_COMMAND } from '../suggestions/suggest-command.js';
import { exitWithStartupError, formatIssue } from './app/startup-errors.js';
import { endQuietlyWhenReaderLeaves } from './app/closed-pipe.js';
import { logBackgroundFailures } from './app/background-failures.js';

mapStackTracesToSources();

// A stop that has not finished by then is cut short, so orchestrators never need to kill the process.
const SHUTDOWN_DEADLINE_MS = 9_000;

/** Starts the bot: the configured platforms, or the console when none is configured. */
async function main(): Promise<void> {
  const config = parseConfig(readEnvironment(), PLATFORMS);
  const onConsole = configuredPlatforms(config).length === 0;
  const logger = await processLogger(config, onConsole);
  const loaded = await loadEngine(config.contentDir, {
    cacheDir: path.join(config.dataDir, 'cache'),
  });
  for (const warning of loaded.report.warnings) logger.warn(formatIssue(warning, 'warning'));
  logger.info(
    {
      resources: loaded.engine.catalog.resources.length,
      topics: loaded.engine.catalog.topics.length,
    },
    'content indexed',
  );

  if (onConsole) {
    await runConsole(config, logger, loaded);
    return;
  }
  // Loaded only here: the composition of the chat platforms is large, and the console never needs it.
  const { startBot } = await import('./app/bot.js');
  const bot = await startBot(config, logger, loaded);
  logBackgroundFailures(logger);
  stopOnSignals(bot, logger);
  logger.info({ opsPort: bot.opsPort }, 'devops-bot is ready');
}

/**
 * The process logger. With LOG_LEVEL=silent nothing is written, so pino is not even loaded:
 * it is a good share of a console start.
 */
async function processLogger(config: Config, onConsole: boolean): Promise<Logger> {
  if (config.logLevel === 'silent') return silentLogger();
  const { createLogger } = await import('../logger.js');
  return createLogger({
    level: config.logLevel,
    destination: onConsole ? 'stderr' : 'stdout',
    format: config.logFormat,
    platforms: config.knownPlatforms,
  });
}

/** The local console: the shared conversation path, content reloads, and no chat platform. */
async function runConsole(config: Config, logger: Logger, loaded: LoadedEngine): Promise<void> {
  const holder = new EngineHolder(loaded.engine, config.contentDir, logger);
  const stopReloading = reloadContentOnChange(holder, config.contentDir);
  const router = new ConversationRouter(
    () => holder.current,
    // Declared only: the console has no channel, so the router says where these work.
    [...Object.values(SUBSCRIPTION_COMMANDS), REPORT_CHAT_COMMAND, SUGGEST_COMMAND],
  );
  const consoleAdapter = new ConsoleAdapter({
    router,
    input: process.stdin,
    output: process.stdout,
    logger,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  });
  await consoleAdapter.start();
  await consoleAdapter.finished;
  stopReloading();
}

/**
 * Stops the bot on SIGTERM or SIGINT (exit code 0), or when a platform adapter gives up: then one
 * line says why and what to do, and the exit code is the reason's (2: fix the setup, 1: try later).
 */
function stopOnSignals(bot: RunningBot, logger: Logger): void {
  let stopping = false;
  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const deadline = setTimeout(() => {
      logger.warn('shutdown took too long; exiting anyway');
      process.exit(exitCode);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    bot.stop().then(
      () => {
        logger.info('stopped');
        process.exit(exitCode);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    stop(0);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  void bot.gaveUp.then((reason) => {
    logger.fatal({ code: reason.code, exitCode: reason.exitCode }, reason.message);
    stop(reason.exitCode);
  });
}

endQuietlyWhenReaderLeaves();
main().catch(exitWithStartupError);
