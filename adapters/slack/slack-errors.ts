import { ChannelUnavailableError } from '../../src/platform/weekly-post.js';

/** Slack error codes meaning the bot cannot post in the channel any more. */
const CHANNEL_GONE_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'account_inactive',
]);

/** What a log line says about a Slack error: the SDK's `code` and Slack's own `error`. */
export interface SlackErrorFields {
  code?: string;
  slackError?: string;
  retryAfterSeconds?: number;
}

/**
 * The fields worth logging from an error thrown by the Web API client or Bolt, e.g.
 * `{ code: 'slack_webapi_platform_error', slackError: 'channel_not_found' }`.
 */
export function slackErrorFields(error: unknown): SlackErrorFields {
  if (typeof error !== 'object' || error === null) return {};
  const { code, data, retryAfter } = error as {
    code?: unknown;
    data?: { error?: unknown };
    retryAfter?: unknown;
  };
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof data?.error === 'string' ? { slackError: data.error } : {}),
    ...(typeof retryAfter === 'number' ? { retryAfterSeconds: retryAfter } : {}),
  };
}

/** The error to throw when posting to `channelId` failed because the channel is gone; else undefined. */
export function channelUnavailable(
  error: unknown,
  channelId: string,
): ChannelUnavailableError | undefined {
  const reason = slackErrorFields(error).slackError;
  if (!reason || !CHANNEL_GONE_ERRORS.has(reason)) return undefined;
  return new ChannelUnavailableError(`Slack refused to post in ${channelId}: ${reason}`, reason);
}
