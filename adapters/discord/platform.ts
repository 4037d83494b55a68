import * as z from 'zod/mini';
import { type ConfigProblem, flag, httpUrl, optionalText } from '../../src/config-fields.js';
import type { PlatformDescriptor } from '../../src/platform/platform-descriptor.js';

/** Discord settings, present when Discord is configured. */
export interface DiscordConfig {
  token: string;
  appId: string;
  apiUrl?: string;
  ephemeral: boolean;
  /** How long to wait for the gateway's READY (at start or after a reconnect) before giving up. */
  readyTimeoutMs?: number;
}

/** A Discord id (channel, server, application): a snowflake of 17 to 20 digits. */
export const DISCORD_SNOWFLAKE = /^\d{17,20}$/;

const variables = {
  DISCORD_TOKEN: optionalText,
  DISCORD_APP_ID: optionalText.check(
    z.refine((value) => value === undefined || /^\d{5,20}$/.test(value), {
      message: 'must be the application id (a number) from the Discord developer portal',
    }),
  ),
  DISCORD_API_URL: httpUrl,
  DISCORD_EPHEMERAL: flag,
  DISCORD_READY_TIMEOUT_SECONDS: z._default(
    z.coerce
      .number({ message: 'must be a number of seconds such as 60' })
      .check(z.positive('must be a number of seconds above 0, such as 60')),
    60,
  ),
};

type DiscordVariables = z.infer<z.ZodMiniObject<typeof variables>>;

/** Discord: `/devops`, mentions, DMs and buttons through one gateway session per bot token. */
export const discordPlatform: PlatformDescriptor<DiscordConfig> = {
  name: 'discord',
  variables,
  settings: (values, problems) => discordConfig(values as DiscordVariables, problems),
  channelId: {
    check: (channelId) => DISCORD_SNOWFLAKE.test(channelId),
    example: '123456789012345678',
    description: '17 to 20 digits',
  },
  ownsHttpPort: () => undefined,
  secretSettings: ['token'],
  async createAdapter(settings, { router, logger, onGiveUp }) {
    const { DiscordAdapter } = await import('./discord-adapter.js');
    return new DiscordAdapter({ config: settings, router, logger, onGiveUp });
  },
};

function discordConfig(
  values: DiscordVariables,
  problems: ConfigProblem[],
): DiscordConfig | undefined {
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
