import type { Logger } from '../logger.js';
import type { BotStore } from '../store/bot-store.js';
import type { Clock } from '../weekly/clock.js';
import type { AnalyticsConfig } from './analytics-config.js';
import { AnalyticsRecorder } from './analytics-recorder.js';
import { AnswerVotes } from './answer-votes.js';
import { startRetentionPurge } from './retention-purge.js';
import { hashUser, newSalt } from './user-hash.js';

/** Analytics as the running bot uses it. */
export interface RunningAnalytics {
  /** Undefined with `ANALYTICS=off`: nothing is recorded. */
  recorder: AnalyticsRecorder | undefined;
  /** Votes on answers; undefined with `ANALYTICS=off`, so answers carry no vote buttons. */
  votes: AnswerVotes | undefined;
  /**
   * The salted hash standing for a user, even with `ANALYTICS=off`: a suggested link is kept
   * because its suggester asked for it, under this hash and never the raw id.
   */
  userHash(platform: string, userId: string | undefined): string;
  /** Stops the daily purge and waits for writes in flight. */
  stop(): Promise<void>;
}

/**
 * Sets up analytics on the store: the salt (`ANALYTICS_SALT`, or the one kept in the store, made
 * on first start and shared by every replica), the recorder and votes unless `ANALYTICS=off`, and the daily
 * purge of rows past `ANALYTICS_RETENTION_DAYS` (which runs even when recording is off, so
 * turning it off also lets old rows go).
 */
export async function startAnalytics(
  config: AnalyticsConfig,
  store: BotStore,
  clock: Clock,
  logger: Logger,
): Promise<RunningAnalytics> {
  const onError = (error: unknown) =>
    logger.warn({ err: error }, 'analytics could not be written; answers are not affected');
  const salt = config.salt ?? (await store.analytics.salt(newSalt()));
  const options = config.enabled
    ? { store: store.analytics, salt, now: () => clock.now(), onError }
    : undefined;
  const recorder = options && new AnalyticsRecorder(options);
  const votes = options && new AnswerVotes(options);
  const stopPurge = startRetentionPurge({
    analytics: store.analytics,
    clock,
    retentionDays: config.retentionDays,
    onPurged: (rows) => {
      if (rows > 0) logger.info({ rows }, 'purged analytics past their retention period');
    },
    onError,
  });
  return {
    recorder,
    votes,
    userHash: (platform, userId) => hashUser(salt, platform, userId),
    async stop() {
      stopPurge();
      await recorder?.flush();
    },
  };
}
