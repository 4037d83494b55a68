import { DiscordAPIError, DiscordjsErrorCodes } from 'discord.js';
import { StartupError } from '../../src/errors/startup-error.js';

/** Discord error codes meaning the bot can no longer post in a channel, with why. */
const CHANNEL_UNAVAILABLE = new Map<number, string>([
  [10003, 'Unknown Channel'],
  [50001, 'Missing Access'],
  [50013, 'Missing Permissions'],
]);

/**
 * Fields for a log line about a failure: the error, or for a REST error its status, code, message
 * and route, with interaction tokens (valid for 15 minutes) masked.
 */
export function errorDetails(error: unknown): Record<string, unknown> {
  if (!(error instanceof DiscordAPIError)) return { err: error };
  return {
    status: error.status,
    code: error.code,
    error: error.message,
    method: error.method.toUpperCase(),
    route: new URL(error.url).pathname.replace(
      /\/(interactions|webhooks)\/(\d+)\/[^/]+/,
      '/$1/$2/:token',
    ),
  };
}

/** Why a channel cannot be posted to, when the error says so; undefined for other failures. */
export function channelUnavailableReason(error: unknown): string | undefined {
  if (!(error instanceof DiscordAPIError) || typeof error.code !== 'number') return undefined;
  return CHANNEL_UNAVAILABLE.get(error.code);
}

/** True when Discord refused the bot token (at login, or as a 401 from REST). */
export function isTokenRejected(error: unknown): boolean {
  if (error instanceof DiscordAPIError) return error.status === 401;
  return (
    error instanceof Error && 'code' in error && error.code === DiscordjsErrorCodes.TokenInvalid
  );
}

/** The start-up error for a token Discord refused, saying where to find the right one. */
export function tokenRejectedError(): StartupError {
  return new StartupError(
    'Discord rejected DISCORD_TOKEN. Copy the bot token again from the Bot page of the ' +
      'application in the Discord developer portal (reset it if needed) and try again.',
    'DISCORD_TOKEN_REJECTED',
  );
}
