import { createServer, type Server } from 'node:http';
import { StartupError } from '../errors/startup-error.js';
import type { HttpRoute } from '../platform/http-route.js';

/** Serves the ops routes on their own HTTP server, for when no adapter owns the port. */
export async function startOpsServer(port: number, routes: HttpRoute[]): Promise<Server> {
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
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          `Cannot listen on PORT ${port}: ${error.code === 'EADDRINUSE' ? 'another program uses it' : error.message}. Set PORT to a free port.`,
          'PORT_UNAVAILABLE',
        ),
      ),
    );
    server.listen(port, resolve);
  });
  return server;
}
