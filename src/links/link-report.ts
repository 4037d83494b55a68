import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mergeLinkResults } from './link-history.js';

/** What one check of one URL concluded. */
export interface LinkResult {
  url: string;
  /** `dead` for 404 and 410; `unknown` when the server could not give a clear answer (429, 5xx, timeouts). */
  status: 'ok' | 'dead' | 'unknown';
  httpStatus?: number;
  /** Where redirects ended, when they did not end at `url`. */
  finalUrl?: string;
  error?: string;
  attempts: number;
}

/**
 * What the checks so far say about one URL. `failing` has failed but not yet long enough to be
 * called `dead`; `unknown` has never had a clear answer.
 */
export interface LinkHistory {
  url: string;
  status: 'ok' | 'failing' | 'dead' | 'unknown';
  /** ISO times of the last check, the last 2xx/3xx and the last 404/410. */
  lastChecked: string;
  lastOk?: string;
  lastFailure?: string;
  /** When the current run of failures began; unset once a check succeeds. */
  failingSince?: string;
  consecutiveFailures: number;
  httpStatus?: number;
  finalUrl?: string;
  error?: string;
}

/** The link checker's memory, kept in `DATA_DIR`: one history per URL ever checked. */
export interface LinkReport {
  checkedAt: string;
  links: LinkHistory[];
}

/** The report's file name inside `DATA_DIR`. */
export const LINK_REPORT_FILE = 'link-report.json';

/** Writes the report atomically, so a reader never sees half of it. */
export function writeLinkReport(dataDir: string, report: LinkReport): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LINK_REPORT_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(report, null, 2) + '\n');
  renameSync(`${file}.tmp`, file);
  return file;
}

/** The report, or undefined when links were never checked (or the file cannot be read). */
export function readLinkReport(dataDir: string): LinkReport | undefined {
  try {
    const report = JSON.parse(readFileSync(path.join(dataDir, LINK_REPORT_FILE), 'utf8')) as
      LinkReport | { checkedAt: string; results: LinkResult[] };
    if ('links' in report && Array.isArray(report.links)) return report;
    if ('results' in report && Array.isArray(report.results)) return fromSingleRun(report);
    return undefined;
  } catch {
    return undefined;
  }
}

/** URLs the report calls dead. */
export function readDeadLinks(dataDir: string): Set<string> {
  const links = readLinkReport(dataDir)?.links ?? [];
  return new Set(links.filter((link) => link.status === 'dead').map((link) => link.url));
}

// Reports written before histories were kept held one run's results; they merge like a first run.
function fromSingleRun(report: { checkedAt: string; results: LinkResult[] }): LinkReport {
  return mergeLinkResults(undefined, report.results, new Date(report.checkedAt));
}
