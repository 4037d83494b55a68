import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, DEFAULT_CHECK_OPTIONS } from '../../src/links/check-links.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A local site whose paths each behave like one kind of real page. */
function siteRoutes(
  counts: Map<string, number>,
  concurrency: { now: number; max: number },
): Record<string, Handler> {
  const once = (path: string) => (counts.set(path, (counts.get(path) ?? 0) + 1), counts.get(path)!);
  return {
    '/ok': (_request, response) => response.writeHead(200).end('fine'),
    '/gone': (_request, response) => response.writeHead(410).end(),
    '/missing': (_request, response) => response.writeHead(404).end(),
    '/moved': (_request, response) => response.writeHead(301, { location: '/ok' }).end(),
    '/moved-away': (_request, response) => response.writeHead(302, { location: '/missing' }).end(),
    '/no-head': (request, response) =>
      response.writeHead(request.method === 'HEAD' ? 405 : 200).end(),
    '/busy-once': (request, response) => {
      if (once(`/busy-once ${request.method}`) === 1)
        response.writeHead(429, { 'retry-after': '0' }).end();
      else response.writeHead(200).end();
    },
    '/broken': (_request, response) => response.writeHead(503).end(),
    '/slow': () => undefined,
    '/parallel': (_request, response) => {
      concurrency.now++;
      concurrency.max = Math.max(concurrency.max, concurrency.now);
      setImmediate(() => {
        concurrency.now--;
        response.writeHead(200).end();
      });
    },
  };
}

describe('the link checker against a local site', () => {
  let server: Server;
  let base: string;
  const counts = new Map<string, number>();
  const concurrency = { now: 0, max: 0 };

  beforeAll(async () => {
    const routes = siteRoutes(counts, concurrency);
    server = createServer((request, response) => {
      const route = routes[(request.url ?? '').split('?')[0]!];
      if (route) route(request, response);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  // Long enough that a loaded CI machine answers /ok in time; /slow never answers at all.
  const options = { ...DEFAULT_CHECK_OPTIONS, timeoutMs: 2_000, retries: 1, backoffMs: 1 };

  it('tells alive, dead and unknown links apart', async () => {
    const paths = [
      '/ok',
      '/gone',
      '/missing',
      '/moved',
      '/moved-away',
      '/no-head',
      '/busy-once',
      '/broken',
      '/slow',
    ];
    const results = await checkLinks(
      paths.map((path) => base + path),
      options,
    );
    const byPath = Object.fromEntries(
      results.map((result) => [new URL(result.url).pathname, result]),
    );
    expect(byPath['/ok']).toMatchObject({ status: 'ok', httpStatus: 200, attempts: 1 });
    expect(byPath['/gone']).toMatchObject({ status: 'dead', httpStatus: 410 });
    expect(byPath['/missing']).toMatchObject({ status: 'dead', httpStatus: 404 });
    expect(byPath['/moved']).toMatchObject({ status: 'ok', finalUrl: `${base}/ok` });
    expect(byPath['/moved-away']).toMatchObject({ status: 'dead', finalUrl: `${base}/missing` });
    expect(byPath['/no-head']).toMatchObject({ status: 'ok', httpStatus: 200 });
    expect(byPath['/busy-once']).toMatchObject({ status: 'ok', attempts: 2 });
    expect(byPath['/broken']).toMatchObject({ status: 'unknown', httpStatus: 503, attempts: 2 });
    expect(byPath['/slow']).toMatchObject({
      status: 'unknown',
      error: 'no answer within 2000 ms',
      attempts: 2,
    });
  });

  it('keeps to the per-host limit and reports progress', async () => {
    const progress: number[] = [];
    const urls = Array.from({ length: 12 }, (_, index) => `${base}/parallel?n=${index}`);
    await checkLinks(urls, {
      ...options,
      concurrency: 8,
      perHost: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(concurrency.max).toBeLessThanOrEqual(2);
    expect(progress).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
  });
});
