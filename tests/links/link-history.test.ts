import { describe, expect, it } from 'vitest';
import { mergeLinkResults, networkUnreachable } from '../../src/links/link-history.js';
import type { LinkReport, LinkResult } from '../../src/links/link-report.js';

const URL_A = 'https://a.example.org/page';
const URL_B = 'https://b.example.org/page';
const gone = (url = URL_A): LinkResult => ({ url, status: 'dead', httpStatus: 404, attempts: 1 });
const fine = (url = URL_A): LinkResult => ({ url, status: 'ok', httpStatus: 200, attempts: 1 });
const unclear = (url = URL_A): LinkResult => ({
  url,
  status: 'unknown',
  httpStatus: 503,
  attempts: 3,
});

/** Runs the results in order at the given times and returns the history of URL_A after each. */
function runs(...steps: [string, LinkResult[]][]) {
  let report: LinkReport | undefined;
  return steps.map(([at, results]) => {
    report = mergeLinkResults(report, results, new Date(at));
    return report.links.find((link) => link.url === URL_A)!;
  });
}

describe('the link history', () => {
  it('calls a link dead only after two failed runs at least a day apart', () => {
    const [first, soon, nextDay] = runs(
      ['2026-12-01T08:00:00Z', [gone()]],
      ['2026-12-01T20:00:00Z', [gone()]],
      ['2026-12-02T08:00:00Z', [gone()]],
    );
    expect(first).toMatchObject({ status: 'failing', consecutiveFailures: 1 });
    expect(soon).toMatchObject({ status: 'failing', consecutiveFailures: 2 });
    expect(nextDay).toMatchObject({
      status: 'dead',
      consecutiveFailures: 3,
      failingSince: '2026-12-01T08:00:00.000Z',
      lastFailure: '2026-12-02T08:00:00.000Z',
    });
  });

  it('keeps a dead link dead through unclear answers, and only a 2xx/3xx clears it', () => {
    const [, dead, stillDead, cleared] = runs(
      ['2026-12-01T08:00:00Z', [gone()]],
      ['2026-12-03T08:00:00Z', [gone()]],
      ['2026-12-04T08:00:00Z', [unclear()]],
      ['2026-12-05T08:00:00Z', [fine()]],
    );
    expect(dead!.status).toBe('dead');
    expect(stillDead).toMatchObject({ status: 'dead', httpStatus: 503, consecutiveFailures: 2 });
    expect(cleared).toMatchObject({
      status: 'ok',
      consecutiveFailures: 0,
      lastOk: '2026-12-05T08:00:00.000Z',
      lastFailure: '2026-12-03T08:00:00.000Z',
    });
    expect(cleared).not.toHaveProperty('failingSince');
  });

  it('starts counting again after a link answers between failures', () => {
    const [, , again] = runs(
      ['2026-12-01T08:00:00Z', [gone()]],
      ['2026-12-02T08:00:00Z', [fine()]],
      ['2026-12-03T08:00:00Z', [gone()]],
    );
    expect(again).toMatchObject({ status: 'failing', consecutiveFailures: 1 });
  });

  it('merges a run into the report, keeping links the run did not check', () => {
    const before = mergeLinkResults(undefined, [fine(URL_B)], new Date('2026-12-01T08:00:00Z'));
    const after = mergeLinkResults(before, [gone()], new Date('2026-12-02T08:00:00Z'));
    expect(after.links.map((link) => [link.url, link.status])).toEqual([
      [URL_B, 'ok'],
      [URL_A, 'failing'],
    ]);
  });

  it('takes a run where no link got any HTTP answer for an unreachable network', () => {
    const offline = (url: string): LinkResult => ({
      url,
      status: 'unknown',
      error: 'ENOTFOUND',
      attempts: 3,
    });
    expect(networkUnreachable([offline(URL_A), offline(URL_B)])).toBe(true);
    expect(networkUnreachable([offline(URL_A), gone(URL_B)])).toBe(false);
    expect(networkUnreachable([])).toBe(false);
  });
});
