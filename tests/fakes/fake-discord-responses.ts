import type { APIAttachment, APIMessage } from 'discord.js';
import { nextSnowflake } from './discord-payloads.js';
import type { RecordedFile } from './fake-discord-http.js';
import type { DiscordErrorResponse } from './discord-validation.js';

/** What a route handler answers. */
export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A Discord JSON error such as `{ code: 10003, message: 'Unknown Channel' }`. */
export function discordError(status: number, code: number, message: string): DiscordErrorResponse {
  return { status, body: { code, message } };
}

/** Ready-made scripted failures with Discord's real bodies and headers, for `failNext`. */
export const discordErrors = {
  /** 429 with `retry_after` in the body and `retry-after` / `x-ratelimit-*` headers. */
  rateLimited(retryAfterSeconds = 0.05, global = false): DiscordErrorResponse {
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global },
      headers: {
        'retry-after': String(retryAfterSeconds),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(retryAfterSeconds),
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': global ? 'global' : 'user',
        ...(global && { 'x-ratelimit-global': 'true' }),
      },
    };
  },
  missingAccess: (): DiscordErrorResponse => discordError(403, 50001, 'Missing Access'),
  missingPermissions: (): DiscordErrorResponse => discordError(403, 50013, 'Missing Permissions'),
  unknownChannel: (): DiscordErrorResponse => discordError(404, 10003, 'Unknown Channel'),
  unknownMessage: (): DiscordErrorResponse => discordError(404, 10008, 'Unknown Message'),
  unknownWebhook: (): DiscordErrorResponse => discordError(404, 10015, 'Unknown Webhook'),
  unknownInteraction: (): DiscordErrorResponse => discordError(404, 10062, 'Unknown interaction'),
  alreadyAcknowledged: (): DiscordErrorResponse =>
    discordError(400, 40060, 'Interaction has already been acknowledged.'),
  serverError: (): DiscordErrorResponse => discordError(500, 0, '500: Internal Server Error'),
};

/** 200 with a JSON body. */
export function ok(body: unknown): RestResponse {
  return { status: 200, body };
}

/** Attachment objects for uploaded files, with CDN-shaped urls. */
export function attachmentsFrom(files: RecordedFile[], channelId: string): APIAttachment[] {
  return files.map((file) => {
    const id = nextSnowflake();
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${file.filename}`;
    return {
      id,
      filename: file.filename,
      content_type: file.contentType,
      size: file.size,
      url,
      proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
    };
  });
}

type MessageBody = Partial<Pick<APIMessage, 'content' | 'embeds' | 'components' | 'flags' | 'tts'>>;

/** The message fields a create/edit body may set (Discord ignores the rest). */
export function messageFieldsFrom(body: unknown): MessageBody {
  if (typeof body !== 'object' || body === null) return {};
  const source = body as MessageBody;
  const fields: MessageBody = {};
  if (typeof source.content === 'string') fields.content = source.content;
  if (Array.isArray(source.embeds)) fields.embeds = source.embeds;
  if (Array.isArray(source.components)) fields.components = source.components;
  if (typeof source.flags === 'number') fields.flags = source.flags;
  if (typeof source.tts === 'boolean') fields.tts = source.tts;
  return fields;
}
