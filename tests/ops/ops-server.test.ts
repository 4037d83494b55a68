import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { hasBearerToken } from '../../src/ops/bearer-token.js';
import { opsRoutes } from '../../src/ops/health-routes.js';
import { BotMetrics } from '../../src/ops/metrics.js';
import { probeAddress } from '../../src/ops/probe-address.js';
import { startOpsServer } from '../../src/ops/ops-server.js';

const TOKEN = 'a-metrics-token-of-some-length';
let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

function request(authorization?: string) {
  return { headers: authorization === undefined ? {} : { authorization } } as never;
}

describe('the ops server', () => {
  it('listens on the address it is given', async () => {
    server = await startOpsServer({ port: 0, host: '127.0.0.1' }, []);
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('names OPS_HOST when no interface has that address', async () => {
    // 192.0.2.0/24 is reserved for documentation: no machine has it.
    await expect(startOpsServer({ port: 0, host: '192.0.2.1' }, [])).rejects.toThrow(
      /^Cannot listen on OPS_HOST 192\.0\.2\.1: no interface of this machine has that address/,
    );
  });

  it('answers /metrics only with the bearer token when one is set, /healthz always', async () => {
    server = await startOpsServer(
      { port: 0, host: '127.0.0.1' },
      opsRoutes([], new BotMetrics(), undefined, TOKEN),
    );
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const head = await fetch(`${base}/metrics`, { method: 'HEAD' });
    expect(head.status).toBe(401);
    expect(head.headers.get('www-authenticate')).toBe('Bearer realm="devops-bot"');
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await wrong.text()).not.toContain(TOKEN);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('the bearer token check', () => {
  it('accepts exactly "Bearer <token>", the scheme in any case', () => {
    expect(hasBearerToken(request(`Bearer ${TOKEN}`), TOKEN)).toBe(true);
    expect(hasBearerToken(request(`bearer  ${TOKEN}`), TOKEN)).toBe(true);
    for (const header of [
      undefined,
      '',
      'Bearer',
      TOKEN,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN} extra`,
      `Bearer ${TOKEN.toUpperCase()}`,
      `Bearer ${TOKEN.slice(1)}`,
    ]) {
      expect(hasBearerToken(request(header), TOKEN), String(header)).toBe(false);
    }
  });
});

describe('the health probe address', () => {
  it('reaches a server on every interface through the loopback, and brackets IPv6', () => {
    expect(probeAddress('0.0.0.0')).toBe('127.0.0.1');
    expect(probeAddress('::')).toBe('127.0.0.1');
    expect(probeAddress('10.1.2.3')).toBe('10.1.2.3');
    expect(probeAddress('::1')).toBe('[::1]');
    expect(probeAddress('localhost')).toBe('localhost');
  });
});
