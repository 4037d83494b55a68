import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { webApiRetryPolicy } from '../../adapters/slack/web-api-retries.js';
import { freePort } from '../support/processes.js';

/** A Web API client using the bot's retry policy, with waits short enough for a test. */
function clientFor(apiUrl: string): WebClient {
  return new WebClient('xoxb-test', {
    slackApiUrl: apiUrl,
    retryConfig: { ...webApiRetryPolicy(), minTimeout: 1, maxTimeout: 1 } as never,
    timeout: 1000,
  });
}

describe('the Web API retry policy', () => {
  it('retries a call whose connection was refused, since Slack never saw it', async () => {
    const port = await freePort();

    const failure = await clientFor(`http://127.0.0.1:${port}/api/`)
      .auth.test()
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ code: 'slack_webapi_request_error', attemptNumber: 4 });
  });
});
