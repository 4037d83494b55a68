import { MessageFlags, type APIMessage } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { messageObject } from '../fakes/discord-messages.js';
import { CHANNEL_ID, EPHEMERAL, harnessPerTest, messageData } from '../discord/discord-harness.js';
import { startSlackHarness, type SlackHarness } from '../slack/slack-harness.js';
import {
  buttonsOf,
  expectWithinSlackLimits,
  visibleText,
  type SlackButton,
  type SlackMessageBody,
} from '../slack/slack-message.js';

type SlackResponse = SlackMessageBody & { replace_original?: boolean; response_type?: string };

const startDiscord = harnessPerTest();
let slack: SlackHarness | undefined;

afterEach(async () => {
  await slack?.stop();
  slack = undefined;
});

function seriesButton(message: SlackMessageBody): SlackButton | undefined {
  return buttonsOf(message).find((button) => /^(Start here|Next): part/.test(button.text.text));
}

describe('learning paths on Slack', () => {
  it('lists a topic with a series as a path and walks it with Next, in place, to the last part', async () => {
    slack = await startSlackHarness();
    const topic = (await slack.command('kubernetes')).json as SlackMessageBody;
    expect(visibleText(topic)).toContain(
      'the 3 parts of _Cluster basics_ are listed in order. Start here: part 1 of 3.',
    );

    const seen: string[] = [];
    let button = seriesButton(topic);
    expect(button?.text.text).toBe('Start here: part 1 of 3');
    while (button) {
      const clicked = await slack.click(button);
      await slack.fake.waitForResponse(() =>
        slack!.fake.responses.some((response) => response.id === clicked),
      );
      const part = slack.fake.responses.find((response) => response.id === clicked)!
        .body as SlackResponse;
      expect(part.replace_original).toBe(true);
      expectWithinSlackLimits(part);
      seen.push(/Cluster basics, part \d: \w+/.exec(visibleText(part))![0]);
      button = seriesButton(part);
      if (button) expect(button.text.text).toBe(`Next: part ${seen.length + 1} of 3`);
      else
        expect(visibleText(part)).toContain(
          'Part 3 of 3 of the series “Cluster basics”, the last part.',
        );
    }

    expect(seen).toEqual([
      'Cluster basics, part 1: Pods',
      'Cluster basics, part 2: Jobs',
      'Cluster basics, part 3: CronJobs',
    ]);
  });

  it('offers the next part after a search hit in a series, privately when the answer is public', async () => {
    slack = await startSlackHarness();
    const hit = (await slack.command('k8s jobs')).json as SlackMessageBody;
    const next = seriesButton(hit)!;
    expect(next.text.text).toBe('Next: part 3 of 3');

    const clicked = await slack.click(next, { ephemeral: false });
    await slack.fake.waitForResponse(() =>
      slack!.fake.responses.some((response) => response.id === clicked),
    );
    const part = slack.fake.responses.find((response) => response.id === clicked)!
      .body as SlackResponse;

    expect(part).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(part)).toContain('Cluster basics, part 3: CronJobs');
    expect(seriesButton(part)).toBeUndefined();
  });
});

describe('learning paths on Discord', () => {
  const ask = (value: string) => ({ options: [{ name: 'query', type: 3 as const, value }] });

  function seriesCustomId(data: ReturnType<typeof messageData>): string | undefined {
    const buttons = (data.components ?? []).flatMap((row) => row.components);
    return buttons.find((button) => /^(Start here|Next): part/.test(button.label ?? ''))?.custom_id;
  }

  it('answers Start here privately, then walks the series in that private message to its end', async () => {
    const discord = await startDiscord();
    const { fake } = discord;
    const { callback } = await discord.interact(fake.chatInputInteraction(ask('kubernetes')));
    const topic = messageData(callback);
    expect(topic.embeds![0]!.description).toContain('Start here: part 1 of 3.');

    let customId = seriesCustomId(topic);
    const first = await discord.interact(fake.buttonInteraction({ customId: customId! }));
    expect((first.callback.body as { type: number }).type).toBe(4);
    let data = messageData(first.callback);
    expect(data.flags).toBe(EPHEMERAL);
    const titles = [data.embeds![0]!.description!];
    customId = seriesCustomId(data);
    while (customId) {
      // Each later click comes from the private message the previous one wrote.
      const onPrivate: APIMessage = messageObject({
        channel_id: CHANNEL_ID,
        author: fake.botUser,
        flags: MessageFlags.Ephemeral,
      });
      const { callback: update } = await discord.interact(
        fake.buttonInteraction({ customId, message: onPrivate }),
      );
      expect((update.body as { type: number }).type).toBe(7);
      data = messageData(update);
      titles.push(data.embeds![0]!.description!);
      customId = seriesCustomId(data);
    }

    expect(titles.map((text) => /Cluster basics, part \d/.exec(text)![0])).toEqual([
      'Cluster basics, part 1',
      'Cluster basics, part 2',
      'Cluster basics, part 3',
    ]);
    expect(titles.at(-1)).toContain('the last part');
  });
});
