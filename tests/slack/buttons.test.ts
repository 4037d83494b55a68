import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASK_AGAIN } from '../../src/platform/failure-notices.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';
import {
  buttonLabelled,
  buttonsOf,
  expectWithinSlackLimits,
  visibleText,
  type SlackMessageBody,
} from './slack-message.js';

type Response = SlackMessageBody & {
  response_type?: string;
  replace_original?: boolean;
  delete_original?: boolean;
};

let harness: SlackHarness;

beforeEach(async () => {
  harness = await startSlackHarness();
});

afterEach(async () => {
  await harness.stop();
});

async function ask(text: string): Promise<SlackMessageBody> {
  return (await harness.command(text)).json as SlackMessageBody;
}

async function responsesTo(id: string, count: number): Promise<Response[]> {
  await harness.fake.waitForResponse(
    () => harness.fake.responses.filter((response) => response.id === id).length >= count,
  );
  return harness.fake.responses
    .filter((response) => response.id === id)
    .map((r) => r.body as Response);
}

/** Clicks a button of the bot carrying `value`, as a message posted earlier would hold it. */
function clickWithValue(actionId: string, value: string): Promise<string> {
  return harness.click({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: 'Button' },
    value,
  });
}

describe('the answer buttons', () => {
  it('reads the button values already posted in channels by the previous version', async () => {
    const clicked = await clickWithValue('devops_more', '{"q":"docker","p":2}');
    const [next] = await responsesTo(clicked, 1);
    expect(visibleText(next!)).toContain('Page 2 of 2 · 7 resources');

    const topic = await clickWithValue('devops_topic_0', '{"q":"Kubernetes","p":1}');
    const [answer] = await responsesTo(topic, 1);
    expect(answer!.blocks![0]).toMatchObject({ type: 'header', text: { text: 'Kubernetes' } });
  });

  it('a button value the bot cannot read tells the clicker privately to ask again', async () => {
    const clicked = await clickWithValue('devops_more', 'docker|2');
    const [reply] = await responsesTo(clicked, 1);

    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(reply!)).toContain(ASK_AGAIN.title);
    await harness.waitForLog((line) => line.msg === 'slack button without a query');
  });

  it('More replaces the message with the next page', async () => {
    const first = await ask('docker');

    const clicked = await harness.click(buttonLabelled(first, 'More'));
    const [next] = await responsesTo(clicked, 1);

    expect(next).toMatchObject({ replace_original: true });
    expect(visibleText(next!)).toContain('Page 2 of 2 · 7 resources');
    expect(visibleText(next!)).not.toContain('Container images, part 1');
    expect(buttonsOf(next!).map((button) => button.text.text)).toEqual(['Share in channel']);
    expectWithinSlackLimits(next!);
  });

  it('Share in channel reposts the answer for everyone, says who shared it, and removes the private copy', async () => {
    const first = await ask('k8s cronjobs');

    const clicked = await harness.click(buttonLabelled(first, 'Share in channel'), {
      userId: 'U0042',
    });
    const [shared, removed] = await responsesTo(clicked, 2);

    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(visibleText(shared!)).toContain('Cluster basics, part 3: CronJobs');
    expect(visibleText(shared!)).toContain('Shared by <@U0042>');
    expect(buttonsOf(shared!)).toEqual([]);
    expect(removed).toEqual({ delete_original: true });
  });

  it('a suggested topic button on a miss runs that topic in place', async () => {
    const miss = await ask('kafka streaming');

    const clicked = await harness.click(buttonLabelled(miss, 'Docker'));
    const [topic] = await responsesTo(clicked, 1);

    expect(topic).toMatchObject({ replace_original: true });
    expect(topic!.blocks![0]).toMatchObject({ type: 'header', text: { text: 'Docker' } });
  });

  it('a topic button on a message everyone sees answers the clicker privately', async () => {
    const miss = await ask('kafka streaming');

    const clicked = await harness.click(buttonLabelled(miss, 'Kubernetes'), { ephemeral: false });
    const [topic] = await responsesTo(clicked, 1);

    expect(topic).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(topic!)).toContain('Kubernetes');
  });
});
