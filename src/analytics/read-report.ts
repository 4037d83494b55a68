import type { AnalyticsStore } from '../store/analytics-store.js';
import { buildCuratorReport, type CuratorReport } from './curator-report.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How many days the report covers unless asked otherwise. */
export const DEFAULT_REPORT_DAYS = 30;

/** The curator's report for the `days` up to `to`, read from the store. */
export async function readCuratorReport(
  analytics: AnalyticsStore,
  to: Date,
  days: number,
): Promise<CuratorReport> {
  const since = new Date(to.getTime() - days * DAY_MS);
  const [asks, votes] = await Promise.all([
    analytics.asksSince(since),
    analytics.votesSince(since),
  ]);
  return buildCuratorReport(asks, votes, to, days);
}
