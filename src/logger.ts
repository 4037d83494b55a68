import pino, { type DestinationStream, type Logger } from 'pino';
import { secretRedaction } from './log-redaction.js';
import { textDestination } from './log-text.js';
import type { PlatformDescriptor } from './platform/platform-descriptor.js';

export type { Logger } from 'pino';

/** Options of the process logger. */
export interface LoggerOptions {
  level: string;
  /** Where log lines go; the console adapter and the CLI keep standard output for the conversation. */
  destination: 'stdout' | 'stderr';
  /**
   * `json` for log collectors, `text` for a person; unset, text when standard output is a
   * terminal and JSON otherwise (a container, a pipe, a service manager).
   */
  format?: 'json' | 'text' | undefined;
  /**
   * The registered platforms, whose secret settings are redacted wherever they appear; required,
   * so that no logger is made without them by mistake (one that never sees a config may pass []).
   */
  platforms: readonly PlatformDescriptor[];
  /** Writes JSON lines here instead of `destination` (tests capture the log this way). */
  stream?: DestinationStream;
}

/** The process logger: JSON lines (or text lines for a person) through pino, secrets redacted. */
export function createLogger(options: LoggerOptions): Logger {
  const fd = options.destination === 'stdout' ? 1 : 2;
  const format = options.format ?? (process.stdout.isTTY ? 'text' : 'json');
  return pino(
    { name: 'devops-bot', level: options.level, ...secretRedaction(options.platforms) },
    options.stream ??
      (format === 'text' ? textDestination(fd) : pino.destination({ fd, sync: true })),
  );
}
