import type { LinkHistory, LinkReport, LinkResult } from './link-report.js';

/** Failed runs in a row before a link is dead… */
export const DEAD_AFTER_FAILED_RUNS = 2;
/** …spanning at least this long, so one bad afternoon of a site does not drop its page. */
export const DEAD_AFTER_MS = 24 * 3_600_000;

/**
 * Merges one run's results into the report: a 404/410 adds to the link's failures, a 2xx/3xx
 * alone clears them, and an unclear answer (429, 5xx, timeout) changes neither. Links not in
 * this run keep their history.
 */
export function mergeLinkResults(
  previous: LinkReport | undefined,
  results: LinkResult[],
  now: Date,
): LinkReport {
  const at = now.toISOString();
  const links = new Map((previous?.links ?? []).map((link) => [link.url, link]));
  for (const result of results) {
    links.set(result.url, nextHistory(links.get(result.url), result, now));
  }
  return { checkedAt: at, links: [...links.values()] };
}

function nextHistory(before: LinkHistory | undefined, result: LinkResult, now: Date): LinkHistory {
  const at = now.toISOString();
  // What a run carries over: the verdict and the dates, not the last answer's details.
  const kept: LinkHistory = {
    url: result.url,
    status: before?.status ?? 'unknown',
    lastChecked: at,
    consecutiveFailures: before?.consecutiveFailures ?? 0,
    ...(before?.lastOk ? { lastOk: before.lastOk } : {}),
    ...(before?.lastFailure ? { lastFailure: before.lastFailure } : {}),
  };
  const details = {
    ...(result.httpStatus !== undefined ? { httpStatus: result.httpStatus } : {}),
    ...(result.finalUrl ? { finalUrl: result.finalUrl } : {}),
    ...(result.error ? { error: result.error } : {}),
  };
  if (result.status === 'ok') {
    return {
      ...kept,
      ...details,
      status: 'ok',
      lastChecked: at,
      lastOk: at,
      consecutiveFailures: 0,
    };
  }
  const failingSince = before?.failingSince;
  if (result.status === 'unknown') {
    return { ...kept, ...details, lastChecked: at, ...(failingSince ? { failingSince } : {}) };
  }
  const failures = (before?.consecutiveFailures ?? 0) + 1;
  const since = failingSince ?? at;
  const longEnough = now.getTime() - Date.parse(since) >= DEAD_AFTER_MS;
  return {
    ...kept,
    ...details,
    status: failures >= DEAD_AFTER_FAILED_RUNS && longEnough ? 'dead' : 'failing',
    lastChecked: at,
    lastFailure: at,
    failingSince: since,
    consecutiveFailures: failures,
  };
}

/**
 * True when no link got any HTTP answer: every host failed to resolve, connect or answer, which
 * says this machine is offline rather than that every page is gone.
 */
export function networkUnreachable(results: LinkResult[]): boolean {
  return results.length > 0 && results.every((result) => result.httpStatus === undefined);
}
