import {
  MessageReferenceType,
  MessageType,
  type APIApplicationCommand,
  type APIMessage,
} from 'discord.js';
import { messageObject } from './discord-messages.js';
import { nextSnowflake } from './discord-payloads.js';
import { validateMessageBody } from './discord-validation.js';
import type { ParsedRequest } from './fake-discord-http.js';
import {
  attachmentsFrom,
  discordError,
  discordErrors,
  messageFieldsFrom,
  ok,
  type RestResponse,
} from './fake-discord-responses.js';
import type { FakeDiscordState } from './fake-discord-state.js';
import {
  createFollowup,
  deleteWebhookMessage,
  editWebhookMessage,
  getWebhookMessage,
  interactionCallback,
} from './fake-discord-webhooks.js';

type Params = Record<string, string>;
type Handler = (state: FakeDiscordState, req: ParsedRequest, params: Params) => RestResponse;

/** A REST route below `/api/v10`. `auth: false` routes (interaction tokens) need no bot token. */
export interface Route {
  method: string;
  pattern: RegExp;
  auth: boolean;
  handle: Handler;
}

const ID = '(?<id>\\d+)';
const WEBHOOK = '/webhooks/(?<appId>\\d+)/(?<token>[^/]+)';

function route(method: string, path: string, handle: Handler, auth = true): Route {
  return { method, pattern: new RegExp(`^${path}$`), auth, handle };
}

function gatewayBot(state: FakeDiscordState): RestResponse {
  return ok({
    url: state.gatewayUrl,
    shards: 1,
    session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
  });
}

function application(state: FakeDiscordState): RestResponse {
  return ok({
    id: state.appId,
    name: state.botUser.username,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: 'fake-verify-key',
    flags: 0,
    team: null,
    owner: state.user(state.guilds[0]?.ownerId ?? '0'),
    bot: state.botUser,
    approximate_guild_count: state.guilds.length,
    tags: [],
    redirect_uris: [],
    interactions_endpoint_url: null,
    integration_types_config: { 0: {} },
  });
}

function getChannel(
  state: FakeDiscordState,
  _req: ParsedRequest,
  { id = '' }: Params,
): RestResponse {
  const channel = state.channel(id);
  return channel ? ok(channel) : discordErrors.unknownChannel();
}

/** Reply metadata; Discord rejects replies to unknown messages unless `fail_if_not_exists: false`. */
function replyFields(state: FakeDiscordState, channelId: string, body: unknown) {
  const ref = (
    body as { message_reference?: { message_id?: string; fail_if_not_exists?: boolean } }
  )?.message_reference;
  if (!ref?.message_id) return {};
  const referenced = state.messages.get(ref.message_id);
  if (!referenced && ref.fail_if_not_exists !== false) {
    const errors = {
      _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }],
    };
    return {
      error: {
        status: 400,
        body: { code: 50035, message: 'Invalid Form Body', errors: { message_reference: errors } },
      },
    };
  }
  const guildId = state.guildOfChannel(channelId);
  return {
    type: MessageType.Reply,
    message_reference: {
      type: MessageReferenceType.Default,
      message_id: ref.message_id,
      channel_id: referenced?.channel_id ?? channelId,
      ...(guildId && { guild_id: guildId }),
    },
    referenced_message: referenced ?? null,
  };
}

function createMessage(
  state: FakeDiscordState,
  req: ParsedRequest,
  { id = '' }: Params,
): RestResponse {
  if (!state.channel(id)) return discordErrors.unknownChannel();
  const invalid = validateMessageBody(req.body, { create: true, fileCount: req.files.length });
  if (invalid) return invalid;
  const nonce = enforcedNonce(req.body);
  const earlier = nonce && state.messageWithNonce(id, nonce);
  // Discord answers a repeat of an enforced nonce with the message it created the first time.
  if (earlier) return ok({ ...earlier, nonce });
  const { error, ...reply } = replyFields(state, id, req.body);
  if (error) return error;
  const message: APIMessage = messageObject({
    channel_id: id,
    author: state.botUser,
    attachments: attachmentsFrom(req.files, id),
    ...messageFieldsFrom(req.body),
    ...reply,
  });
  state.messages.set(message.id, message);
  if (nonce) state.rememberNonce(id, nonce, message.id);
  // The nonce comes back in the answer to the create only; Discord does not store it.
  return ok(nonce ? { ...message, nonce } : message);
}

/** The nonce of a create body that asks Discord to enforce it (`enforce_nonce: true`). */
function enforcedNonce(body: unknown): string | undefined {
  const { nonce, enforce_nonce: enforce } = (body ?? {}) as {
    nonce?: unknown;
    enforce_nonce?: unknown;
  };
  if (enforce !== true || (typeof nonce !== 'string' && typeof nonce !== 'number'))
    return undefined;
  return String(nonce);
}

/** `GET /channels/:id/messages`: newest first, `limit` (default 50, at most 100). */
function listMessages(
  state: FakeDiscordState,
  req: ParsedRequest,
  { id = '' }: Params,
): RestResponse {
  if (!state.channel(id)) return discordErrors.unknownChannel();
  const limit = Math.min(Number(req.query.limit ?? 50), 100);
  const newestFirst = [...state.messages.values()]
    .filter((message) => message.channel_id === id)
    .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
  return ok(newestFirst.slice(0, limit));
}

function editMessage(
  state: FakeDiscordState,
  req: ParsedRequest,
  { messageId = '' }: Params,
): RestResponse {
  const existing = state.messages.get(messageId);
  if (!existing) return discordErrors.unknownMessage();
  if (existing.author.id !== state.botUser.id) {
    return discordError(403, 50005, 'Cannot edit a message authored by another user');
  }
  const invalid = validateMessageBody(req.body, { create: false });
  if (invalid) return invalid;
  const edited = {
    ...existing,
    ...messageFieldsFrom(req.body),
    edited_timestamp: new Date().toISOString(),
  };
  state.messages.set(messageId, edited);
  return ok(edited);
}

function deleteMessage(
  state: FakeDiscordState,
  _req: ParsedRequest,
  { messageId = '' }: Params,
): RestResponse {
  return state.messages.delete(messageId) ? { status: 204 } : discordErrors.unknownMessage();
}

function typing(state: FakeDiscordState, _req: ParsedRequest, { id = '' }: Params): RestResponse {
  return state.channel(id) ? { status: 204 } : discordErrors.unknownChannel();
}

function createDm(state: FakeDiscordState, req: ParsedRequest): RestResponse {
  const recipientId = (req.body as { recipient_id?: string } | undefined)?.recipient_id;
  if (!recipientId) return discordError(400, 50035, 'Invalid Form Body');
  return ok(state.channel(state.dmChannelFor(state.user(recipientId))));
}

function withIds(
  state: FakeDiscordState,
  body: unknown,
  guildId?: string,
): APIApplicationCommand[] {
  const commands = Array.isArray(body) ? (body as Partial<APIApplicationCommand>[]) : [];
  return commands.map((command) => ({
    type: 1,
    description: '',
    default_member_permissions: null,
    nsfw: false,
    integration_types: [0],
    contexts: null,
    ...command,
    name: command.name ?? '',
    id: command.id ?? nextSnowflake(),
    application_id: state.appId,
    version: nextSnowflake(),
    ...(guildId && { guild_id: guildId }),
  }));
}

function putCommands(
  state: FakeDiscordState,
  req: ParsedRequest,
  { appId, guildId }: Params,
): RestResponse {
  if (appId !== state.appId) return discordError(404, 10002, 'Unknown Application');
  if (guildId && !state.guilds.some((g) => g.id === guildId)) return discordErrors.missingAccess();
  const commands = withIds(state, req.body, guildId);
  if (guildId) state.guildCommands.set(guildId, commands);
  else state.globalCommands.splice(0, Infinity, ...commands);
  return ok(commands);
}

function getCommands(
  state: FakeDiscordState,
  _req: ParsedRequest,
  { appId, guildId }: Params,
): RestResponse {
  if (appId !== state.appId) return discordError(404, 10002, 'Unknown Application');
  return ok(guildId ? (state.guildCommands.get(guildId) ?? []) : state.globalCommands);
}

function deleteCommand(
  state: FakeDiscordState,
  _req: ParsedRequest,
  { appId, guildId, commandId }: Params,
): RestResponse {
  if (appId !== state.appId) return discordError(404, 10002, 'Unknown Application');
  const commands = guildId ? (state.guildCommands.get(guildId) ?? []) : state.globalCommands;
  const index = commands.findIndex((command) => command.id === commandId);
  if (index === -1) return discordError(404, 10063, 'Unknown application command');
  commands.splice(index, 1);
  return { status: 204 };
}

/** `GET /users/@me/guilds`: the partial guilds the bot is in. */
function userGuilds(state: FakeDiscordState): RestResponse {
  return ok(
    state.guilds.map((guild) => ({
      id: guild.id,
      name: guild.name,
      icon: null,
      owner: false,
      permissions: '0',
      features: [],
    })),
  );
}

const COMMANDS = '/applications/(?<appId>\\d+)(?:/guilds/(?<guildId>\\d+))?/commands';

/** Every REST route the fake implements. */
export const ROUTES: readonly Route[] = [
  route('GET', '/gateway', (s) => ok({ url: s.gatewayUrl }), false),
  route('GET', '/gateway/bot', gatewayBot),
  route('GET', '/users/@me', (s) => ok(s.botUser)),
  route('POST', '/users/@me/channels', createDm),
  route('GET', '/applications/@me', application),
  route('GET', COMMANDS, getCommands),
  route('PUT', COMMANDS, putCommands),
  route('DELETE', `${COMMANDS}/(?<commandId>\\d+)`, deleteCommand),
  route('GET', '/users/@me/guilds', userGuilds),
  route('GET', `/channels/${ID}`, getChannel),
  route('POST', `/channels/${ID}/messages`, createMessage),
  route('GET', `/channels/${ID}/messages`, listMessages),
  route('PATCH', `/channels/${ID}/messages/(?<messageId>\\d+)`, editMessage),
  route('DELETE', `/channels/${ID}/messages/(?<messageId>\\d+)`, deleteMessage),
  route('POST', `/channels/${ID}/typing`, typing),
  route('POST', `/interactions/${ID}/(?<token>[^/]+)/callback`, interactionCallback, false),
  route('POST', WEBHOOK, createFollowup, false),
  route('GET', `${WEBHOOK}/messages/(?<messageId>@original|\\d+)`, getWebhookMessage, false),
  route('PATCH', `${WEBHOOK}/messages/(?<messageId>@original|\\d+)`, editWebhookMessage, false),
  route('DELETE', `${WEBHOOK}/messages/(?<messageId>@original|\\d+)`, deleteWebhookMessage, false),
];

/** The route serving `method path`, with its named path parameters. */
export function matchRoute(
  method: string,
  path: string,
): { route: Route; params: Params } | undefined {
  for (const candidate of ROUTES) {
    const match = candidate.method === method ? candidate.pattern.exec(path) : null;
    if (match) return { route: candidate, params: { ...match.groups } };
  }
  return undefined;
}

/** Paths addressed by an interaction token, which Discord serves without a bot token. */
export function isInteractionTokenPath(path: string): boolean {
  return path.startsWith('/interactions/') || path.startsWith('/webhooks/');
}
