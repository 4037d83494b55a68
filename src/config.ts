import dotenv from 'dotenv';
// zod/mini, with English messages for the checks that give none of their own (classic zod loads
// them itself, and is far slower to load and to build schemas with at every start).
import english from 'zod/v4/locales/en.js';
import * as z from 'zod/mini';
import {
  type AnalyticsConfig,
  analyticsConfig,
  analyticsEnvironment,
} from './analytics/analytics-config.js';
import {
  bindAddress,
  checkCron,
  type ConfigProblem,
  list,
  LOOPBACK,
  optionalText,
  port,
} from './config-fields.js';
import { checkRegistry, type PlatformDescriptor } from './platform/platform-descriptor.js';
import { platformVariables, readPlatformSettings } from './platform/platform-settings.js';
import { channelAddressProblem } from './weekly/channel-address.js';
import { isTimeZone, parseDuration } from './weekly/schedule-values.js';

export { LOOPBACK };

/** Misconfiguration found at start: every bad variable, each with what is wrong and what to do. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: ConfigProblem[]) {
    super(
      'The configuration is not valid:\n' +
        problems.map((problem) => `  - ${problem.variable}: ${problem.message}`).join('\n') +
        '\nSet these in the environment or in .env (see .env.example for every variable).',
    );
    this.name = 'ConfigError';
  }
}

/** The one configuration schema: the bot's own variables, then each registered platform's. */
const environmentSchema = (platforms: readonly PlatformDescriptor[]) =>
  z.object({
    NODE_ENV: z._default(z.enum(['development', 'production', 'test']), 'development'),
    LOG_LEVEL: z._default(
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
      'info',
    ),
    LOG_FORMAT: z.optional(z.enum(['json', 'text'], { message: 'must be json or text' })),
    CONTENT_DIR: z._default(z.string().check(z.trim(), z.minLength(1)), 'content'),
    DATA_DIR: z._default(z.string().check(z.trim(), z.minLength(1)), './data'),
    DATABASE_URL: optionalText.check(
      z.refine((value) => value === undefined || /^postgres(ql)?:\/\/\S+$/.test(value), {
        message: 'must be a postgres:// or postgresql:// URL (the value is not shown)',
      }),
    ),
    GATEWAY_LEASE_RETRY_SECONDS: z._default(
      z.coerce
        .number({ message: 'must be a number of seconds such as 5' })
        .check(
          z.gte(0.1, 'must be at least 0.1 seconds, such as 5'),
          z.lte(
            10,
            'must be at most 10 seconds, so that a standby takes over soon after the holder fails',
          ),
        ),
      5,
    ),
    PORT: port(3000),
    HOST: bindAddress,
    OPS_PORT: port(9464),
    OPS_HOST: bindAddress,
    METRICS_TOKEN: optionalText.check(
      z.refine((value) => value === undefined || value.length >= 16, {
        message:
          'must be at least 16 characters (the value is not shown); generate one with: openssl rand -hex 32',
      }),
    ),
    WEEKLY_CHANNELS: list.check(
      z.superRefine((channels, context) => {
        for (const channel of channels) {
          const problem = channelAddressProblem(channel, platforms);
          if (problem) context.addIssue({ code: 'custom', message: problem });
        }
      }),
    ),
    // Checked inside the default, so that only a pattern someone set is: compiling one is a good
    // share of parsing the configuration, and the default is known to be valid.
    WEEKLY_CRON: z._default(z.string().check(z.trim(), z.superRefine(checkCron)), '0 9 * * 1'),
    WEEKLY_TZ: z._default(z.string().check(z.trim()), 'UTC').check(
      z.refine(isTimeZone, {
        message: 'must be an IANA time zone name such as Europe/Paris or UTC',
      }),
    ),
    CHECK_LINKS_CRON: z.optional(z.string().check(z.trim())).check(z.superRefine(checkCron)),
    WEEKLY_CATCHUP: z.pipe(
      z._default(z.string().check(z.trim()), '12h'),
      z.transform((text: string, context) => {
        const ms = parseDuration(text);
        if (ms === undefined) {
          context.issues.push({
            code: 'custom',
            message: 'must be a duration such as 12h, 90m or 1d',
            input: text,
          });
          return z.NEVER;
        }
        return ms;
      }),
    ),
    ...analyticsEnvironment,
  });

type Environment = z.infer<ReturnType<typeof environmentSchema>>;

/** The name of every environment variable the configuration reads, with these platforms registered. */
export function configVariables(platforms: readonly PlatformDescriptor[]): string[] {
  return [
    ...Object.keys(environmentSchema(platforms).shape),
    ...Object.keys(platformVariables(platforms)),
  ];
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
  /** Every platform this build knows: the registry given to {@link parseConfig}. */
  knownPlatforms: readonly PlatformDescriptor[];
  /** The settings of each platform configured in the environment, by platform name. */
  platforms: Readonly<Record<string, unknown>>;
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

/** How the schemas are parsed: with zod's English message where a check gives none. */
const PARSING = { error: english().localeError };

/** Each zod issue as the variable it is about and what is wrong. */
function problemsOf(error: z.core.$ZodError): ConfigProblem[] {
  return error.issues.map((issue) => ({ variable: String(issue.path[0]), message: issue.message }));
}

/**
 * Parses and checks the environment, the bot's own variables and those of each registered
 * platform; throws {@link ConfigError} naming every bad variable.
 */
export function parseConfig(
  environment: NodeJS.ProcessEnv,
  platforms: readonly PlatformDescriptor[],
): Config {
  checkRegistry(platforms);
  const env = withoutEmptyValues(environment);
  const parsed = environmentSchema(platforms).safeParse(env, PARSING);
  const platformValues = z.object(platformVariables(platforms)).safeParse(env, PARSING);
  const problems = [parsed, platformValues].flatMap((result) =>
    result.success ? [] : problemsOf(result.error),
  );
  // Settings that only make sense together are checked on the raw values too when some failed
  // to parse, so one message names everything.
  const settings = readPlatformSettings(
    platforms,
    platformValues.success ? platformValues.data : env,
    problems,
  );
  if (!parsed.success) throw new ConfigError(problems);
  const values = parsed.data;
  for (const platform of platforms) {
    const listener = settings[platform.name] && platform.ownsHttpPort(settings[platform.name]);
    if (listener && values.PORT !== 0 && values.PORT === values.OPS_PORT) {
      problems.push({
        variable: 'OPS_PORT',
        message: `must differ from PORT (${values.PORT}): ${listener} listens on PORT, health and metrics on OPS_PORT`,
      });
    }
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
    knownPlatforms: platforms,
    platforms: settings,
    ...(values.CHECK_LINKS_CRON
      ? { checkLinks: { cron: values.CHECK_LINKS_CRON, timezone: values.WEEKLY_TZ } }
      : {}),
  };
}

/**
 * Only the ops server's settings (`OPS_PORT`, `OPS_HOST`, `METRICS_TOKEN`), for the container's
 * health probe, which knows no platform; throws {@link ConfigError} when one is bad.
 */
export function parseOpsConfig(environment: NodeJS.ProcessEnv): OpsConfig {
  const schema = z.pick(environmentSchema([]), {
    OPS_PORT: true,
    OPS_HOST: true,
    METRICS_TOKEN: true,
  });
  const parsed = schema.safeParse(withoutEmptyValues(environment), PARSING);
  if (!parsed.success) throw new ConfigError(problemsOf(parsed.error));
  const { OPS_PORT: port, OPS_HOST: host, METRICS_TOKEN: metricsToken } = parsed.data;
  return { port, host, ...(metricsToken ? { metricsToken } : {}) };
}
