import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** One Web API request as the fake received it. */
export interface RecordedCall {
  /** Method name from the path, e.g. `chat.postMessage`. */
  readonly method: string;
  /** Decoded arguments; `blocks`/`attachments`/`metadata`/`view` are parsed, `token` is removed. */
  readonly args: Record<string, unknown>;
  /** From `Authorization: Bearer …`, else from a `token` argument. */
  readonly token: string | undefined;
  readonly headers: IncomingHttpHeaders;
}

/** A workspace member known to `users.info`. */
export interface FakeUser {
  readonly is_admin?: boolean;
  readonly is_owner?: boolean;
  readonly name?: string;
}

/** A scripted error answer for the next call to one method. */
export interface ScriptedFailure {
  /** Slack error code, e.g. `channel_not_found` or `ratelimited`. */
  readonly error: string;
  /** HTTP status; defaults to 429 for `ratelimited`, else 200 (Slack reports errors with 200). */
  readonly status?: number;
  /** `Retry-After` header value for 429 answers; defaults to 1. */
  readonly retryAfterSeconds?: number;
}

/** Produces the JSON body for a successful call to one method. */
export type MethodHandler = (call: RecordedCall) => Record<string, unknown>;

/** What the fake answers over HTTP. */
export interface ApiReply {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers?: Record<string, string>;
}

const JSON_STRING_FIELDS = ['blocks', 'attachments', 'metadata', 'view'];

/** Decodes a Web API request body the way Slack does (form, multipart or JSON). */
async function parseApiArgs(
  raw: Buffer,
  contentType: string | undefined,
): Promise<Record<string, unknown>> {
  if (raw.length === 0) return {};
  const args = contentType?.startsWith('application/json')
    ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>)
    : await parseFormData(raw, contentType ?? 'application/x-www-form-urlencoded');
  for (const field of JSON_STRING_FIELDS) {
    const value = args[field];
    if (typeof value === 'string') args[field] = parseJsonOr(value);
  }
  return args;
}

async function parseFormData(raw: Buffer, contentType: string): Promise<Record<string, unknown>> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const args: Record<string, unknown> = {};
  for (const [key, value] of form) {
    args[key] = typeof value === 'string' ? value : { filename: value.name, size: value.size };
  }
  return args;
}

/** Parses JSON, falling back to the text itself. */
export function parseJsonOr(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Token as @slack/web-api sends it: bearer header first, then the `token` argument. */
function extractToken(
  headers: IncomingHttpHeaders,
  args: Record<string, unknown>,
): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (bearer?.[1]) return bearer[1];
  return typeof args.token === 'string' ? args.token : undefined;
}

/** Returns Slack's error code for a token unfit for `method`, or undefined if it is accepted. */
function tokenError(
  method: string,
  token: string | undefined,
  validTokens: readonly string[] | undefined,
): string | undefined {
  const known = validTokens
    ? token !== undefined && validTokens.includes(token)
    : /^(xoxb|xapp)-/.test(token ?? '');
  if (!token || !known) return 'invalid_auth';
  const isAppToken = token.startsWith('xapp-');
  return isAppToken === (method === 'apps.connections.open') ? undefined : 'not_allowed_token_type';
}

/** Builds the HTTP answer for a scripted failure (429 + `Retry-After` for rate limits). */
function failureReply(failure: ScriptedFailure): ApiReply {
  const status = failure.status ?? (failure.error === 'ratelimited' ? 429 : 200);
  const headers: Record<string, string> =
    status === 429 ? { 'retry-after': String(failure.retryAfterSeconds ?? 1) } : {};
  return { status, body: { ok: false, error: failure.error }, headers };
}

/** Decodes Web API requests and answers them: method, token, scripted failure, then handler. */
export class FakeWebApi {
  readonly #handlers: Readonly<Record<string, MethodHandler>>;
  readonly #validTokens: readonly string[] | undefined;
  readonly #failures = new Map<string, ScriptedFailure[]>();

  constructor(handlers: Readonly<Record<string, MethodHandler>>, validTokens?: readonly string[]) {
    this.#handlers = handlers;
    this.#validTokens = validTokens;
  }

  /** Queues a failure for the next call to `method`. */
  failNext(method: string, failure: ScriptedFailure): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), failure]);
  }

  /** Drops queued failures. */
  reset(): void {
    this.#failures.clear();
  }

  /** Reads and decodes one request to `/api/<method>`. */
  async decode(method: string, req: IncomingMessage): Promise<RecordedCall> {
    const args = await parseApiArgs(await readBody(req), req.headers['content-type']);
    const token = extractToken(req.headers, args);
    delete args.token;
    return { method, args, token, headers: req.headers };
  }

  /** Slack's answer to `call`; consumes a queued failure only once auth has passed. */
  answer(call: RecordedCall): ApiReply {
    const handler = this.#handlers[call.method];
    if (!handler) {
      return { status: 200, body: { ok: false, error: 'unknown_method', req_method: call.method } };
    }
    const authError = tokenError(call.method, call.token, this.#validTokens);
    if (authError) return { status: 200, body: { ok: false, error: authError } };
    const failure = this.#failures.get(call.method)?.shift();
    return failure ? failureReply(failure) : { status: 200, body: handler(call) };
  }
}

/** Reads a whole request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Writes a JSON answer the way Slack does. */
export function reply(res: ServerResponse, { status, body, headers }: ApiReply): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
