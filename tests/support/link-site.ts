import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/**
 * A local site for the test file, where `/alive` answers 200 and every other path 404. Returns a
 * function giving its base URL once the site is up.
 */
export function linkSitePerFile(): () => string {
  const server = createServer((request, response) =>
    response.writeHead(request.url === '/alive' ? 200 : 404).end(),
  );
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  return () => base;
}
