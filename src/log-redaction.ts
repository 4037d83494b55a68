import pino, { type LoggerOptions } from 'pino';
import type { PlatformDescriptor } from './platform/platform-descriptor.js';

const REDACTED = '[redacted]';

/** Paths whose values never reach a log line, wherever a secret could be passed along. */
const REDACTED_PATHS = [
  'token',
  '*.token',
  '*.clientSecret',
  '*.password',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  '*.headers.authorization',
];

/**
 * The paths of every platform's secret settings: in its settings passed along on their own
 * (`*.botToken`) and in the whole configuration (`config.platforms.slack.botToken`).
 */
function platformSecretPaths(platforms: readonly PlatformDescriptor[]): string[] {
  return platforms.flatMap((platform) =>
    platform.secretSettings.flatMap((setting) => [
      `*.${setting}`,
      `config.platforms.${platform.name}.${setting}`,
    ]),
  );
}

/**
 * Secrets that travel inside URLs, bodies and messages rather than in named fields: a Discord
 * interaction or webhook token (lets anyone answer as the bot), a Slack `response_url` path,
 * Slack tokens, and `Authorization` values.
 */
const SECRETS_IN_TEXT: [RegExp, string][] = [
  [/(\/(?:interactions|webhooks)\/\d+\/)[^/\s"'?#]+/g, `$1${REDACTED}`],
  [
    /(\/(?:commands|actions|services|workflows|triggers)\/[TE][A-Z0-9]+\/)[^\s"'?#]+/g,
    `$1${REDACTED}`,
  ],
  [/\b(?:xox[a-z]|xapp)-[\w-]+/g, REDACTED],
  [/\b(Bot|Bearer) [\w.~+/-]+=*/g, `$1 ${REDACTED}`],
];

/** `text` with every secret {@link SECRETS_IN_TEXT} recognises replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  return SECRETS_IN_TEXT.reduce((result, [pattern, by]) => result.replace(pattern, by), text);
}

/**
 * A copy of `value` with secrets redacted from every string in it. Only plain objects and arrays
 * are copied unless `everyObject` is set: before serializers run, an Error must stay an Error.
 */
function redactDeep(value: unknown, everyObject = false, depth = 0): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (depth > 8 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, everyObject, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (!everyObject && prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, redactDeep(item, everyObject, depth + 1)]),
  );
}

/** An error as pino serializes it (message, stack, cause, URL, request body…), secrets redacted. */
function redactedError(error: unknown): unknown {
  return redactDeep(error instanceof Error ? pino.stdSerializers.err(error) : error, true);
}

/**
 * The pino options that keep secrets out of the log: named fields censored, and secrets inside
 * any string (the message, its arguments, every field, every serialized error) redacted.
 */
export function secretRedaction(
  platforms: readonly PlatformDescriptor[] = [],
): Pick<LoggerOptions, 'redact' | 'serializers' | 'formatters' | 'hooks'> {
  return {
    redact: {
      paths: [...new Set([...REDACTED_PATHS, ...platformSecretPaths(platforms)])],
      censor: REDACTED,
    },
    serializers: { err: redactedError, error: redactedError },
    formatters: { log: (fields) => redactDeep(fields) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        const redacted = args.map((arg) => (typeof arg === 'string' ? redactSecrets(arg) : arg));
        method.apply(this, redacted as Parameters<typeof method>);
      },
    },
  };
}
