import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  type APIApplicationCommand,
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIMessageComponentButtonInteraction,
  type GatewayMessageCreateDispatchData,
  type APIMessage,
  type APIUser,
  type GatewayIdentifyData,
} from 'discord.js';
import {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  type AutocompleteOptions,
  type ButtonOptions,
  type ChatInputOptions,
} from './discord-interactions.js';
import { messageCreate, type MessageCreateOptions } from './discord-messages.js';
import { apiUser, normalizeGuild, type FakeGuildOptions } from './discord-payloads.js';
import { FakeGateway, type GatewayClientPayload } from './fake-discord-gateway.js';
import {
  FailureScript,
  describeRequest,
  parseRequest,
  requestMatcher,
  sendJson,
  type ParsedRequest,
  type RecordedRequest,
  type ScriptedFailure,
} from './fake-discord-http.js';
import type { RestResponse } from './fake-discord-responses.js';
import { isInteractionTokenPath, matchRoute } from './fake-discord-routes.js';
import { FakeDiscordState, type InteractionCallbackRecord } from './fake-discord-state.js';
import { WaitableLog } from './waitable-log.js';

export { discordErrors } from './fake-discord-responses.js';
export { DEFAULT_USER, OTHER_BOT_USER, apiUser } from './discord-payloads.js';
export type { RecordedRequest, ScriptedFailure } from './fake-discord-http.js';
export type { InteractionCallbackRecord } from './fake-discord-state.js';

/** Options of {@link startFakeDiscord}. */
export interface FakeDiscordOptions {
  /** The only bot token the fake accepts (REST `Authorization: Bot <token>` and gateway IDENTIFY). */
  token?: string;
  appId?: string;
  botUser?: APIUser;
  /** Guilds the bot is in; default: one guild with one text channel and {@link DEFAULT_USER}. */
  guilds?: FakeGuildOptions[];
  /** HELLO `heartbeat_interval`; the default is Discord's 41250 ms so tests never see heartbeats. */
  heartbeatIntervalMs?: number;
  /** Hold READY after IDENTIFY until `releaseReady()`, to observe a bot that is still connecting. */
  holdReady?: boolean;
  /** Answer IDENTIFY by closing the gateway with this code (4004, 4013, 4014…) instead of READY. */
  identifyCloseCode?: number;
}

/** A running fake Discord (REST + gateway) on 127.0.0.1. */
export interface FakeDiscord {
  /** Pass as `new Client({ rest: { api: fake.apiUrl } })`; discord.js appends `/v10/...`. */
  readonly apiUrl: string;
  /** `ws://127.0.0.1:PORT`, returned by `GET /gateway/bot` (discord.js needs no ws option). */
  readonly gatewayUrl: string;
  readonly token: string;
  readonly appId: string;
  readonly botUser: APIUser;
  /** Every REST request so far, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Every accepted interaction callback (`{ type, data }` of the initial response). */
  readonly interactionCallbacks: readonly InteractionCallbackRecord[];
  /** Every IDENTIFY payload received. */
  readonly identifies: readonly GatewayIdentifyData[];
  /** Path and query of every gateway connection (`/?v=10&encoding=json` for discord.js). */
  readonly gatewayConnections: readonly string[];
  /** Every payload clients sent on the gateway. */
  readonly gatewayPayloads: readonly GatewayClientPayload[];
  /** Sends dispatch event `t` to identified clients with the next sequence number; returns how many received it. */
  dispatch(t: string, d: unknown): number;
  /** Resolves with the first IDENTIFY payload. */
  identified(): Promise<GatewayIdentifyData>;
  /** Resolves once `count` IDENTIFYs were accepted in all (from any client); rejects after `timeoutMs`. */
  identifiedTimes(count: number, timeoutMs?: number): Promise<void>;
  /** How many identified gateway sessions are connected now. */
  liveSessions(): number;
  /** The most identified gateway sessions ever connected at the same moment. */
  peakSessions(): number;
  /** Resolves once READY and all GUILD_CREATEs were sent. */
  ready(): Promise<void>;
  /** Sends the READY held back by the `holdReady` option. */
  releaseReady(): void;
  /**
   * Revokes the bot token, as resetting it in the developer portal does: REST answers 401, the
   * gateway drops its connections, and the client's resume and new IDENTIFY fail (close 4004).
   */
  revokeToken(): void;
  /** Makes the next request matching `method` and `pathPattern` (path below `/api/v10`) fail. */
  failNext(method: string, pathPattern: RegExp, failure: ScriptedFailure): void;
  /** First request (already recorded or future) matching; rejects after `timeoutMs` listing what was seen. */
  waitForRequest(
    method: string,
    pathPattern: RegExp,
    predicate?: (request: RecordedRequest) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedRequest>;
  /** Commands registered with `PUT .../commands` (global, or for `guildId`). */
  registeredCommands(guildId?: string): readonly APIApplicationCommand[];
  /** Messages the bot created with `POST /channels/:id/messages` (and the ones dispatched to it). */
  channelMessages(channelId: string): APIMessage[];
  /** Builds (does not send) a slash-command interaction; pass it to `dispatch('INTERACTION_CREATE', …)`. */
  chatInputInteraction(options?: ChatInputOptions): APIChatInputApplicationCommandInteraction;
  /** Builds an autocomplete interaction (type 4) with a focused `query` option. */
  autocompleteInteraction(
    options?: AutocompleteOptions,
  ): APIApplicationCommandAutocompleteInteraction;
  /** Builds a button click (type 3) on a bot message. */
  buttonInteraction(options: ButtonOptions): APIMessageComponentButtonInteraction;
  /** Builds a MESSAGE_CREATE payload; pass it to `dispatch('MESSAGE_CREATE', …)`. */
  messageCreate(options: MessageCreateOptions): GatewayMessageCreateDispatchData;
  /** Clears recorded requests, callbacks and unused scripted failures; keeps sessions and messages. */
  reset(): void;
  /** Terminates gateway sockets and HTTP connections and closes the server. */
  close(): Promise<void>;
}

const API_PREFIX = '/api/v10';

function unauthorized(req: ParsedRequest, token: string): boolean {
  return req.headers.authorization !== `Bot ${token}`;
}

function respond(
  state: FakeDiscordState,
  failures: FailureScript,
  req: ParsedRequest,
): RestResponse {
  const matched = matchRoute(req.method, req.path);
  const needsAuth = matched ? matched.route.auth : !isInteractionTokenPath(req.path);
  if (needsAuth && unauthorized(req, state.token)) {
    return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
  }
  const failure = failures.take(req);
  if (failure) return failure;
  if (!matched) return NOT_FOUND;
  return matched.route.handle(state, req, matched.params);
}

const NOT_FOUND: RestResponse = { status: 404, body: { message: '404: Not Found', code: 0 } };

/** Answers one parsed request; a throwing route is a fake bug, reported as a 500. */
function answer(
  state: FakeDiscordState,
  failures: FailureScript,
  req: ParsedRequest,
  rawUrl: string,
): RestResponse {
  if (!rawUrl.startsWith(`${API_PREFIX}/`)) return NOT_FOUND;
  try {
    return respond(state, failures, req);
  } catch (error) {
    return {
      status: 500,
      body: { message: `fake discord route failed: ${String(error)}`, code: 0 },
    };
  }
}

function handler(
  state: FakeDiscordState,
  failures: FailureScript,
  log: WaitableLog<RecordedRequest>,
) {
  return (incoming: IncomingMessage, res: ServerResponse) => {
    void parseRequest(incoming, API_PREFIX).then(
      (req) => {
        const response = answer(state, failures, req, incoming.url ?? '/');
        log.push({ ...req, status: response.status });
        sendJson(res, response.status, response.body, response.headers);
      },
      () => sendJson(res, 400, { message: 'The request body contains invalid JSON.', code: 50109 }),
    );
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Tracks dispatched interactions and messages so later REST calls about them resolve. */
function track(state: FakeDiscordState, t: string, d: unknown): void {
  if (t === GatewayDispatchEvents.InteractionCreate) state.trackInteraction(d as APIInteraction);
  if (t === GatewayDispatchEvents.MessageCreate) state.trackMessage(d as APIMessage);
}

/** Starts a fake Discord REST API and gateway on 127.0.0.1 (random port). */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const appId = options.appId ?? '100000000000000001';
  const botUser = options.botUser ?? apiUser({ id: appId, username: 'devops-bot', bot: true });
  const guilds = (
    options.guilds ?? [{ id: '200000000000000001', channels: [{ id: '300000000000000001' }] }]
  ).map(normalizeGuild);
  const state = new FakeDiscordState(options.token ?? 'test-token', appId, botUser, guilds);
  const failures = new FailureScript();
  const log = new WaitableLog<RecordedRequest>(describeRequest);
  const server = createServer(handler(state, failures, log));
  const gateway = new FakeGateway(server, state, options.heartbeatIntervalMs ?? 41_250);
  gateway.holdingReady = options.holdReady ?? false;
  gateway.identifyCloseCode = options.identifyCloseCode;
  const port = await listen(server);
  state.gatewayUrl = `ws://127.0.0.1:${port}`;

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: state.gatewayUrl,
    token: state.token,
    appId,
    botUser,
    requests: log.items,
    interactionCallbacks: state.callbacks,
    identifies: gateway.identifies,
    gatewayConnections: gateway.connections,
    gatewayPayloads: gateway.received,
    dispatch: (t, d) => {
      track(state, t, d);
      return gateway.dispatch(t, d);
    },
    identified: () => gateway.identified(),
    identifiedTimes: (count, timeoutMs = 5000) => gateway.identifiedTimes(count, timeoutMs),
    liveSessions: () => gateway.liveSessions(),
    peakSessions: () => gateway.peakSessions,
    ready: () => gateway.ready(),
    releaseReady: () => gateway.releaseReady(),
    revokeToken: () => {
      state.token = `revoked-${state.token}`;
      gateway.closeConnections(GatewayCloseCodes.UnknownError, 'Session invalidated.');
    },
    failNext: (method, pattern, failure) => failures.add(method, pattern, failure),
    waitForRequest: (method, pattern, predicate, timeoutMs = 5000) =>
      log.waitFor(requestMatcher(method, pattern, predicate), timeoutMs, `${method} ${pattern}`),
    registeredCommands: (guildId) =>
      guildId ? (state.guildCommands.get(guildId) ?? []) : state.globalCommands,
    channelMessages: (channelId) =>
      [...state.messages.values()].filter((m) => m.channel_id === channelId),
    chatInputInteraction: (o) => chatInputInteraction(state, o),
    autocompleteInteraction: (o) => autocompleteInteraction(state, o),
    buttonInteraction: (o) => buttonInteraction(state, o),
    messageCreate: (o) => messageCreate(state, o),
    reset: () => {
      log.clear();
      state.callbacks.length = 0;
      failures.clear();
    },
    close: async () => {
      log.rejectAll(new Error('fake discord closed'));
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
