import { App, SocketModeReceiver, type Logger as BoltLogger } from '@slack/bolt';
import type { SocketModeClient } from '@slack/socket-mode';
import type { SlackConfig } from './platform.js';
import { webApiRetryPolicy } from './web-api-retries.js';

/** How long a Web API call may take by default before it fails (and is not retried). */
export const WEB_API_TIMEOUT_MS = 10_000;

/** The Bolt app, and in Socket Mode the client of its WebSocket (to follow the connection). */
export interface BoltApp {
  app: App;
  socket?: SocketModeClient;
}

/**
 * The Bolt app for the configuration: Socket Mode, or HTTP mode serving `/slack/events` alone
 * (health and metrics have a port of their own), with signature verification on. Every Web API call, `auth.test` included, goes to
 * `apiUrl` when set. The token is checked by `app.init()`, not here.
 */
export function createBoltApp(
  config: SlackConfig,
  logger: BoltLogger,
  webApiTimeoutMs = WEB_API_TIMEOUT_MS,
): BoltApp {
  const common = {
    token: config.botToken,
    logger,
    // A fresh object for each app: Bolt and the Socket Mode client write into it.
    clientOptions: {
      ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
      retryConfig: webApiRetryPolicy(),
      timeout: webApiTimeoutMs,
    },
    deferInitialization: true,
    extendedErrorHandler: true,
  };
  if (config.mode === 'socket') {
    const receiver = new SocketModeReceiver({
      appToken: config.appToken!,
      logger,
      installerOptions: { clientOptions: { ...common.clientOptions } },
    });
    return { app: new App({ ...common, receiver }), socket: receiver.client };
  }
  const app = new App({
    ...common,
    signingSecret: config.signingSecret,
    signatureVerification: true,
  });
  return { app };
}
