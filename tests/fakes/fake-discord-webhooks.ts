import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  type APIMessage,
} from 'discord.js';
import { messageObject } from './discord-messages.js';
import { validateAutocompleteChoices, validateMessageBody } from './discord-validation.js';
import type { ParsedRequest } from './fake-discord-http.js';
import {
  attachmentsFrom,
  discordErrors,
  messageFieldsFrom,
  ok,
  type RestResponse,
} from './fake-discord-responses.js';
import type { FakeDiscordState, InteractionRecord } from './fake-discord-state.js';

const R = InteractionResponseType;

/** Callback types Discord accepts for each interaction type. */
const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [InteractionType.ApplicationCommand]: [
    R.ChannelMessageWithSource,
    R.DeferredChannelMessageWithSource,
    R.Modal,
  ],
  [InteractionType.MessageComponent]: [
    R.ChannelMessageWithSource,
    R.DeferredChannelMessageWithSource,
    R.DeferredMessageUpdate,
    R.UpdateMessage,
    R.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [R.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    R.ChannelMessageWithSource,
    R.DeferredChannelMessageWithSource,
    R.DeferredMessageUpdate,
    R.UpdateMessage,
  ],
};

function invalidCallbackType(type: number): RestResponse {
  return {
    status: 400,
    body: {
      code: 50035,
      message: 'Invalid Form Body',
      errors: {
        type: {
          _errors: [
            {
              code: 'BASE_TYPE_CHOICES',
              message: `Value "${type}" is not a valid interaction response type here.`,
            },
          ],
        },
      },
    },
  };
}

/** The message an interaction response creates (authored by the bot, sent through the app webhook). */
function webhookMessage(
  state: FakeDiscordState,
  record: InteractionRecord,
  req: ParsedRequest,
  data: unknown,
): APIMessage {
  return messageObject({
    channel_id: record.channelId,
    author: state.botUser,
    webhook_id: state.appId,
    application_id: state.appId,
    type:
      record.type === InteractionType.ApplicationCommand
        ? MessageType.ChatInputCommand
        : MessageType.Default,
    attachments: attachmentsFrom(req.files, record.channelId),
    interaction_metadata: {
      id: record.id,
      type: record.type,
      user: record.user,
      authorizing_integration_owners: {},
    } as APIMessage['interaction_metadata'],
    ...messageFieldsFrom(data),
  });
}

function validateCallback(
  record: InteractionRecord,
  type: number,
  data: unknown,
  req: ParsedRequest,
) {
  if (!ALLOWED_CALLBACKS[record.type]?.includes(type)) return invalidCallbackType(type);
  if (type === R.ChannelMessageWithSource) {
    return validateMessageBody(data, { create: true, fileCount: req.files.length });
  }
  if (type === R.UpdateMessage) return validateMessageBody(data, { create: false });
  if (type === R.ApplicationCommandAutocompleteResult) return validateAutocompleteChoices(data);
  return null;
}

/** The original response message a callback type produces, if any. */
function originalFor(
  state: FakeDiscordState,
  record: InteractionRecord,
  type: number,
  data: unknown,
  req: ParsedRequest,
) {
  switch (type) {
    case R.ChannelMessageWithSource:
      return webhookMessage(state, record, req, data);
    case R.DeferredChannelMessageWithSource: {
      const flags = (messageFieldsFrom(data).flags ?? 0) | MessageFlags.Loading;
      return webhookMessage(state, record, req, { content: '', flags });
    }
    case R.DeferredMessageUpdate:
      return record.message;
    case R.UpdateMessage:
      return (
        record.message && {
          ...record.message,
          ...messageFieldsFrom(data),
          edited_timestamp: new Date().toISOString(),
        }
      );
    default:
      return undefined;
  }
}

function callbackResponse(
  record: InteractionRecord,
  type: number,
  message: APIMessage | undefined,
) {
  const flags = message?.flags ?? 0;
  return {
    interaction: {
      id: record.id,
      type: record.type,
      ...(message && {
        response_message_id: message.id,
        response_message_loading: (flags & MessageFlags.Loading) !== 0,
        response_message_ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
      }),
    },
    resource: { type, ...(message && { message }) },
  };
}

/** Saves a response message; non-ephemeral ones are channel messages too (see `channelMessages`). */
function storeWebhookMessage(
  state: FakeDiscordState,
  record: InteractionRecord,
  messageId: string,
  message: APIMessage | undefined,
) {
  if (messageId === '@original') record.original = message;
  else if (message) record.followups.set(messageId, message);
  const ephemeral = ((message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  if (message && !ephemeral) state.messages.set(message.id, message);
}

/** `POST /interactions/:id/:token/callback`: the one allowed initial response. */
export function interactionCallback(
  state: FakeDiscordState,
  req: ParsedRequest,
  params: Record<string, string>,
): RestResponse {
  const record = state.interactions.get(params.token ?? '');
  if (!record || record.id !== params.id) return discordErrors.unknownInteraction();
  if (record.responseType !== undefined) return discordErrors.alreadyAcknowledged();
  const body = (req.body ?? {}) as { type?: number; data?: unknown };
  const type = Number(body.type);
  const invalid = validateCallback(record, type, body.data, req);
  if (invalid) return invalid;
  record.responseType = type;
  state.callbacks.push({ interactionId: record.id, token: record.token, type, data: body.data });
  storeWebhookMessage(state, record, '@original', originalFor(state, record, type, body.data, req));
  if (req.query.with_response !== 'true') return { status: 204 };
  return ok(callbackResponse(record, type, record.original));
}

function acknowledgedRecord(state: FakeDiscordState, params: Record<string, string>) {
  const record = state.interactions.get(params.token ?? '');
  const known = params.appId === state.appId && record?.responseType !== undefined;
  return known ? record : undefined;
}

function findWebhookMessage(record: InteractionRecord, messageId: string) {
  return messageId === '@original' ? record.original : record.followups.get(messageId);
}

/** `POST /webhooks/:appId/:token`: a followup message. */
export function createFollowup(
  state: FakeDiscordState,
  req: ParsedRequest,
  params: Record<string, string>,
): RestResponse {
  const record = acknowledgedRecord(state, params);
  if (!record) return discordErrors.unknownWebhook();
  const invalid = validateMessageBody(req.body, { create: true, fileCount: req.files.length });
  if (invalid) return invalid;
  const message = webhookMessage(state, record, req, req.body);
  storeWebhookMessage(state, record, message.id, message);
  return req.query.wait === 'true' ? ok(message) : { status: 204 };
}

/** `GET /webhooks/:appId/:token/messages/:messageId` (`@original` included). */
export function getWebhookMessage(
  state: FakeDiscordState,
  _req: ParsedRequest,
  params: Record<string, string>,
): RestResponse {
  const record = acknowledgedRecord(state, params);
  if (!record) return discordErrors.unknownWebhook();
  const message = findWebhookMessage(record, params.messageId ?? '');
  return message ? ok(message) : discordErrors.unknownMessage();
}

/** `PATCH /webhooks/:appId/:token/messages/:messageId`: editReply / edit followup. */
export function editWebhookMessage(
  state: FakeDiscordState,
  req: ParsedRequest,
  params: Record<string, string>,
): RestResponse {
  const record = acknowledgedRecord(state, params);
  if (!record) return discordErrors.unknownWebhook();
  const messageId = params.messageId ?? '';
  const existing = findWebhookMessage(record, messageId);
  if (!existing) return discordErrors.unknownMessage();
  const invalid = validateMessageBody(req.body, { create: false });
  if (invalid) return invalid;
  const fields = messageFieldsFrom(req.body);
  // Editing a deferred ("thinking…") response clears the loading flag, as Discord does.
  const flags = (fields.flags ?? existing.flags ?? 0) & ~MessageFlags.Loading;
  const attachments = req.files.length
    ? attachmentsFrom(req.files, record.channelId)
    : existing.attachments;
  const edited = {
    ...existing,
    ...fields,
    flags,
    attachments,
    edited_timestamp: new Date().toISOString(),
  };
  storeWebhookMessage(state, record, messageId, edited);
  return ok(edited);
}

/** `DELETE /webhooks/:appId/:token/messages/:messageId`. */
export function deleteWebhookMessage(
  state: FakeDiscordState,
  _req: ParsedRequest,
  params: Record<string, string>,
): RestResponse {
  const record = acknowledgedRecord(state, params);
  if (!record) return discordErrors.unknownWebhook();
  const messageId = params.messageId ?? '';
  const existing = findWebhookMessage(record, messageId);
  if (!existing) return discordErrors.unknownMessage();
  if (messageId === '@original') record.original = undefined;
  else record.followups.delete(messageId);
  state.messages.delete(existing.id);
  return { status: 204 };
}
