import * as z from 'zod/mini';
import { type ConfigProblem, httpUrl, list, optionalText, token } from '../../src/config-fields.js';
import type { PlatformDescriptor } from '../../src/platform/platform-descriptor.js';

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

const variables = {
  SLACK_BOT_TOKEN: token('xoxb-'),
  SLACK_APP_TOKEN: token('xapp-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_MODE: z.optional(z.enum(['socket', 'http'])),
  SLACK_API_URL: httpUrl,
  SLACK_COMMAND: z._default(
    z
      .string()
      .check(z.trim(), z.regex(/^\/[a-z0-9_-]{1,31}$/, 'must be a slash command such as /devops')),
    '/devops',
  ),
  SLACK_RESPONSE: z._default(z.enum(['ephemeral', 'in_channel']), 'ephemeral'),
  SLACK_ADMIN_USERS: list,
};

type SlackVariables = z.infer<z.ZodMiniObject<typeof variables>>;

/** Slack: the slash command, mentions, DMs and buttons through Bolt, in Socket Mode or HTTP mode. */
export const slackPlatform: PlatformDescriptor<SlackConfig> = {
  name: 'slack',
  variables,
  settings: (values, problems) => slackConfig(values as SlackVariables, problems),
  channelId: {
    check: (channelId) => /^[CGD][A-Z0-9]+$/.test(channelId),
    example: 'C0123ABCD',
    description: 'C, G or D then upper-case letters and digits',
  },
  ownsHttpPort: (settings) => (settings.mode === 'http' ? "Slack's HTTP mode" : undefined),
  secretSettings: ['botToken', 'appToken', 'signingSecret'],
  async createAdapter(settings, { router, logger, seenEvents, http, onGiveUp }) {
    const { SlackAdapter } = await import('./slack-adapter.js');
    return new SlackAdapter({
      config: settings,
      port: http.port,
      host: http.host,
      router,
      logger,
      seenEvents,
      onGiveUp,
    });
  },
};

function slackConfig(values: SlackVariables, problems: ConfigProblem[]): SlackConfig | undefined {
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
