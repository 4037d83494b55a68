import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { WaitableLog } from './waitable-log.js';

const PING_INTERVAL_MS = 10_000;

/** Envelope types Slack pushes over Socket Mode that the bot handles. */
export type EnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

/** What a Socket Mode client sends back: `{ envelope_id, payload }` (payload `{}` for a bare ack). */
export interface SocketAck {
  readonly envelope_id: string;
  readonly payload?: unknown;
}

/** Per-envelope knobs for {@link FakeSocketMode.sendEnvelope}. */
export interface EnvelopeOptions {
  /** Defaults to true for `slash_commands` (as Slack does), false otherwise. */
  readonly acceptsResponsePayload?: boolean;
  /** Sets `retry_attempt`/`retry_reason` on `events_api` envelopes, as Slack's redeliveries do. */
  readonly retryAttempt?: number;
  readonly retryReason?: string;
  /** How long to wait for the ack; default 5000. */
  readonly timeoutMs?: number;
}

/**
 * Slack's Socket Mode endpoint: hands out single-use `ticket` URLs from `apps.connections.open`,
 * greets each WebSocket with `hello`, pushes envelopes and collects acks. `ws` answers the
 * client's pings with pongs automatically, which is all @slack/socket-mode needs to stay up.
 */
export class FakeSocketMode {
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #tickets = new Set<string>();
  readonly #greeted = new WaitableLog<WebSocket>(() => 'a greeted connection (now closed)');
  readonly #acks = new WaitableLog<SocketAck>((ack) => JSON.stringify(ack));
  readonly #wsBaseUrl: string;
  readonly #appId: string;

  constructor(wsBaseUrl: string, appId: string) {
    this.#wsBaseUrl = wsBaseUrl;
    this.#appId = appId;
  }

  /** Acks received, oldest first. */
  get acks(): readonly SocketAck[] {
    return this.#acks.items;
  }

  /** A fresh connection URL, as `apps.connections.open` returns it. */
  issueUrl(): string {
    const ticket = randomUUID();
    this.#tickets.add(ticket);
    return `${this.#wsBaseUrl}/socket?ticket=${ticket}&app_id=${this.#appId}`;
  }

  /** `upgrade` handler for the HTTP server; refuses unknown paths and unissued/reused tickets. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ticket = url.searchParams.get('ticket');
    if (url.pathname !== '/socket' || ticket === null || !this.#tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#greet(ws));
  }

  /** Resolves once a client is connected and has been sent `hello`. */
  async connected(timeoutMs: number): Promise<void> {
    await this.#greeted.waitFor(isOpen, timeoutMs, 'a Socket Mode client to connect');
  }

  /** Pushes an envelope to the newest connection and resolves with the client's ack. */
  async sendEnvelope(
    type: EnvelopeType,
    payload: unknown,
    options: EnvelopeOptions = {},
  ): Promise<SocketAck> {
    const envelopeId = randomUUID();
    await send(this.#current(), buildEnvelope(envelopeId, type, payload, options));
    return this.#acks.waitFor(
      (ack) => ack.envelope_id === envelopeId,
      options.timeoutMs ?? 5000,
      `the ack of ${type} envelope ${envelopeId}`,
    );
  }

  /**
   * Sends Slack's `disconnect` message and resolves once the client has closed that connection,
   * so a following {@link FakeSocketMode.connected} waits for the reconnection.
   */
  async sendDisconnect(reason = 'refresh_requested', timeoutMs = 5000): Promise<void> {
    const ws = this.#current();
    const closed = closedWithin(ws, timeoutMs);
    await send(ws, { type: 'disconnect', reason, debug_info: { host: 'fake-slack' } });
    await closed;
  }

  /** Forgets recorded acks. */
  reset(): void {
    this.#acks.clear();
  }

  /** Closes every connection (gracefully, 1001) and rejects pending waits. */
  async close(): Promise<void> {
    const closed = new Error('fake Slack closed');
    this.#greeted.rejectAll(closed);
    this.#acks.rejectAll(closed);
    await Promise.all([...this.#wss.clients].map((ws) => closeGracefully(ws)));
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #greet(ws: WebSocket): void {
    ws.on('message', (data, isBinary) => this.#onMessage(data, isBinary));
    const hello = {
      type: 'hello',
      num_connections: this.#wss.clients.size,
      debug_info: { host: 'fake-slack', build_number: 1, approximate_connection_time: 18060 },
      connection_info: { app_id: this.#appId },
    };
    keepAlive(ws);
    send(ws, hello)
      .then(() => pingPong(ws))
      .then(
        () => this.#greeted.push(ws),
        () => ws.terminate(),
      );
  }

  #onMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) return;
    const message = parseJson(rawToString(data));
    if (isAck(message)) this.#acks.push(message);
  }

  #current(): WebSocket {
    const ws = this.#greeted.items.findLast(isOpen);
    if (!ws) throw new Error('No Socket Mode client is connected; await socketConnected() first.');
    return ws;
  }
}

function buildEnvelope(
  envelopeId: string,
  type: EnvelopeType,
  payload: unknown,
  options: EnvelopeOptions,
): Record<string, unknown> {
  const envelope: Record<string, unknown> = {
    envelope_id: envelopeId,
    type,
    payload,
    accepts_response_payload: options.acceptsResponsePayload ?? type === 'slash_commands',
  };
  if (type === 'events_api') {
    envelope.retry_attempt = options.retryAttempt ?? 0;
    envelope.retry_reason = options.retryReason ?? '';
  }
  return envelope;
}

/**
 * Resolves when the client answers a ping sent after `hello`. Clients handle frames in order, so
 * by then @slack/socket-mode has processed `hello` and counts itself connected; resolving on the
 * mere send let tests act (e.g. stop the app) while the client was still mid-handshake.
 */
function pingPong(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('pong', () => resolve());
    ws.once('close', () => reject(new Error('closed before answering the ping')));
    ws.ping('hello-check');
  });
}

/**
 * Pings periodically as Slack does: once @slack/socket-mode has seen a server ping it disconnects
 * if none follows within `serverPingTimeout` (30 s by default).
 */
function keepAlive(ws: WebSocket): void {
  const timer = setInterval(() => ws.ping('keepalive'), PING_INTERVAL_MS).unref();
  ws.once('close', () => clearInterval(timer));
}

/**
 * Completes the close handshake rather than cutting the TCP connection: Bolt's `app.stop()`
 * resolves before its client's close handshake finishes, and a cut there logs WebSocket errors.
 * Gives up and terminates after `graceMs` so a client that never answers cannot hang teardown.
 */
function closeGracefully(ws: WebSocket, graceMs = 1000): Promise<void> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => ws.terminate(), graceMs);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    if (ws.readyState === WebSocket.OPEN) ws.close(1001, 'fake Slack closing');
  });
}

function closedWithin(ws: WebSocket, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`Socket Mode client did not close within ${timeoutMs}ms of disconnect`));
    }, timeoutMs);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function send(ws: WebSocket, message: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.send(JSON.stringify(message), (error) => (error ? reject(error) : resolve()));
  });
}

function isOpen(ws: WebSocket): boolean {
  return ws.readyState === WebSocket.OPEN;
}

function isAck(message: unknown): message is SocketAck {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { envelope_id?: unknown }).envelope_id === 'string'
  );
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
