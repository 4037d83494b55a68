import { isIP } from 'node:net';
import dotenv from 'dotenv';
// The namespace import lets the bundler keep only the parts used (the named export pulls in every
// locale): a quarter of the size, and of the start-up time spent compiling it.
import * as z from 'zod';
import {
  type AnalyticsConfig,
  analyticsConfig,
  analyticsEnvironment,
} from './analytics/analytics-config.js';
import { channelAddressProblem } from './weekly/channel-address.js';
import { cronProblem, isTimeZone, parseDuration } from './weekly/schedule-values.js';

/** Misconfiguration found at start: every bad variable, each with what is wrong and what to do. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      'The configuration is not valid:\n' +
        problems.map((problem) => `  - ${problem.variable}: ${problem.message}`).join('\n') +
        '\nSet these in the environment or in .env (see .env.example for every variable).',
    );
    this.name = 'ConfigError';
  }
}

/** Where the bot listens unless `HOST` / `OPS_HOST` say otherwise: this machine only. */
export const LOOPBACK = '127.0.0.1';

const optionalText = z.string().trim().optional();
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );
const httpUrl = optionalText.refine(
  (value) => value === undefined || /^https?:\/\/\S+$/.test(value),
  {
    message: 'must be an http:// or https:// URL',
  },
);
const port = (defaultPort: number) =>
  z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be 0 to 65535')
    .max(65535, 'must be 0 to 65535')
    .default(defaultPort);
const HOSTNAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const bindAddress = z
  .string()
  .trim()
  .refine((value) => isIP(value) !== 0 || HOSTNAME.test(value), {
    message:
      "must be an address to listen on: 127.0.0.1 (this machine only), 0.0.0.0 (every interface) or one interface's address",
  })
  .default(LOOPBACK);
const token = (prefix: string) =>
  optionalText.refine((value) => value === undefined || value.startsWith(prefix), {
    message: `must be a token starting with ${prefix} (the value is not shown)`,
  });

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'text'], { message: 'must be json or text' }).optional(),
  CONTENT_DIR: z.string().trim().min(1).default('content'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: optionalText.refine(
    (value) => value === undefined || /^postgres(ql)?:\/\/\S+$/.test(value),
    { message: 'must be a postgres:// or postgresql:// URL (the value is not shown)' },
  ),
  GATEWAY_LEASE_RETRY_SECONDS: z.coerce
    .number({ message: 'must be a number of seconds such as 5' })
    .min(0.1, 'must be at least 0.1 seconds, such as 5')
    .max(10, 'must be at most 10 seconds, so that a standby takes over soon after the holder fails')
    .default(5),
  PORT: port(3000),
  HOST: bindAddress,
  OPS_PORT: port(9464),
  OPS_HOST: bindAddress,
  METRICS_TOKEN: optionalText.refine((value) => value === undefined || value.length >= 16, {
    message:
      'must be at least 16 characters (the value is not shown); generate one with: openssl rand -hex 32',
  }),
  SLACK_BOT_TOKEN: token('xoxb-'),
  SLACK_APP_TOKEN: token('xapp-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_MODE: z.enum(['socket', 'http']).optional(),
  SLACK_API_URL: httpUrl,
  SLACK_COMMAND: z
    .string()
    .trim()
    .regex(/^\/[a-z0-9_-]{1,31}$/, 'must be a slash command such as /devops')
    .default('/devops'),
  SLACK_RESPONSE: z.enum(['ephemeral', 'in_channel']).default('ephemeral'),
  SLACK_ADMIN_USERS: list,
  DISCORD_TOKEN: optionalText,
  DISCORD_APP_ID: optionalText.refine((value) => value === undefined || /^\d{5,20}$/.test(value), {
    message: 'must be the application id (a number) from the Discord developer portal',
  }),
  DISCORD_API_URL: httpUrl,
  DISCORD_EPHEMERAL: flag,
  DISCORD_READY_TIMEOUT_SECONDS: z.coerce
    .number({ message: 'must be a number of seconds such as 60' })
    .positive('must be a number of seconds above 0, such as 60')
    .default(60),
  WEEKLY_CHANNELS: list.superRefine((channels, context) => {
    for (const channel of channels) {
      const problem = channelAddressProblem(channel);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }
  }),
  WEEKLY_CRON: z
    .string()
    .trim()
    .default('0 9 * * 1')
    .superRefine((pattern, context) => {
      const problem = cronProblem(pattern);
      if (problem)
        context.addIssue({ code: 'custom', message: `is not a valid cron expression: ${problem}` });
    }),
  WEEKLY_TZ: z
    .string()
    .trim()
    .default('UTC')
    .refine(isTimeZone, { message: 'must be an IANA time zone name such as Europe/Paris or UTC' }),
  CHECK_LINKS_CRON: z
    .string()
    .trim()
    .optional()
    .superRefine((pattern, context) => {
      const problem = pattern === undefined ? undefined : cronProblem(pattern);
      if (problem)
        context.addIssue({ code: 'custom', message: `is not a valid cron expression: ${problem}` });
    }),
  WEEKLY_CATCHUP: z
    .string()
    .trim()
    .default('12h')
    .transform((text, context) => {
      const ms = parseDuration(text);
      if (ms === undefined) {
        context.addIssue({ code: 'custom', message: 'must be a duration such as 12h, 90m or 1d' });
        return z.NEVER;
      }
      return ms;
    }),
  ...analyticsEnvironment,
});

type Environment = z.infer<typeof environmentSchema>;

/** The name of every environment variable the configuration reads. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(environmentSchema.shape);

/** Slack settings, present when Slack is configured. */
export interface SlackConfig {
  botToken: string;
  mode: 'socket' | 'http';
  appToken?: string;
  signingSecret?: string;
  apiUrl?: string;
  command: string;
  responseType: 'ephemeral' | 'in_channel';
  adminUsers: string[];
}

/** Discord settings, present when Discord is configured. */
export interface DiscordConfig {
  token: string;
  appId: string;
  apiUrl?: string;
  ephemeral: boolean;
  /** How long to wait for the gateway's READY (at start or after a reconnect) before giving up. */
  readyTimeoutMs?: number;
}

/** The resource-of-the-week defaults and the channels subscribed by configuration. */
export interface WeeklyConfig {
  /** Channel addresses such as `slack:C0123` subscribed from the environment. */
  channels: string[];
  cron: string;
  timezone: string;
  /** How late a missed slot may still be posted after a restart, in milliseconds. */
  catchUpMs: number;
}

/** The ops server: health, readiness and metrics, on a port of their own, never Slack's. */
export interface OpsConfig {
  /** `OPS_PORT`; 0 picks a free port (the running bot reports the one it bound). */
  port: number;
  /** `OPS_HOST`, the address the ops server listens on. */
  host: string;
  /** `METRICS_TOKEN`: when set, `/metrics` needs `Authorization: Bearer <token>`. */
  metricsToken?: string;
}

/** Where the bot keeps its state: SQLite under `DATA_DIR`, or PostgreSQL when `DATABASE_URL` is set. */
export type StoreConfig = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string };

/** The whole configuration, parsed once at start. */
export interface Config {
  weekly: WeeklyConfig;
  env: Environment['NODE_ENV'];
  logLevel: Environment['LOG_LEVEL'];
  /** `json` or `text`; unset, the bot picks text for a terminal and JSON otherwise. */
  logFormat?: 'json' | 'text';
  contentDir: string;
  dataDir: string;
  store: StoreConfig;
  /**
   * How often a replica standing by for an exclusive session (Discord's gateway) tries the lease
   * again, and how often the holder checks it still has it, in milliseconds.
   */
  leaseRetryMs: number;
  analytics: AnalyticsConfig;
  /** `PORT`, where Slack's HTTP mode receives `/slack/events`; 0 picks a free port. */
  port: number;
  /** `HOST`, the address Slack's HTTP mode listens on. */
  host: string;
  ops: OpsConfig;
  slack?: SlackConfig;
  discord?: DiscordConfig;
  /** When the bot checks the catalog's links itself (cron in the weekly time zone); unset, it never does. */
  checkLinks?: { cron: string; timezone: string };
}

/** Reads `.env` (without overriding variables already set) and returns the environment. */
export function readEnvironment(): NodeJS.ProcessEnv {
  dotenv.config({ quiet: true });
  return process.env;
}

/**
 * The environment with empty values removed: `NAME=` (as `.env.example` has for every optional
 * setting) means "unset" for every variable, so defaults apply and no blank value is checked.
 */
function withoutEmptyValues(env: NodeJS.ProcessEnv): Record<string, string> {
  const set: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') set[name] = value.trim();
  }
  return set;
}

/** Parses and checks the environment; throws {@link ConfigError} naming every bad variable. */
export function parseConfig(environment: NodeJS.ProcessEnv): Config {
  const env = withoutEmptyValues(environment);
  const parsed = environmentSchema.safeParse(env);
  const problems: { variable: string; message: string }[] = [];
  if (!parsed.success) {
    problems.push(
      ...parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0]),
        message: issue.message,
      })),
    );
    // Settings that only make sense together are checked on the raw values too, so one message names everything.
    slackConfig(env as unknown as Environment, problems);
    discordConfig(env as unknown as Environment, problems);
    throw new ConfigError(problems);
  }
  const values = parsed.data;
  const slack = slackConfig(values, problems);
  const discord = discordConfig(values, problems);
  if (slack?.mode === 'http' && values.PORT !== 0 && values.PORT === values.OPS_PORT) {
    problems.push({
      variable: 'OPS_PORT',
      message: `must differ from PORT (${values.PORT}): Slack's HTTP mode listens on PORT, health and metrics on OPS_PORT`,
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: values.NODE_ENV,
    logLevel: values.LOG_LEVEL,
    ...(values.LOG_FORMAT ? { logFormat: values.LOG_FORMAT } : {}),
    contentDir: values.CONTENT_DIR,
    dataDir: values.DATA_DIR,
    store: values.DATABASE_URL
      ? { kind: 'postgres', url: values.DATABASE_URL }
      : { kind: 'sqlite', dataDir: values.DATA_DIR },
    leaseRetryMs: values.GATEWAY_LEASE_RETRY_SECONDS * 1000,
    analytics: analyticsConfig(values),
    port: values.PORT,
    host: values.HOST,
    ops: {
      port: values.OPS_PORT,
      host: values.OPS_HOST,
      ...(values.METRICS_TOKEN ? { metricsToken: values.METRICS_TOKEN } : {}),
    },
    weekly: {
      channels: values.WEEKLY_CHANNELS,
      cron: values.WEEKLY_CRON,
      timezone: values.WEEKLY_TZ,
      catchUpMs: values.WEEKLY_CATCHUP,
    },
    ...(slack ? { slack } : {}),
    ...(discord ? { discord } : {}),
    ...(values.CHECK_LINKS_CRON
      ? { checkLinks: { cron: values.CHECK_LINKS_CRON, timezone: values.WEEKLY_TZ } }
      : {}),
  };
}

function slackConfig(values: Environment, problems: { variable: string; message: string }[]) {
  const {
    SLACK_BOT_TOKEN: botToken,
    SLACK_APP_TOKEN: appToken,
    SLACK_SIGNING_SECRET: signingSecret,
  } = values;
  if (!botToken) {
    if (appToken || signingSecret) {
      problems.push({
        variable: 'SLACK_BOT_TOKEN',
        message:
          'is missing; Slack needs the bot token (xoxb-) as well as SLACK_APP_TOKEN or SLACK_SIGNING_SECRET',
      });
    }
    return undefined;
  }
  let mode =
    values.SLACK_MODE ??
    (appToken && !signingSecret ? 'socket' : signingSecret && !appToken ? 'http' : undefined);
  if (!appToken && !signingSecret) {
    problems.push({
      variable: 'SLACK_APP_TOKEN',
      message:
        'or SLACK_SIGNING_SECRET is needed with SLACK_BOT_TOKEN: the app token (xapp-) for Socket Mode, or the signing secret for HTTP mode',
    });
  } else if (!mode) {
    problems.push({
      variable: 'SLACK_MODE',
      message:
        'must be "socket" or "http" when both SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are set',
    });
  } else if (mode === 'socket' && !appToken) {
    problems.push({ variable: 'SLACK_APP_TOKEN', message: 'is needed when SLACK_MODE is socket' });
  } else if (mode === 'http' && !signingSecret) {
    problems.push({
      variable: 'SLACK_SIGNING_SECRET',
      message: 'is needed when SLACK_MODE is http',
    });
  }
  mode ??= 'http';
  return {
    botToken,
    mode,
    command: values.SLACK_COMMAND,
    responseType: values.SLACK_RESPONSE,
    adminUsers: values.SLACK_ADMIN_USERS,
    ...(appToken ? { appToken } : {}),
    ...(signingSecret ? { signingSecret } : {}),
    ...(values.SLACK_API_URL ? { apiUrl: values.SLACK_API_URL } : {}),
  } satisfies SlackConfig;
}

function discordConfig(values: Environment, problems: { variable: string; message: string }[]) {
  const { DISCORD_TOKEN: token, DISCORD_APP_ID: appId } = values;
  if (!token && !appId) return undefined;
  if (!token)
    problems.push({
      variable: 'DISCORD_TOKEN',
      message: 'is missing; DISCORD_APP_ID is set without it',
    });
  if (!appId)
    problems.push({
      variable: 'DISCORD_APP_ID',
      message: 'is missing; DISCORD_TOKEN is set without it',
    });
  if (!token || !appId) return undefined;
  return {
    token,
    appId,
    ephemeral: values.DISCORD_EPHEMERAL,
    readyTimeoutMs: values.DISCORD_READY_TIMEOUT_SECONDS * 1000,
    ...(values.DISCORD_API_URL ? { apiUrl: values.DISCORD_API_URL } : {}),
  } satisfies DiscordConfig;
}
