import type { FakeUser, MethodHandler } from './fake-slack-web-api.js';

/** Workspace identity the fake reports (`auth.test`, hello, builders' defaults). */
export const FAKE_TEAM = { id: 'T0001', domain: 'devops-test', name: 'DevOps Test' } as const;
/** Bot identity the fake reports from `auth.test`. */
export const FAKE_BOT = { userId: 'UBOT', botId: 'BBOT', name: 'devops-bot' } as const;

/** Produces unique, strictly increasing Slack timestamps (`'1700000000.000001'`). */
export function tsGenerator(): () => string {
  let lastMicros = 0;
  return () => {
    lastMicros = Math.max(Date.now() * 1000, lastMicros + 1);
    const seconds = Math.floor(lastMicros / 1_000_000);
    return `${seconds}.${String(lastMicros % 1_000_000).padStart(6, '0')}`;
  };
}

/** What the default method handlers need from the fake. */
export interface HandlerContext {
  readonly users: Readonly<Record<string, FakeUser>>;
  readonly channels: Readonly<
    Record<string, { readonly name: string; readonly is_member?: boolean }>
  >;
  readonly nextTs: () => string;
  readonly socketUrl: () => string;
  /** Top-level messages posted to each channel, oldest first (thread replies are not listed). */
  readonly history: Map<string, Record<string, unknown>[]>;
}

/** Realistic success answers for the Web API methods the bot uses. */
export function defaultHandlers(ctx: HandlerContext): Record<string, MethodHandler> {
  return {
    'auth.test': () => ({
      ok: true,
      url: `https://${FAKE_TEAM.domain}.slack.com/`,
      team: FAKE_TEAM.name,
      user: FAKE_BOT.name,
      team_id: FAKE_TEAM.id,
      user_id: FAKE_BOT.userId,
      bot_id: FAKE_BOT.botId,
      is_enterprise_install: false,
    }),
    'chat.postMessage': ({ args }) => postMessage(args, ctx.nextTs(), ctx.history),
    'conversations.history': ({ args }) => conversationsHistory(ctx.history, args),
    'chat.postEphemeral': ({ args }) =>
      args.channel ? { ok: true, message_ts: ctx.nextTs() } : notFound('channel_not_found'),
    'chat.update': ({ args }) =>
      args.ts
        ? { ok: true, channel: args.channel, ts: args.ts, text: args.text ?? '' }
        : notFound('message_not_found'),
    'chat.delete': ({ args }) => ({ ok: true, channel: args.channel, ts: args.ts }),
    'users.info': ({ args }) => usersInfo(ctx.users, args.user),
    'conversations.info': ({ args }) => conversationsInfo(ctx.channels, args.channel),
    'apps.connections.open': () => ({ ok: true, url: ctx.socketUrl() }),
  };
}

function notFound(error: string): Record<string, unknown> {
  return { ok: false, error };
}

function postMessage(
  args: Record<string, unknown>,
  ts: string,
  history: HandlerContext['history'],
): Record<string, unknown> {
  if (typeof args.channel !== 'string' || !args.channel) return notFound('channel_not_found');
  if (!args.text && !args.blocks && !args.attachments) return notFound('no_text');
  const message = { type: 'message', user: FAKE_BOT.userId, bot_id: FAKE_BOT.botId, ...args, ts };
  if (!args.thread_ts) history.set(args.channel, [...(history.get(args.channel) ?? []), message]);
  return { ok: true, channel: args.channel, ts, message };
}

/** Newest first, at most `limit` (default 100); `metadata` only with `include_all_metadata`, as Slack does. */
function conversationsHistory(
  history: HandlerContext['history'],
  args: Record<string, unknown>,
): Record<string, unknown> {
  if (typeof args.channel !== 'string' || !args.channel) return notFound('channel_not_found');
  const limit = Number(args.limit ?? 100);
  const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
  const all = [...(history.get(args.channel) ?? [])].reverse();
  const messages = all.slice(0, limit).map((message) => {
    if (withMetadata) return message;
    const copy = { ...message };
    delete copy.metadata;
    return copy;
  });
  return { ok: true, messages, has_more: all.length > limit, pin_count: 0 };
}

function usersInfo(users: HandlerContext['users'], id: unknown): Record<string, unknown> {
  if (typeof id !== 'string' || !id) return notFound('user_not_found');
  const known = users[id] ?? {};
  const name = known.name ?? `user-${id.toLowerCase()}`;
  const user = {
    id,
    team_id: FAKE_TEAM.id,
    name,
    real_name: name,
    deleted: false,
    is_bot: false,
    is_admin: known.is_admin ?? false,
    is_owner: known.is_owner ?? false,
    profile: { display_name: name, real_name: name },
  };
  return { ok: true, user };
}

function conversationsInfo(
  channels: HandlerContext['channels'],
  id: unknown,
): Record<string, unknown> {
  if (typeof id !== 'string' || !id) return notFound('channel_not_found');
  const name = channels[id]?.name ?? 'general';
  const isMember = channels[id]?.is_member ?? true;
  return {
    ok: true,
    channel: { id, name, is_channel: true, is_private: false, is_member: isMember },
  };
}
