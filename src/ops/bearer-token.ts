import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRoute } from './http-route.js';

/**
 * Whether the request carries `Authorization: Bearer <token>`. Both sides are hashed first so the
 * comparison takes the same time whatever the length or content of the guess.
 */
export function hasBearerToken(request: IncomingMessage, token: string): boolean {
  const given = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '')?.[1];
  if (given === undefined) return false;
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * The route, answering 401 with `WWW-Authenticate: Bearer` unless the request carries `token`;
 * the route unchanged when no token is set.
 */
export function requireBearerToken(route: HttpRoute, token: string | undefined): HttpRoute {
  if (token === undefined) return route;
  return {
    ...route,
    handler: (request, response) => {
      if (hasBearerToken(request, token)) route.handler(request, response);
      else refuse(request, response);
    },
  };
}

function refuse(request: IncomingMessage, response: ServerResponse): void {
  const tried = request.headers.authorization !== undefined;
  response.writeHead(401, {
    'content-type': 'application/json',
    'www-authenticate': tried
      ? 'Bearer realm="devops-bot", error="invalid_token"'
      : 'Bearer realm="devops-bot"',
  });
  response.end(
    JSON.stringify({
      status: 'unauthorized',
      message: 'Send the METRICS_TOKEN as "Authorization: Bearer <token>".',
    }),
  );
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
