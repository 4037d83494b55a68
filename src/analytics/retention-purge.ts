import type { AnalyticsStore } from '../store/analytics-store.js';
import type { Clock } from '../weekly/clock.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the daily purge needs; `onPurged` and `onError` tell the caller what happened. */
export interface RetentionPurgeOptions {
  analytics: AnalyticsStore;
  clock: Clock;
  retentionDays: number;
  onPurged?: (rows: number) => void;
  onError?: (error: unknown) => void;
}

/**
 * Deletes questions and votes older than `retentionDays` now and then once a day; returns a
 * function that stops it. A failed purge is reported and retried the next day.
 */
export function startRetentionPurge(options: RetentionPurgeOptions): () => void {
  const { analytics, clock, retentionDays } = options;
  let cancel: (() => void) | undefined;
  let stopped = false;
  const purge = async (): Promise<void> => {
    const cutoff = new Date(clock.now().getTime() - retentionDays * DAY_MS);
    try {
      const rows = await analytics.purgeBefore(cutoff);
      options.onPurged?.(rows);
    } catch (error) {
      options.onError?.(error);
    }
    if (!stopped) cancel = clock.setTimer(new Date(clock.now().getTime() + DAY_MS), run);
  };
  const run = () => void purge();
  run();
  return () => {
    stopped = true;
    cancel?.();
  };
}
