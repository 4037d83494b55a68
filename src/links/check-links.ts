import { setTimeout as sleep } from 'node:timers/promises';
import { HostLimiter } from './host-limiter.js';
import type { LinkResult } from './link-report.js';

/** How hard the checker tries. */
export interface CheckOptions {
  /** Requests in flight at once across all hosts. */
  concurrency: number;
  /** Requests in flight at once against one host. */
  perHost: number;
  timeoutMs: number;
  /** Extra attempts after a 429, a 5xx or a timeout. */
  retries: number;
  /** First wait before a retry; it doubles each time (a 429's Retry-After is used when shorter than a minute). */
  backoffMs: number;
  onProgress?: (done: number, total: number) => void;
}

/** The defaults of `devops-bot check-links`. */
export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  concurrency: 8,
  perHost: 2,
  timeoutMs: 10_000,
  retries: 2,
  backoffMs: 1_000,
};

type Attempt = {
  status: 'ok' | 'dead' | 'retry' | 'unknown';
  httpStatus?: number;
  finalUrl?: string;
  error?: string;
  waitMs?: number;
};

/**
 * Checks each URL: HEAD first and GET when HEAD is refused, redirects followed; 404 and 410 are
 * dead, 2xx alive, and 429, 5xx and timeouts are retried with backoff before being called unknown.
 */
export async function checkLinks(
  urls: string[],
  options: CheckOptions = DEFAULT_CHECK_OPTIONS,
): Promise<LinkResult[]> {
  const limiter = new HostLimiter(options.concurrency, options.perHost);
  let done = 0;
  return Promise.all(
    urls.map(async (url) => {
      const result = await checkOne(url, options, limiter);
      options.onProgress?.(++done, urls.length);
      return result;
    }),
  );
}

async function checkOne(
  url: string,
  options: CheckOptions,
  limiter: HostLimiter,
): Promise<LinkResult> {
  const host = new URL(url).host;
  for (let attempt = 1; ; attempt++) {
    const outcome = await limiter.run(host, () => probe(url, options.timeoutMs));
    if (outcome.status !== 'retry' || attempt > options.retries) {
      const status = outcome.status === 'retry' ? 'unknown' : outcome.status;
      return {
        url,
        status,
        attempts: attempt,
        ...(outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}),
        ...(outcome.finalUrl && outcome.finalUrl !== url ? { finalUrl: outcome.finalUrl } : {}),
        ...(outcome.error ? { error: outcome.error } : {}),
      };
    }
    await sleep(outcome.waitMs ?? options.backoffMs * 2 ** (attempt - 1));
  }
}

async function probe(url: string, timeoutMs: number): Promise<Attempt> {
  const head = await request(url, 'HEAD', timeoutMs);
  if (head.status === 'ok' || head.status === 'retry') return head;
  // Many servers refuse or mishandle HEAD; only a GET answer is taken as the page's fate.
  return request(url, 'GET', timeoutMs);
}

async function request(url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<Attempt> {
  try {
    const response = await fetch(url, {
      method,
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'user-agent': 'devops-bot-link-checker/0.1' },
    });
    await response.body?.cancel();
    const base = { httpStatus: response.status, finalUrl: response.url };
    if (response.ok) return { status: 'ok', ...base };
    if (response.status === 404 || response.status === 410) return { status: 'dead', ...base };
    if (response.status === 429 || response.status >= 500) {
      const retryAfter = Number(response.headers.get('retry-after'));
      return {
        status: 'retry',
        ...base,
        ...(retryAfter >= 0 && retryAfter < 60 && response.headers.has('retry-after')
          ? { waitMs: retryAfter * 1000 }
          : {}),
      };
    }
    return { status: 'unknown', ...base };
  } catch (error) {
    const timedOut =
      error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      status: 'retry',
      error: timedOut ? `no answer within ${timeoutMs} ms` : describeNetworkError(error),
    };
  }
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
