import { GatewayCloseCodes } from 'discord.js';
import { StartupError } from '../../src/errors/startup-error.js';
import {
  networkFailure,
  platformHost,
  unreachableError,
} from '../../src/errors/network-failure.js';
import { isTokenRejected, tokenRejectedError } from './discord-errors.js';

/** Gateway close codes after which discord.js never reconnects, with what to do about each. */
const FATAL_CLOSE_CODES = new Map<number, string>([
  [
    GatewayCloseCodes.AuthenticationFailed,
    'Discord rejected DISCORD_TOKEN (gateway close 4004): the token was reset or revoked. Copy the bot token again from the Bot page of the application in the Discord developer portal and restart.',
  ],
  [
    GatewayCloseCodes.InvalidShard,
    'Discord refused the gateway shard (close 4010); this is a devops-bot bug, please report it.',
  ],
  [
    GatewayCloseCodes.ShardingRequired,
    'Discord requires sharding (close 4011): the bot is in too many servers for one connection, which devops-bot does not support.',
  ],
  [
    GatewayCloseCodes.InvalidAPIVersion,
    'Discord no longer accepts the gateway version devops-bot speaks (close 4012); update devops-bot.',
  ],
  [
    GatewayCloseCodes.InvalidIntents,
    'Discord refused the gateway intents (close 4013); this is a devops-bot bug, please report it.',
  ],
  [
    GatewayCloseCodes.DisallowedIntents,
    'Discord refused an intent the application may not use (close 4014): check the Privileged Gateway Intents on the Bot page of the Discord developer portal.',
  ],
]);

/** The reason to give up for a gateway close code after which discord.js will not reconnect. */
export function closeCodeFault(code: number): StartupError | undefined {
  const message = FATAL_CLOSE_CODES.get(code);
  return message ? new StartupError(message, `DISCORD_GATEWAY_${code}`) : undefined;
}

/** The reason to give up when the gateway did not become ready within `timeoutMs`. */
export function readyTimeoutFault(timeoutMs: number, reconnecting: boolean): StartupError {
  return new StartupError(
    `Discord's gateway did not ${reconnecting ? 'come back' : 'send READY'} within ${timeoutMs / 1000} s; ` +
      'check https://discordstatus.com and DISCORD_API_URL if it is set, or set DISCORD_READY_TIMEOUT_SECONDS to wait longer.',
    'DISCORD_NOT_READY',
  );
}

/**
 * The start-up error for a failed login: a rejected token, Discord out of reach ("cannot reach
 * discord.com (ENOTFOUND)"), or undefined for an unexpected failure.
 */
export function loginFault(error: unknown, apiUrl: string | undefined): StartupError | undefined {
  if (isTokenRejected(error)) return tokenRejectedError();
  const failure = networkFailure(error);
  if (failure)
    return unreachableError(platformHost(apiUrl, 'discord.com'), failure, 'DISCORD_API_URL');
  return undefined;
}
