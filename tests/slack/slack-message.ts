import { expect } from 'vitest';

/** A text object as it appears in a message on the wire. */
export interface SlackText {
  type: 'plain_text' | 'mrkdwn';
  text: string;
}

/** A button as it appears on the wire. */
export interface SlackButton {
  type: 'button';
  action_id: string;
  text: SlackText;
  value: string;
}

/** A block as it appears on the wire (only the fields the tests read). */
export interface SlackBlock {
  type: string;
  text?: SlackText;
  elements?: (SlackText | SlackButton)[];
}

/** A message body: an ack, a response_url post or a `chat.postMessage` call's arguments. */
export interface SlackMessageBody {
  text?: string;
  blocks?: SlackBlock[];
}

/** Every button in the message. */
export function buttonsOf(message: SlackMessageBody): SlackButton[] {
  return (message.blocks ?? [])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements as SlackButton[]);
}

/** The button whose label is `label`. */
export function buttonLabelled(message: SlackMessageBody, label: string): SlackButton {
  const found = buttonsOf(message).find((button) => button.text.text === label);
  if (!found) throw new Error(`no "${label}" button in ${JSON.stringify(message.blocks)}`);
  return found;
}

/** Every text Slack reads as mrkdwn: the `text` fallback, sections and context elements. */
export function mrkdwnTexts(message: SlackMessageBody): string[] {
  const texts = message.text ? [message.text] : [];
  for (const block of message.blocks ?? []) {
    if (block.text?.type === 'mrkdwn') texts.push(block.text.text);
    for (const element of block.elements ?? []) {
      if (element.type === 'mrkdwn') texts.push(element.text);
    }
  }
  return texts;
}

/** All the text a reader sees in the blocks, one text a line, for `toContain` checks. */
export function visibleText(message: SlackMessageBody): string {
  const texts: string[] = [];
  for (const block of message.blocks ?? []) {
    if (block.text) texts.push(block.text.text);
    for (const element of block.elements ?? []) {
      texts.push(element.type === 'button' ? element.text.text : element.text);
    }
  }
  return texts.join('\n');
}

/** Asserts that nothing in the message can mention anyone: no `<!…>` or `<@…>` in mrkdwn. */
export function expectNoMentions(message: SlackMessageBody): void {
  for (const text of mrkdwnTexts(message)) expect(text).not.toMatch(/<[!@]/);
}

/** Asserts every limit Slack enforces on the parts the bot uses. */
export function expectWithinSlackLimits(message: SlackMessageBody): void {
  const blocks = message.blocks ?? [];
  expect(blocks.length).toBeLessThanOrEqual(50);
  expect(message.text?.length ?? 0).toBeGreaterThan(0);
  expect(message.text!.length).toBeLessThanOrEqual(3000);
  for (const block of blocks) {
    if (block.type === 'header') expect(block.text!.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'section') {
      expect(block.text!.text.length).toBeGreaterThan(0);
      expect(block.text!.text.length).toBeLessThanOrEqual(3000);
    }
    if (block.type === 'context') expect(block.elements!.length).toBeLessThanOrEqual(10);
  }
  for (const button of buttonsOf(message)) {
    expect(button.text.text.length).toBeLessThanOrEqual(75);
    expect(button.value.length).toBeLessThanOrEqual(2000);
  }
}
