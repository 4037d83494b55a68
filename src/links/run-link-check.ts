import { checkLinks, type CheckOptions } from './check-links.js';
import { mergeLinkResults, networkUnreachable } from './link-history.js';
import {
  readLinkReport,
  writeLinkReport,
  type LinkReport,
  type LinkResult,
} from './link-report.js';

/** How a run of the link checker ended. */
export type LinkCheckOutcome =
  | {
      kind: 'unreachable';
      results: LinkResult[];
      /** The network errors seen, e.g. `ENOTFOUND`, most frequent first. */
      errors: string[];
    }
  | { kind: 'checked'; results: LinkResult[]; report: LinkReport; file: string };

/**
 * Checks `urls` and merges the results into the report in `dataDir`. When no host could be
 * reached at all, nothing is written: the previous report is the better knowledge.
 */
export async function runLinkCheck(
  urls: string[],
  dataDir: string,
  options: CheckOptions,
  now: () => Date = () => new Date(),
): Promise<LinkCheckOutcome> {
  const results = await checkLinks(urls, options);
  if (networkUnreachable(results)) {
    return {
      kind: 'unreachable',
      results,
      errors: mostFrequent(results.map((r) => r.error ?? '')),
    };
  }
  const report = mergeLinkResults(readLinkReport(dataDir), results, now());
  const file = writeLinkReport(dataDir, report);
  return { kind: 'checked', results, report, file };
}

function mostFrequent(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values.filter(Boolean)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([value]) => value);
}
