import { describe, expect, it } from 'vitest';
import {
  configVariables,
  ConfigError,
  parseConfig as parseConfigWith,
  parseOpsConfig,
} from '../../src/config.js';
import { PLATFORMS } from '../../adapters/platforms.js';

const parseConfig = (env: NodeJS.ProcessEnv) => parseConfigWith(env, PLATFORMS);
const CONFIG_VARIABLES = configVariables(PLATFORMS);

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => problem.variable);
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('has working defaults with no variables at all', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      contentDir: 'content',
      dataDir: './data',
      port: 3000,
      logLevel: 'info',
    });
    expect(config.store).toEqual({ kind: 'sqlite', dataDir: './data' });
    expect(config.platforms.slack).toBeUndefined();
    expect(config.platforms.discord).toBeUndefined();
    expect(config.weekly).toEqual({
      channels: [],
      cron: '0 9 * * 1',
      timezone: 'UTC',
      catchUpMs: 12 * 3_600_000,
    });
  });

  it('checks a WEEKLY_CRON that is set, and takes the default one as it would take it set', () => {
    expect(parseConfig({ WEEKLY_CRON: '0 9 * * 1' }).weekly).toEqual(parseConfig({}).weekly);
    expect(parseConfig({ WEEKLY_CRON: ' 30 8 * * 1-5 ' }).weekly.cron).toBe('30 8 * * 1-5');
    expect(() => parseConfig({ WEEKLY_CRON: 'every monday' })).toThrow(
      /WEEKLY_CRON: is not a valid cron expression/,
    );
  });

  it('listens on this machine only by default: Slack on PORT 3000, health and metrics on OPS_PORT 9464', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1' });
    expect(config.ops).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(
      parseConfig({ HOST: '0.0.0.0', OPS_HOST: '::', OPS_PORT: '0', METRICS_TOKEN: 'x'.repeat(32) })
        .ops,
    ).toEqual({ port: 0, host: '::', metricsToken: 'x'.repeat(32) });
    expect(parseConfig({ HOST: 'localhost' }).host).toBe('localhost');
  });

  it('names each bad exposure setting, without the metrics token', () => {
    const env = {
      HOST: '10.0.0.1:80',
      OPS_HOST: 'every interface',
      OPS_PORT: '-1',
      METRICS_TOKEN: 'hunter2',
    };
    expect(problemsOf(env)).toEqual(['HOST', 'OPS_PORT', 'OPS_HOST', 'METRICS_TOKEN']);
    expect(() => parseConfig(env)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
    expect(() => parseConfig({ OPS_PORT: 'metrics' })).toThrow(/OPS_PORT: must be a port number/);
  });

  it('refuses OPS_PORT equal to PORT when Slack HTTP mode listens there', () => {
    const slackHttp = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };
    expect(() => parseConfig({ ...slackHttp, PORT: '8080', OPS_PORT: '8080' })).toThrow(
      /OPS_PORT: must differ from PORT \(8080\)/,
    );
    expect(parseConfig({ ...slackHttp, PORT: '0', OPS_PORT: '0' }).ops.port).toBe(0);
    expect(parseConfig({ PORT: '9464' }).ops.port).toBe(9464);
  });

  it('reads only the ops settings for the health probe, which knows no platform', () => {
    const env = { OPS_PORT: '9500', WEEKLY_CHANNELS: 'slack:C1', SLACK_BOT_TOKEN: 'xoxb-1' };
    expect(parseOpsConfig(env)).toEqual({ port: 9500, host: '127.0.0.1' });
    expect(() => parseOpsConfig({ OPS_PORT: 'metrics' })).toThrow(
      /OPS_PORT: must be a port number/,
    );
  });

  it('records analytics for 90 days by default, with a salt generated in the store', () => {
    expect(parseConfig({}).analytics).toEqual({ enabled: true, retentionDays: 90 });
    expect(
      parseConfig({
        ANALYTICS: 'off',
        ANALYTICS_RETENTION_DAYS: '30',
        ANALYTICS_SALT: 'a-long-enough-salt-value',
      }).analytics,
    ).toEqual({ enabled: false, retentionDays: 30, salt: 'a-long-enough-salt-value' });
  });

  it('names every bad analytics setting', () => {
    expect(
      problemsOf({ ANALYTICS: 'maybe', ANALYTICS_RETENTION_DAYS: '0', ANALYTICS_SALT: 'short' }),
    ).toEqual(['ANALYTICS', 'ANALYTICS_RETENTION_DAYS', 'ANALYTICS_SALT']);
  });

  it('reads an empty value as unset for every variable, so the defaults apply', () => {
    const blank = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, '']));
    expect(parseConfig(blank)).toEqual(parseConfig({}));
    const spaces = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, '  ']));
    expect(parseConfig(spaces)).toEqual(parseConfig({}));
    expect(
      parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_MODE: '' })
        .platforms.slack,
    ).toMatchObject({ mode: 'socket' });
  });

  it('picks Socket Mode with an app token and HTTP mode with a signing secret', () => {
    expect(
      parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).platforms.slack,
    ).toMatchObject({ mode: 'socket' });
    expect(
      parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).platforms.slack,
    ).toMatchObject({
      mode: 'http',
      command: '/devops',
      responseType: 'ephemeral',
    });
    expect(
      parseConfig({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_APP_TOKEN: 'xapp-1',
        SLACK_SIGNING_SECRET: 's',
        SLACK_MODE: 'http',
      }).platforms.slack,
    ).toMatchObject({ mode: 'http' });
  });

  it('names every missing or contradictory Slack and Discord variable', () => {
    expect(problemsOf({ SLACK_APP_TOKEN: 'xapp-1' })).toEqual(['SLACK_BOT_TOKEN']);
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual(['SLACK_APP_TOKEN']);
    expect(
      problemsOf({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_APP_TOKEN: 'xapp-1',
        SLACK_SIGNING_SECRET: 's',
      }),
    ).toEqual(['SLACK_MODE']);
    expect(
      problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_MODE: 'socket' }),
    ).toEqual(['SLACK_APP_TOKEN']);
    expect(problemsOf({ DISCORD_TOKEN: 't' })).toEqual(['DISCORD_APP_ID']);
    expect(problemsOf({ DISCORD_APP_ID: '123456789' })).toEqual(['DISCORD_TOKEN']);
  });

  it('keeps state in PostgreSQL when DATABASE_URL is set, and refuses a URL of another kind without showing it', () => {
    const url = 'postgres://bot:pass@db.internal:5432/devops';
    expect(parseConfig({ DATABASE_URL: url }).store).toEqual({ kind: 'postgres', url });
    expect(() => parseConfig({ DATABASE_URL: 'mysql://bot:hidden-pass@db/devops' })).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/DATABASE_URL: must be a postgres:\/\//),
      }),
    );
    expect(() => parseConfig({ DATABASE_URL: 'mysql://bot:hidden-pass@db/devops' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hidden-pass') }),
    );
  });

  it('retries the gateway lease every 5 seconds unless GATEWAY_LEASE_RETRY_SECONDS says otherwise', () => {
    expect(parseConfig({}).leaseRetryMs).toBe(5000);
    expect(parseConfig({ GATEWAY_LEASE_RETRY_SECONDS: '0.5' }).leaseRetryMs).toBe(500);
    for (const bad of ['0', '30', 'soon']) {
      expect(() => parseConfig({ GATEWAY_LEASE_RETRY_SECONDS: bad })).toThrow(
        expect.objectContaining({
          message: expect.stringMatching(/GATEWAY_LEASE_RETRY_SECONDS: must be/),
        }),
      );
    }
  });

  it('reports every bad value in one error, without the secret values', () => {
    const env = {
      PORT: '70000',
      LOG_LEVEL: 'loud',
      SLACK_BOT_TOKEN: 'bot-secret-value',
      SLACK_API_URL: 'ftp://example.org',
      DISCORD_EPHEMERAL: 'maybe',
      WEEKLY_TZ: 'Mars/Olympus',
    };
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(problemsOf(env)).toEqual(
      expect.arrayContaining([
        'PORT',
        'LOG_LEVEL',
        'SLACK_BOT_TOKEN',
        'SLACK_API_URL',
        'DISCORD_EPHEMERAL',
        'WEEKLY_TZ',
      ]),
    );
    try {
      parseConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('bot-secret-value');
      expect((error as Error).message).toContain('.env.example');
    }
  });

  it('reads lists, flags and durations', () => {
    const config = parseConfig({
      DISCORD_TOKEN: 't',
      DISCORD_APP_ID: '123456789',
      DISCORD_EPHEMERAL: 'true',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_ADMIN_USERS: 'U1, U2,',
      WEEKLY_CHANNELS: 'slack:C1,discord:123456789012345678',
      WEEKLY_CATCHUP: '90m',
    });
    expect(config.platforms.discord).toMatchObject({ ephemeral: true, appId: '123456789' });
    expect(config.platforms.slack).toMatchObject({ adminUsers: ['U1', 'U2'] });
    expect(config.weekly).toMatchObject({
      channels: ['slack:C1', 'discord:123456789012345678'],
      catchUpMs: 90 * 60_000,
    });
  });
});
