import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** A file part of a multipart request (discord.js sends `files[n]` parts next to `payload_json`). */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

/** A REST request as the fake received it. */
export interface RecordedRequest {
  method: string;
  /** Path below `/api/v10`, e.g. `/channels/300000000000000001/messages`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, the parsed `payload_json` part of a multipart body, or undefined. */
  body: unknown;
  files: RecordedFile[];
  headers: IncomingHttpHeaders;
  /** HTTP status the fake answered with. */
  status: number;
}

/** A request before the fake has answered it. */
export type ParsedRequest = Omit<RecordedRequest, 'status'>;

/** A scripted error response for {@link FailureScript}. */
export interface ScriptedFailure {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseMultipart(raw: Buffer, contentType: string) {
  // Node's fetch Response implements the multipart/form-data parser we need.
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const files: RecordedFile[] = [];
  let body: unknown;
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value);
    } else {
      files.push({ field, filename: value.name, contentType: value.type, size: value.size });
    }
  }
  return { body, files };
}

async function parseBody(raw: Buffer, contentType: string) {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  if (contentType.startsWith('application/json')) {
    return { body: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
  }
  return { body: raw.toString('utf8'), files: [] };
}

/** Reads and parses an incoming request; `path` is made relative to `prefix` when it starts with it. */
export async function parseRequest(req: IncomingMessage, prefix: string): Promise<ParsedRequest> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  // undici percent-encodes `@` in `/messages/@original`; match and record the decoded form.
  const pathname = decodeURIComponent(url.pathname);
  const path = pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
  const { body, files } = await parseBody(await readBody(req), req.headers['content-type'] ?? '');
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path,
    query: Object.fromEntries(url.searchParams),
    body,
    files,
    headers: req.headers,
  };
}

/** Writes a JSON response (or an empty one for 204). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(json);
}

function matches(method: string, pattern: RegExp, request: { method: string; path: string }) {
  pattern.lastIndex = 0;
  return request.method === method.toUpperCase() && pattern.test(request.path);
}

/** Queue of one-shot failures; each is consumed by the first request it matches. */
export class FailureScript {
  private readonly queue: { method: string; pattern: RegExp; failure: ScriptedFailure }[] = [];

  add(method: string, pattern: RegExp, failure: ScriptedFailure): void {
    this.queue.push({ method, pattern, failure });
  }

  take(request: { method: string; path: string }): ScriptedFailure | undefined {
    const index = this.queue.findIndex((f) => matches(f.method, f.pattern, request));
    if (index < 0) return undefined;
    return this.queue.splice(index, 1)[0]?.failure;
  }

  clear(): void {
    this.queue.length = 0;
  }
}

/** One line per request, for timeout messages: `POST /channels/1/messages -> 200`. */
export function describeRequest(request: RecordedRequest): string {
  return `${request.method} ${request.path} -> ${request.status}`;
}

/** Predicate selecting requests by method, path pattern and an optional extra check. */
export function requestMatcher(
  method: string,
  pattern: RegExp,
  predicate: (request: RecordedRequest) => boolean = () => true,
): (request: RecordedRequest) => boolean {
  return (request) => matches(method, pattern, request) && predicate(request);
}
