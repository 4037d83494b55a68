import type { SeriesStep, TopicRef } from '../../src/engine/answer.js';
import { seriesStepLabel } from '../../src/engine/describe-resource.js';
import type { PagingState } from '../../src/platform/paging-state.js';
import type { Verdict } from '../../src/store/analytics-store.js';
import { button, type Button } from './block-kit.js';
import { capQuery, SLACK_LIMITS } from './slack-text.js';

/** The `action_id`s of the bot's buttons. Topic buttons get a suffix, as ids must differ in a block. */
export const ACTIONS = {
  share: 'devops_share',
  more: 'devops_more',
  topicPrefix: 'devops_topic_',
  votePrefix: 'devops_vote_',
  /** A series part: the next one after a part, or the first of a topic's learning path. */
  seriesStep: 'devops_series_step',
} as const;

/** Matches the `action_id` of every topic button. */
export const TOPIC_ACTION = new RegExp(`^${ACTIONS.topicPrefix}\\d+$`);

/** Matches the `action_id` of both vote buttons; the verdict follows the prefix. */
export const VOTE_ACTION = new RegExp(`^${ACTIONS.votePrefix}(helpful|not_helpful)$`);

const VOTE_LABELS: Record<Verdict, string> = { helpful: 'Helpful', not_helpful: 'Not helpful' };

/** **Helpful** and **Not helpful**: the clicker's verdict on the answer `answerId`, the value. */
export function voteButtons(answerId: string): Button[] {
  return (Object.keys(VOTE_LABELS) as Verdict[]).map((verdict) =>
    button(VOTE_LABELS[verdict], `${ACTIONS.votePrefix}${verdict}`, answerId),
  );
}

/** The verdict of a vote button's `action_id`; undefined for any other button. */
export function verdictOfAction(actionId: string): Verdict | undefined {
  return VOTE_ACTION.exec(actionId)?.[1] as Verdict | undefined;
}

/** **Share in channel**: reposts this page of the answer for everyone. */
export function shareButton(state: PagingState): Button {
  return button('Share in channel', ACTIONS.share, encodeButtonValue(state), true);
}

/** **More**: the next page, replacing the message. */
export function moreButton(state: PagingState): Button {
  return button('More', ACTIONS.more, encodeButtonValue(state));
}

/** A button that runs a topic's query; `index` keeps its `action_id` unique in its block. */
export function topicButton(topic: TopicRef, index: number, label: string = topic.name): Button {
  return button(
    label,
    `${ACTIONS.topicPrefix}${index}`,
    encodeButtonValue({ query: topic.name, page: 1 }),
  );
}

/** **Next: part N of M** (or **Start here: part 1 of M** on a topic): that part alone. */
export function seriesStepButton(
  offer: { step: SeriesStep; kind: 'start' | 'next' },
  state: PagingState,
): Button {
  return button(seriesStepLabel(offer), ACTIONS.seriesStep, encodeButtonValue(state));
}

/**
 * The button value for a paging state, as JSON (`{"q":"docker","p":2}`, the format buttons have
 * always carried) within Slack's value limit; the query is shortened if need be (control
 * characters make its JSON up to six times longer than it is).
 */
export function encodeButtonValue({ query, page }: PagingState): string {
  let text = capQuery(query);
  let value = JSON.stringify({ q: text, p: page });
  while (value.length > SLACK_LIMITS.buttonValue) {
    text = text.slice(0, Math.floor(text.length / 2));
    value = JSON.stringify({ q: text, p: page });
  }
  return value;
}

/** The paging state in a button value; undefined for a value the bot did not write. */
export function decodeButtonValue(value: string | undefined): PagingState | undefined {
  try {
    const parsed = JSON.parse(value ?? '') as { q?: unknown; p?: unknown };
    if (typeof parsed.q !== 'string' || typeof parsed.p !== 'number') return undefined;
    if (!Number.isInteger(parsed.p)) return undefined;
    return { query: capQuery(parsed.q), page: Math.max(1, parsed.p) };
  } catch {
    return undefined;
  }
}
