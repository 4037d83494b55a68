import { createServer, type Server } from 'node:http';
import type { OpsConfig } from '../config.js';
import { StartupError } from '../errors/startup-error.js';
import type { HttpRoute } from './http-route.js';

/**
 * Serves the ops routes (health, readiness, metrics) on `OPS_HOST`:`OPS_PORT`, a server of their
 * own so they are never reachable on Slack's public `PORT`.
 */
export async function startOpsServer(
  address: Pick<OpsConfig, 'port' | 'host'>,
  routes: HttpRoute[],
): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const route = routes.find((candidate) => candidate.path === path);
    if (!route) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'not found' }));
      return;
    }
    if (request.method !== route.method && request.method !== 'HEAD') {
      response.writeHead(405, { allow: route.method });
      response.end();
      return;
    }
    route.handler(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, address)));
    server.listen(address.port, address.host, resolve);
  });
  return server;
}

function listenError(
  error: NodeJS.ErrnoException,
  { port, host }: Pick<OpsConfig, 'port' | 'host'>,
): StartupError {
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
    return new StartupError(
      `Cannot listen on OPS_HOST ${host}: no interface of this machine has that address. Set OPS_HOST to 127.0.0.1, 0.0.0.0 or one of this machine's addresses.`,
      'OPS_HOST_UNAVAILABLE',
    );
  }
  const cause =
    error.code === 'EADDRINUSE'
      ? 'another program uses it'
      : error.code === 'EACCES'
        ? 'ports under 1024 need privileges'
        : error.message;
  return new StartupError(
    `Cannot listen on OPS_PORT ${port}: ${cause}. Set OPS_PORT to a free port (default 9464).`,
    'OPS_PORT_UNAVAILABLE',
  );
}
