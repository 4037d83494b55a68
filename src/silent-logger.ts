import type { Logger } from 'pino';

const writeNothing = () => undefined;

/**
 * The logger for LOG_LEVEL=silent: it writes nothing, as pino would at that level, without
 * loading pino and its stream modules, a good share of a console start. It has the members
 * devops-bot's code calls on a logger.
 */
export function silentLogger(): Logger {
  const logger = {
    level: 'silent',
    fatal: writeNothing,
    error: writeNothing,
    warn: writeNothing,
    info: writeNothing,
    debug: writeNothing,
    trace: writeNothing,
    silent: writeNothing,
    isLevelEnabled: () => false,
    flush: writeNothing,
    child: () => logger,
  };
  // pino's Logger type has many more members than a logger that writes nothing needs.
  return logger as unknown as Logger;
}
