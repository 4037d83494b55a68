import type { ServerResponse } from 'node:http';
import { requireBearerToken } from './bearer-token.js';
import type { HttpRoute } from './http-route.js';
import type { BotMetrics } from './metrics.js';

/** One check of the readiness probe; a check that fails or throws counts as not ready. */
export interface ReadinessCheck {
  name: string;
  ready: () => boolean | Promise<boolean>;
}

/**
 * `/healthz` (200 while the process works; 503 with the reason once a platform adapter has given
 * up), `/readyz` (200 only when every check passes, with the checks in the body; its status is
 * `standby` rather than `ready` while `standby()` says another replica holds a platform session)
 * and `/metrics` (Prometheus text format; with `metricsToken`, only for requests that carry it as
 * a bearer token, while health and readiness stay open to probes).
 */
export function opsRoutes(
  checks: ReadinessCheck[],
  metrics: BotMetrics,
  givenUp: () => string | undefined = () => undefined,
  metricsToken?: string,
  standby: () => boolean = () => false,
): HttpRoute[] {
  return [
    {
      path: '/healthz',
      method: 'GET',
      handler: (_request, response) => {
        const reason = givenUp();
        if (reason) sendJson(response, 503, { status: 'unhealthy', reason });
        else sendJson(response, 200, { status: 'ok' });
      },
    },
    {
      path: '/readyz',
      method: 'GET',
      handler: (_request, response) => {
        void runChecks(checks).then((results) => {
          const ready = Object.values(results).every(Boolean);
          sendJson(response, ready ? 200 : 503, {
            status: ready ? (standby() ? 'standby' : 'ready') : 'not ready',
            checks: results,
          });
        });
      },
    },
    requireBearerToken(
      {
        path: '/metrics',
        method: 'GET',
        handler: (_request, response) => {
          metrics.registry.metrics().then(
            (text) => {
              response.writeHead(200, { 'content-type': metrics.registry.contentType });
              response.end(text);
            },
            () => sendJson(response, 500, { status: 'metrics unavailable' }),
          );
        },
      },
      metricsToken,
    ),
  ];
}

async function runChecks(checks: ReadinessCheck[]): Promise<Record<string, boolean>> {
  const results = await Promise.all(
    checks.map(async (check) => {
      try {
        return [check.name, await check.ready()] as const;
      } catch {
        return [check.name, false] as const;
      }
    }),
  );
  return Object.fromEntries(results);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
