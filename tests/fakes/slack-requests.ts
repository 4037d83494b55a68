import { createHmac, randomBytes } from 'node:crypto';
import { FAKE_BOT, FAKE_TEAM } from './fake-slack-methods.js';

/** Signature headers Slack adds to every request it sends to an app. */
export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

/** A slash command as Slack sends it (all values are strings on the wire). */
export interface SlashCommandPayload {
  token: string;
  team_id: string;
  team_domain: string;
  channel_id: string;
  channel_name: string;
  user_id: string;
  user_name: string;
  command: string;
  text: string;
  api_app_id: string;
  is_enterprise_install: string;
  response_url: string;
  trigger_id: string;
}

/** Options for {@link blockActionsPayload}. */
export interface BlockActionOptions {
  actionId: string;
  value?: string;
  blockId?: string;
  userId?: string;
  channelId?: string;
  responseUrl?: string;
  /** The message carrying the button; defaults to a bot message with a fresh `ts`. */
  message?: Record<string, unknown>;
}

/** Options for {@link postToSlackApp}. */
export interface PostOptions {
  body: string;
  /** Defaults to JSON for bodies starting with `{`, otherwise form encoding. */
  contentType?: 'application/json' | 'application/x-www-form-urlencoded';
  signingSecret: string;
  timestamp?: number;
  /** Signs with the wrong secret, to exercise Bolt's 401. */
  badSignature?: boolean;
  /** Extra headers, e.g. `x-slack-retry-num`. */
  headers?: Record<string, string>;
}

/** What the app answered. */
export interface AppResponse {
  status: number;
  text: string;
  /** The parsed body when it was JSON. */
  json?: unknown;
}

const APP_ID = 'A0001';
const VERIFICATION_TOKEN = 'fake-verification-token';
// Port 9 refuses connections, so a test that forgot to pass a fake response_url fails fast offline.
const UNSET_RESPONSE_URL = 'http://127.0.0.1:9/response/unset';

let sequence = 0;
const nextId = (): number => ++sequence;
const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const slackTs = (): string => `${nowSeconds()}.${String(nextId()).padStart(6, '0')}`;
const triggerId = (): string => `${nextId()}.${nextId()}.${randomBytes(16).toString('hex')}`;

/** Signs `rawBody` exactly as Slack does (`v0=` + hex HMAC-SHA256 of `v0:<ts>:<body>`). */
export function signSlackRequest(
  signingSecret: string,
  rawBody: string,
  timestampSeconds: number = nowSeconds(),
): SlackSignatureHeaders {
  const digest = createHmac('sha256', signingSecret)
    .update(`v0:${timestampSeconds}:${rawBody}`)
    .digest('hex');
  return {
    'x-slack-signature': `v0=${digest}`,
    'x-slack-request-timestamp': String(timestampSeconds),
  };
}

/** A slash command payload with Slack's fields; for Socket Mode `slash_commands` envelopes. */
export function slashCommandPayload(
  fields: Partial<SlashCommandPayload> = {},
): SlashCommandPayload {
  return {
    token: VERIFICATION_TOKEN,
    team_id: FAKE_TEAM.id,
    team_domain: FAKE_TEAM.domain,
    channel_id: 'C0001',
    channel_name: 'general',
    user_id: 'U0001',
    user_name: 'alice',
    command: '/devops',
    text: '',
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: UNSET_RESPONSE_URL,
    trigger_id: triggerId(),
    ...fields,
  };
}

/** A slash command as the form-encoded HTTP body Slack posts. */
export function slashCommandBody(fields: Partial<SlashCommandPayload> = {}): string {
  return new URLSearchParams({ ...slashCommandPayload(fields) }).toString();
}

/** An `app_mention` event as it appears inside an `event_callback`. */
export function appMentionEvent(text: string, user = 'U0001', channel = 'C0001') {
  const ts = slackTs();
  return { type: 'app_mention', user, text, ts, channel, event_ts: ts, team: FAKE_TEAM.id };
}

/** A plain channel `message` event as it appears inside an `event_callback`. */
export function messageEvent(text: string, user = 'U0001', channel = 'C0001') {
  const ts = slackTs();
  const type = 'message';
  return {
    type,
    user,
    text,
    ts,
    channel,
    event_ts: ts,
    channel_type: 'channel',
    team: FAKE_TEAM.id,
  };
}

/** The `event_callback` envelope around `event`; for Socket Mode `events_api` envelopes. */
export function eventCallbackPayload(
  event: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const eventTime = nowSeconds();
  return {
    token: VERIFICATION_TOKEN,
    team_id: FAKE_TEAM.id,
    context_team_id: FAKE_TEAM.id,
    api_app_id: APP_ID,
    event,
    type: 'event_callback',
    event_id: `Ev${String(nextId()).padStart(8, '0')}`,
    event_time: eventTime,
    authorizations: [
      { enterprise_id: null, team_id: FAKE_TEAM.id, user_id: FAKE_BOT.userId, is_bot: true },
    ],
    is_ext_shared_channel: false,
    ...overrides,
  };
}

/** The `event_callback` JSON body Slack posts to the Events API endpoint. */
export function eventCallbackBody(
  event: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): string {
  return JSON.stringify(eventCallbackPayload(event, overrides));
}

/** The JSON body of Slack's one-off `url_verification` handshake. */
export function urlVerificationBody(challenge: string): string {
  return JSON.stringify({ token: VERIFICATION_TOKEN, challenge, type: 'url_verification' });
}

/** A realistic `block_actions` payload for one button click; for `interactive` envelopes. */
export function blockActionsPayload(options: BlockActionOptions): Record<string, unknown> {
  const userId = options.userId ?? 'U0001';
  const channelId = options.channelId ?? 'C0001';
  const message = options.message ?? { type: 'message', user: FAKE_BOT.userId, ts: slackTs() };
  const blockId = options.blockId ?? 'actions';
  return {
    type: 'block_actions',
    user: { id: userId, username: 'alice', name: 'alice', team_id: FAKE_TEAM.id },
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: channelId,
      is_ephemeral: false,
    },
    trigger_id: triggerId(),
    team: { id: FAKE_TEAM.id, domain: FAKE_TEAM.domain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: 'general' },
    message,
    state: { values: {} },
    response_url: options.responseUrl ?? UNSET_RESPONSE_URL,
    actions: [
      {
        action_id: options.actionId,
        block_id: blockId,
        text: { type: 'plain_text', text: 'Button', emoji: true },
        value: options.value ?? '',
        type: 'button',
        action_ts: slackTs(),
      },
    ],
  };
}

/** An interactive payload as the form-encoded `payload=<JSON>` HTTP body Slack posts. */
export function blockActionsBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Signs and POSTs `body` to `${baseUrl}/slack/events` as Slack would. */
export async function postToSlackApp(baseUrl: string, options: PostOptions): Promise<AppResponse> {
  const secret = options.badSignature ? `${options.signingSecret}-wrong` : options.signingSecret;
  const contentType =
    options.contentType ??
    (options.body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded');
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/slack/events`, {
    method: 'POST',
    // Bolt compares content-type exactly, so no charset parameter (Slack sends none either).
    headers: {
      'content-type': contentType,
      ...signSlackRequest(secret, options.body, options.timestamp),
      ...options.headers,
    },
    body: options.body,
  });
  const text = await response.text();
  return { status: response.status, text, json: parseJson(text) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
