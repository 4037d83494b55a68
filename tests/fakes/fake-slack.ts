import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_TEAM, defaultHandlers, tsGenerator } from './fake-slack-methods.js';
import {
  FakeWebApi,
  parseJsonOr,
  readBody,
  reply,
  type FakeUser,
  type MethodHandler,
  type RecordedCall,
  type ScriptedFailure,
} from './fake-slack-web-api.js';
import {
  FakeSocketMode,
  type EnvelopeOptions,
  type EnvelopeType,
  type SocketAck,
} from './fake-slack-socket.js';
import { WaitableLog, type Predicate } from './waitable-log.js';

export type {
  EnvelopeOptions,
  EnvelopeType,
  FakeUser,
  MethodHandler,
  RecordedCall,
  ScriptedFailure,
  SocketAck,
};
export { FAKE_BOT, FAKE_TEAM } from './fake-slack-methods.js';

/** Configuration for {@link startFakeSlack}. */
export interface FakeSlackOptions {
  /** `users.info` data by user id; unknown ids are ordinary (non-admin) members. */
  readonly users?: Readonly<Record<string, FakeUser>>;
  /** `conversations.info` names by channel id, and whether the bot is a member (it is by default); unknown ids are called `general`. */
  readonly channels?: Readonly<
    Record<string, { readonly name: string; readonly is_member?: boolean }>
  >;
  /** Exact tokens to accept; by default any `xoxb-` or `xapp-` token is accepted. */
  readonly validTokens?: readonly string[];
  /** Extra or replacement method handlers, merged over the defaults. */
  readonly methods?: Readonly<Record<string, MethodHandler>>;
  /** `app_id` reported in Socket Mode `hello`; default `A0001`. */
  readonly appId?: string;
}

/** A POST the app made to a `response_url`. */
export interface RecordedResponse {
  readonly id: string;
  /** Parsed JSON body (Bolt's `respond()` sends JSON); the raw text if it was not JSON. */
  readonly body: unknown;
}

/** A running fake Slack; see {@link startFakeSlack}. */
export interface FakeSlack {
  /** `http://127.0.0.1:PORT/api/` — pass as `slackApiUrl`. */
  readonly apiUrl: string;
  /** `http://127.0.0.1:PORT`. */
  readonly baseUrl: string;
  /** Web API calls received, oldest first. */
  readonly calls: readonly RecordedCall[];
  /** `response_url` posts received, oldest first. */
  readonly responses: readonly RecordedResponse[];
  /** Socket Mode acks received, oldest first. */
  readonly acks: readonly SocketAck[];
  /** Recorded calls to one method. */
  callsTo(method: string): RecordedCall[];
  /** Makes the next call to `method` fail; queue several by calling repeatedly. */
  failNext(method: string, failure: ScriptedFailure): void;
  /**
   * Holds the answer to the next call to `method` for `ms` after carrying it out, like a Slack
   * that posted the message but answers late; queue several by calling repeatedly.
   */
  delayNext(method: string, ms: number): void;
  /** Top-level messages posted to `channel`, oldest first, as `conversations.history` lists them. */
  channelHistory(channel: string): Record<string, unknown>[];
  /**
   * A fresh `response_url` served by this fake, shaped like Slack's
   * (`/commands/TEAM/NUMBER/SECRET`); the last segment, `NAME-NUMBER`, is its `id`.
   */
  responseUrl(name?: string): string;
  /** Makes the next `response_url` post answer `status` (Slack answers 404 to an expired one). */
  failNextResponse(status: number): void;
  /** First call to `method` matching `predicate`, recorded already or in future. */
  waitForCall(
    method: string,
    predicate?: Predicate<RecordedCall>,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  /** First `response_url` post matching `predicate`, recorded already or in future. */
  waitForResponse(
    predicate?: Predicate<RecordedResponse>,
    timeoutMs?: number,
  ): Promise<RecordedResponse>;
  /** Resolves when a Socket Mode client is connected and has been sent `hello`. */
  socketConnected(timeoutMs?: number): Promise<void>;
  /** Pushes a Socket Mode envelope to the newest client; resolves with its ack. */
  sendEnvelope(type: EnvelopeType, payload: unknown, options?: EnvelopeOptions): Promise<SocketAck>;
  /** Sends Slack's `disconnect` to the newest Socket Mode client; resolves once it has closed. */
  sendDisconnect(reason?: string, timeoutMs?: number): Promise<void>;
  /** Forgets calls, responses, acks and queued failures (connections stay up). */
  reset(): void;
  /** Closes sockets and the server; pending waits reject. */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * Starts a fake Slack on 127.0.0.1 (random port) speaking the real Web API, `response_url` and
 * Socket Mode wire formats, so the real Bolt app and Slack SDK clients can run against it.
 */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return new FakeSlackServer(server, options);
}

class FakeSlackServer implements FakeSlack {
  readonly apiUrl: string;
  readonly baseUrl: string;
  readonly #server: Server;
  readonly #socket: FakeSocketMode;
  readonly #calls = new WaitableLog<RecordedCall>(describeCall);
  readonly #responses = new WaitableLog<RecordedResponse>(
    (r) => `${r.id}: ${JSON.stringify(r.body)}`,
  );
  readonly #webApi: FakeWebApi;
  readonly #history = new Map<string, Record<string, unknown>[]>();
  readonly #delays = new Map<string, number[]>();
  readonly #responseFailures: number[] = [];
  #responseCount = 0;

  constructor(server: Server, options: FakeSlackOptions) {
    const { port } = server.address() as AddressInfo;
    this.#server = server;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.baseUrl}/api/`;
    this.#socket = new FakeSocketMode(`ws://127.0.0.1:${port}`, options.appId ?? 'A0001');
    const context = {
      users: options.users ?? {},
      channels: options.channels ?? {},
      nextTs: tsGenerator(),
      socketUrl: () => this.#socket.issueUrl(),
      history: this.#history,
    };
    const handlers = { ...defaultHandlers(context), ...options.methods };
    this.#webApi = new FakeWebApi(handlers, options.validTokens);
    server.on('request', (req, res) => this.#route(req, res));
    server.on('upgrade', (req, socket, head) => this.#socket.handleUpgrade(req, socket, head));
  }

  get calls(): readonly RecordedCall[] {
    return this.#calls.items;
  }

  get responses(): readonly RecordedResponse[] {
    return this.#responses.items;
  }

  get acks(): readonly SocketAck[] {
    return this.#socket.acks;
  }

  callsTo(method: string): RecordedCall[] {
    return this.#calls.items.filter((call) => call.method === method);
  }

  failNext(method: string, failure: ScriptedFailure): void {
    this.#webApi.failNext(method, failure);
  }

  delayNext(method: string, ms: number): void {
    this.#delays.set(method, [...(this.#delays.get(method) ?? []), ms]);
  }

  channelHistory(channel: string): Record<string, unknown>[] {
    return [...(this.#history.get(channel) ?? [])];
  }

  responseUrl(name = 'response'): string {
    this.#responseCount += 1;
    const count = this.#responseCount;
    return `${this.baseUrl}/commands/${FAKE_TEAM.id}/${count}/${encodeURIComponent(name)}-${count}`;
  }

  failNextResponse(status: number): void {
    this.#responseFailures.push(status);
  }

  waitForCall(
    method: string,
    predicate: Predicate<RecordedCall> = () => true,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<RecordedCall> {
    const matches = (call: RecordedCall): boolean => call.method === method && predicate(call);
    return this.#calls.waitFor(matches, timeoutMs, `a ${method} call`);
  }

  waitForResponse(
    predicate: Predicate<RecordedResponse> = () => true,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<RecordedResponse> {
    return this.#responses.waitFor(predicate, timeoutMs, 'a response_url post');
  }

  socketConnected(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    return this.#socket.connected(timeoutMs);
  }

  sendEnvelope(
    type: EnvelopeType,
    payload: unknown,
    options?: EnvelopeOptions,
  ): Promise<SocketAck> {
    return this.#socket.sendEnvelope(type, payload, options);
  }

  sendDisconnect(reason?: string, timeoutMs?: number): Promise<void> {
    return this.#socket.sendDisconnect(reason, timeoutMs);
  }

  reset(): void {
    this.#calls.clear();
    this.#responses.clear();
    this.#webApi.reset();
    this.#responseFailures.length = 0;
    this.#socket.reset();
    this.#delays.clear();
  }

  async close(): Promise<void> {
    const closed = new Error('fake Slack closed');
    this.#calls.rejectAll(closed);
    this.#responses.rejectAll(closed);
    await this.#socket.close();
    const stopped = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    // Keep-alive sockets from fetch would otherwise hold close() open.
    this.#server.closeAllConnections();
    await stopped;
  }

  #route(req: IncomingMessage, res: ServerResponse): void {
    this.#dispatch(req, res).catch((error: unknown) => {
      // Surface fake bugs as a 500 the client reports, rather than a hung request.
      if (!res.headersSent) reply(res, { status: 500, body: { ok: false, error: String(error) } });
    });
  }

  async #dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', this.baseUrl);
    if (req.method === 'POST' && pathname.startsWith('/api/')) {
      return this.#handleApi(decodeURIComponent(pathname.slice('/api/'.length)), req, res);
    }
    if (req.method === 'POST' && pathname.startsWith('/commands/')) {
      return this.#handleResponse(
        decodeURIComponent(pathname.slice(pathname.lastIndexOf('/') + 1)),
        req,
        res,
      );
    }
    reply(res, { status: 404, body: { ok: false, error: 'not_found' } });
  }

  async #handleApi(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const call = await this.#webApi.decode(method, req);
    const answer = this.#webApi.answer(call);
    // Record before replying so `calls` is complete by the time the client sees the answer.
    this.#calls.push(call);
    const delayMs = this.#delays.get(method)?.shift();
    if (delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, delayMs));
    // A client that gave up waiting has closed the connection; there is no one left to answer.
    if (!res.destroyed) reply(res, answer);
  }

  async #handleResponse(id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = (await readBody(req)).toString('utf8');
    const failure = this.#responseFailures.shift();
    if (failure) {
      reply(res, { status: failure, body: { ok: false, error: 'expired_url' } });
      return;
    }
    this.#responses.push({ id, body: parseJsonOr(text) });
    reply(res, { status: 200, body: { ok: true } });
  }
}

function describeCall(call: RecordedCall): string {
  const args = JSON.stringify(call.args);
  return `${call.method} ${args.length > 200 ? `${args.slice(0, 200)}…` : args}`;
}
