import { StartupError } from '../../src/errors/startup-error.js';
import {
  networkFailure,
  platformHost,
  unreachableError,
} from '../../src/errors/network-failure.js';
import { slackErrorFields } from './slack-errors.js';

/** Slack's answers meaning the token itself is refused: retrying cannot help. */
const TOKEN_REJECTED = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'user_removed_from_team',
  'team_disabled',
]);

/** Why a call to Slack failed at start or on reconnect, and whether trying again may help. */
export interface SlackFault {
  reason: StartupError;
  /** True when Slack could not be reached (network, 5xx, 429, timeout), false when it said no. */
  retry: boolean;
}

/** Which token a call used, to name it in the message. */
export type SlackTokenVariable = 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN';

/**
 * Tells "cannot reach Slack" (exit code 1, worth retrying) from "Slack rejected the token" (exit
 * code 2) for an error of `method`; undefined for an error that is neither.
 */
export function slackFault(
  error: unknown,
  method: string,
  token: SlackTokenVariable,
  apiUrl: string | undefined,
): SlackFault | undefined {
  const { slackError, code } = slackErrorFields(error);
  const host = platformHost(apiUrl, 'slack.com');
  if (slackError && TOKEN_REJECTED.has(slackError)) {
    return {
      reason: new StartupError(
        `Slack rejected ${token} (${method}: ${slackError}). ${TOKEN_HINTS[token]}`,
        'SLACK_TOKEN_REJECTED',
      ),
      retry: false,
    };
  }
  if (slackError) {
    return {
      reason: new StartupError(
        `Slack refused ${method} (${slackError}); check ${token} and the app's settings at https://api.slack.com/apps.`,
        'SLACK_REFUSED',
      ),
      retry: false,
    };
  }
  const cause = unreachableCause(error, code);
  if (!cause) return undefined;
  const setting = 'SLACK_API_URL';
  return { reason: unreachableError(host, cause, setting), retry: true };
}

const TOKEN_HINTS: Record<SlackTokenVariable, string> = {
  SLACK_BOT_TOKEN:
    'Copy the Bot User OAuth Token (xoxb-) again from OAuth & Permissions at https://api.slack.com/apps, reinstalling the app if it was revoked.',
  SLACK_APP_TOKEN:
    'Create an app-level token (xapp-) with connections:write under Basic Information at https://api.slack.com/apps.',
};

function unreachableCause(error: unknown, code: string | undefined): string | undefined {
  const network = networkFailure(error);
  if (network) return network;
  const { statusCode } = error as { statusCode?: unknown };
  if (code === 'slack_webapi_http_error' && typeof statusCode === 'number') {
    return `HTTP ${statusCode}`;
  }
  if (code === 'slack_webapi_rate_limited_error' || /rate limit/i.test(String(error))) {
    return 'rate limited';
  }
  return undefined;
}
