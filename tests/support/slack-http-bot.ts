import type { FakeSlack } from '../fakes/fake-slack.js';
import { baseEnv, freePort, startBotProcess, type BotProcess } from './processes.js';
import { makeDataDir } from './weekly.js';

/** The built bot running in Slack HTTP mode, with the two addresses it serves. */
export interface SlackHttpBot {
  bot: BotProcess;
  /** `PORT`: where Slack posts events (only `/slack/events`). */
  slackUrl: string;
  /** `OPS_PORT`: health, readiness and metrics. */
  opsUrl: string;
}

/**
 * Starts the built bot in Slack HTTP mode against `fake`, checking request signatures with
 * `signingSecret`, in a fresh DATA_DIR; `extra` adds or overrides settings.
 */
export async function startSlackHttpBot(
  fake: FakeSlack,
  signingSecret: string,
  extra: Record<string, string> = {},
): Promise<SlackHttpBot> {
  const port = await freePort();
  const bot = await startBotProcess(
    baseEnv({
      SLACK_BOT_TOKEN: 'xoxb-http-mode-test',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      DATA_DIR: makeDataDir(),
      LOG_LEVEL: 'info',
      ...extra,
    }),
  );
  return {
    bot,
    slackUrl: `http://127.0.0.1:${port}`,
    opsUrl: `http://127.0.0.1:${bot.opsPort}`,
  };
}
