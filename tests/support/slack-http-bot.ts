import type { FakeSlack } from '../fakes/fake-slack.js';
import { baseEnv, startBotProcess, type BotProcess } from './processes.js';
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
  // PORT 0: the bot picks a free port and logs it. A port picked here and handed over could be
  // taken meanwhile, by the bot's own ops server among others.
  const bot = await startBotProcess(
    baseEnv({
      SLACK_BOT_TOKEN: 'xoxb-http-mode-test',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      DATA_DIR: makeDataDir(),
      LOG_LEVEL: 'info',
      ...extra,
    }),
  );
  return {
    bot,
    slackUrl: `http://127.0.0.1:${loggedSlackPort(bot.output())}`,
    opsUrl: `http://127.0.0.1:${bot.opsPort}`,
  };
}

/** The port the bot's log says Slack's HTTP mode listens on. */
function loggedSlackPort(output: string): number {
  const line = output
    .split('\n')
    .find((text) => text.includes('"msg":"listening for Slack requests"'));
  if (!line) throw new Error(`the bot did not log its Slack port:\n${output}`);
  return (JSON.parse(line) as { port: number }).port;
}
