import { afterEach, describe, expect, it } from 'vitest';
import { harnessPerTest, messageData } from '../discord/discord-harness.js';
import { startSlackHarness, type SlackHarness } from '../slack/slack-harness.js';
import { visibleText, type SlackMessageBody } from '../slack/slack-message.js';
import { SHIPPED_CONTENT, shippedEngine } from '../support/content.js';
import { baseEnv, BOT, runNode } from '../support/processes.js';

// Only what survives a curator's edit is asserted: a question finds a link that is in content/.
const QUESTION = 'kubernetes cronjobs';
const KNOWN_LINK = 'https://mlinproduction.com/k8s-cronjobs/';

const startDiscord = harnessPerTest();
let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.stop();
  slack = undefined;
});

describe('each adapter over the shipped content', () => {
  it('finds a known link on Slack', async () => {
    slack = await startSlackHarness({ engine: await shippedEngine() });
    const ack = await slack.command(QUESTION);
    expect(visibleText(ack.json as SlackMessageBody)).toContain(KNOWN_LINK);
  });

  it('finds a known link on Discord', async () => {
    const harness = await startDiscord({ engine: await shippedEngine() });
    const { callback } = await harness.interact(
      harness.fake.chatInputInteraction({ options: [{ name: 'query', type: 3, value: QUESTION }] }),
    );
    expect(messageData(callback).embeds![0]!.description).toContain(KNOWN_LINK);
  });

  it('finds a known link in the console', async () => {
    const { code, stdout } = await runNode(BOT, [], {
      input: `${QUESTION}\n`,
      env: baseEnv({ CONTENT_DIR: SHIPPED_CONTENT }),
    });
    expect(code).toBe(0);
    expect(stdout).toContain(KNOWN_LINK);
  });
});
