import type { IncomingMessage, ServerResponse } from 'node:http';

/** An HTTP route of the ops server (health, readiness, metrics). */
export interface HttpRoute {
  path: string;
  method: 'GET' | 'POST';
  handler: (request: IncomingMessage, response: ServerResponse) => void;
}
