import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WaitableLog } from './waitable-log.js';

/** A message in a Relay channel: what the bot posted, with the weekly marker when it has one. */
export interface RelayMessage {
  id: string;
  channel: string;
  text: string;
  marker?: string;
}

/**
 * Relay, a tiny chat platform made up for the registry test, served on 127.0.0.1: the bot
 * registers a webhook (`POST /webhooks` with its token), people's messages are delivered to that
 * webhook, and the bot posts with `POST /messages` and reads a channel with `GET /messages`.
 */
export interface FakeRelay {
  /** The base URL the bot is configured with (`RELAY_URL`). */
  url: string;
  /** The token the bot must present (`RELAY_TOKEN`). */
  token: string;
  /** Everything the bot posted, in order. */
  messages: WaitableLog<RelayMessage>;
  /** Resolves once the bot has registered its webhook. */
  registered(): Promise<void>;
  /** Delivers a person's message to the bot's webhook. */
  say(channel: string, user: string, text: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts a fake Relay on a free loopback port. */
export async function startFakeRelay(): Promise<FakeRelay> {
  const token = 'relay-secret-token';
  const messages = new WaitableLog<RelayMessage>((message) => JSON.stringify(message));
  let webhook: string | undefined;
  let onRegistered!: () => void;
  const registration = new Promise<void>((resolve) => (onRegistered = resolve));

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch(() => send(response, 500, { error: 'internal' }));
  });
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.authorization !== `Bearer ${token}`)
      return send(response, 401, { error: 'bad token' });
    const url = new URL(request.url ?? '/', 'http://relay');
    if (request.method === 'POST' && url.pathname === '/webhooks') {
      webhook = String((await readJson(request)).url);
      onRegistered();
      return send(response, 200, { ok: true });
    }
    if (request.method === 'POST' && url.pathname === '/messages') {
      const body = await readJson(request);
      const message: RelayMessage = {
        id: `m${messages.items.length + 1}`,
        channel: String(body.channel),
        text: String(body.text),
        ...(typeof body.marker === 'string' ? { marker: body.marker } : {}),
      };
      messages.push(message);
      return send(response, 200, { id: message.id });
    }
    if (request.method === 'GET' && url.pathname === '/messages') {
      const channel = url.searchParams.get('channel');
      return send(
        response,
        200,
        messages.items.filter((message) => message.channel === channel),
      );
    }
    send(response, 404, { error: 'no such route' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    messages,
    registered: () => registration,
    async say(channel, user, text) {
      if (!webhook) throw new Error('the bot has not registered a webhook');
      const response = await fetch(webhook, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel, user, text }),
      });
      if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return JSON.parse(text) as Record<string, unknown>;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
