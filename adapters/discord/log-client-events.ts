import { Events, RESTEvents, type Client } from 'discord.js';
import type { Logger } from '../../src/logger.js';
import { errorDetails } from './discord-errors.js';

const TOO_MANY_REQUESTS = 429;

/**
 * Logs what the client reports about its connection and its REST calls: errors, gateway
 * disconnects, reconnects and resumes (discord.js handles those itself), and rate limits.
 */
export function logClientEvents(client: Client, logger: Logger): void {
  client.on(Events.Error, (error) => logger.error(errorDetails(error), 'discord client error'));
  client.on(Events.Warn, (warning) => logger.warn({ warning }, 'discord client warning'));
  client.on(Events.ShardError, (error, shardId) =>
    logger.warn({ err: error, shardId }, 'discord gateway error'),
  );
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ closeCode: event.code, shardId }, 'discord gateway disconnected'),
  );
  client.on(Events.ShardReconnecting, (shardId) =>
    logger.info({ shardId }, 'discord gateway reconnecting'),
  );
  client.on(Events.ShardResume, (shardId, replayedEvents) =>
    logger.info({ shardId, replayedEvents }, 'discord gateway resumed'),
  );
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn(
      {
        method: info.method,
        route: info.route,
        retryAfterMs: info.retryAfter,
        global: info.global,
      },
      'discord rate limit reached, waiting',
    ),
  );
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== TOO_MANY_REQUESTS) return;
    logger.warn(
      { status: response.status, method: request.method.toUpperCase(), route: request.route },
      'discord rate limited a request, retrying',
    );
  });
}
