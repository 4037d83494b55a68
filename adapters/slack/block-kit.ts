import type { types } from '@slack/bolt';
import { clip, clipMrkdwn, SLACK_LIMITS } from './slack-text.js';

/** A Block Kit block. */
export type Block = types.KnownBlock;

/** A Block Kit button. */
export type Button = types.Button;

/** A message as the bot sends it: Block Kit blocks and the plain `text` fallback. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** A header; plain text, which Slack never parses for mentions, cut to the header limit. */
export function headerBlock(text: string): types.HeaderBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: clip(text, SLACK_LIMITS.headerText), emoji: true },
  };
}

/** A section of already escaped mrkdwn, cut to the section limit. */
export function sectionBlock(escaped: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: sectionText(escaped) } };
}

/** A context line of already escaped mrkdwn elements. */
export function contextBlock(escaped: string[]): types.ContextBlock {
  return {
    type: 'context',
    elements: escaped
      .slice(0, SLACK_LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn', text: sectionText(text) })),
  };
}

/** A row of buttons. */
export function actionsBlock(buttons: Button[]): types.ActionsBlock {
  return { type: 'actions', elements: buttons.slice(0, SLACK_LIMITS.actionElements) };
}

/** A button whose label is cut to the label limit; `value` must already fit (see button-value). */
export function button(label: string, actionId: string, value: string, primary = false): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: clip(label, SLACK_LIMITS.buttonLabel), emoji: true },
    value,
    ...(primary ? { style: 'primary' as const } : {}),
  };
}

/** Escaped mrkdwn lines grouped into as few sections as the section limit allows. */
export function sectionsFromLines(escapedLines: string[]): types.SectionBlock[] {
  const sections: string[] = [];
  let current = '';
  for (const line of escapedLines) {
    if (current && current.length + 1 + line.length > SLACK_LIMITS.sectionText) {
      sections.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) sections.push(current);
  return sections.map(sectionBlock);
}

/**
 * The blocks cut to Slack's block limit, keeping a trailing row of buttons and saying that
 * something was left out.
 */
export function withinBlockLimit(blocks: Block[]): Block[] {
  if (blocks.length <= SLACK_LIMITS.blocks) return blocks;
  const last = blocks[blocks.length - 1]!;
  const tail = last.type === 'actions' ? [last] : [];
  const kept = blocks.slice(0, SLACK_LIMITS.blocks - 1 - tail.length);
  return [...kept, contextBlock(['…and more than fits in one message.']), ...tail];
}

function sectionText(escaped: string): string {
  // Slack rejects an empty text object.
  return clipMrkdwn(escaped, SLACK_LIMITS.sectionText) || ' ';
}
