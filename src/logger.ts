import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** Paths whose values never reach a log line, wherever a secret could be passed along. */
const REDACTED_PATHS = [
  'token',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.clientSecret',
  '*.password',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  '*.headers.authorization',
  'config.slack.botToken',
  'config.slack.appToken',
  'config.slack.signingSecret',
  'config.discord.token',
];

/** Options of the process logger. */
export interface LoggerOptions {
  level: string;
  /** Where log lines go; the console adapter and the CLI keep standard output for the conversation. */
  destination: 'stdout' | 'stderr';
}

/** The process logger: JSON lines through pino, secrets redacted. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      name: 'devops-bot',
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    pino.destination({ fd: options.destination === 'stdout' ? 1 : 2, sync: true }),
  );
}
