import type { IncomingMessage, ServerResponse } from 'node:http';

/** An HTTP route on the bot's own port (health, metrics), shared with Slack's HTTP mode when it runs. */
export interface HttpRoute {
  path: string;
  method: 'GET' | 'POST';
  handler: (request: IncomingMessage, response: ServerResponse) => void;
}
