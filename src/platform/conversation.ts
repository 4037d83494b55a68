import type { Answer } from '../engine/answer.js';
import type { AnswerEngine } from '../engine/engine.js';
import type { Verdict } from '../store/analytics-store.js';
import type { AnswerPosition } from './paging-state.js';

/**
 * A platform the bot speaks on: the name of one in the registry (see `PlatformDescriptor`), or
 * `console` for the local console.
 */
export type PlatformName = string;

/** Where a message came from, for commands that act on a channel. */
export interface ConversationContext {
  platform: PlatformName;
  channelId?: string;
  userId?: string;
  /** Whether the asker may change the channel's settings (Manage Channels, workspace admin...). */
  canManageChannel?: () => Promise<boolean>;
  /**
   * Who may manage a channel here, in the platform's own words (such as "workspace admins and
   * owners"), for telling someone refused whom to ask.
   */
  channelManagers?: string;
  /**
   * Why the bot could not post in this channel (not a member, a missing permission), saying how
   * to let it in; undefined when it can, or when the platform cannot tell.
   */
  whyBotCannotPost?: () => Promise<string | undefined>;
  /** Set where the conversation is a session that remembers its last answer (a terminal). */
  session?: ConversationSession;
}

/**
 * A conversation that remembers where its last answer left off and can be left, where typed
 * words (`more`, `next part`, `exit`) stand in for buttons. The router keeps `last` up to date.
 */
export interface ConversationSession {
  last?: AnswerPosition;
  /** Ends the conversation (a terminal closes its input). */
  leave(): void;
}

/** Told of every answer, failure and recorded vote, for metrics. */
export interface AnswerObserver {
  answered(platform: PlatformName, answer: Answer, seconds: number): void;
  failed(platform: PlatformName): void;
  voted(platform: PlatformName, verdict: Verdict): void;
}

/** Told of every question the engine answered on a first page, for the curator's report. */
export interface AskRecorder {
  asked(query: string, answer: Answer, context: ConversationContext, engine: AnswerEngine): void;
}
