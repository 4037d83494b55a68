import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the link checker concluded about one URL. */
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

/** The link checker's last report, kept in `DATA_DIR`. */
export interface LinkReport {
  checkedAt: string;
  results: LinkResult[];
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

/** The last report, or undefined when links were never checked (or the file cannot be read). */
export function readLinkReport(dataDir: string): LinkReport | undefined {
  try {
    const report = JSON.parse(
      readFileSync(path.join(dataDir, LINK_REPORT_FILE), 'utf8'),
    ) as LinkReport;
    return Array.isArray(report.results) ? report : undefined;
  } catch {
    return undefined;
  }
}

/** URLs the last report found dead. */
export function readDeadLinks(dataDir: string): Set<string> {
  const results = readLinkReport(dataDir)?.results ?? [];
  return new Set(results.filter((result) => result.status === 'dead').map((result) => result.url));
}
