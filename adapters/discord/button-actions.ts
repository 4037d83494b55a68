import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
} from 'discord.js';
import type { PagingState } from '../../src/platform/paging-state.js';
import type { Verdict } from '../../src/store/analytics-store.js';
import { DISCORD_LIMITS } from './discord-text.js';

/**
 * What a button of the bot does when clicked, with the page of a query it asks for: `more` shows
 * it in the same message; `ask` answers it (a suggested topic) in a new message; `part` answers
 * with a part of a series (the next one, or a learning path's first), for the clicker only;
 * `vote` records the clicker's verdict on an answer, acknowledged privately.
 */
export type ButtonAction =
  | { kind: 'more' | 'ask' | 'part'; state: PagingState }
  | { kind: 'vote'; verdict: Verdict; answerId: string };

const VOTE_LABELS: Record<Verdict, string> = { helpful: 'Helpful', not_helpful: 'Not helpful' };
const VOTE_ID = /^vote:(helpful|not_helpful):([\w-]+)$/;

/** How many long queries are remembered for their buttons before the oldest are forgotten. */
const REMEMBERED_QUERIES = 1000;

/**
 * Writes button actions into custom ids and reads them back. A custom id holds at most 100
 * characters, so a query that does not fit is kept in a bounded memory and the id carries its key;
 * after a restart, or once forgotten, such a button reads as expired.
 */
export class ButtonActions {
  private readonly remembered = new Map<string, string>();
  private nextKey = 0;

  /** A button that performs `action` when clicked. */
  button(
    label: string,
    action: ButtonAction,
    style: APIButtonComponentWithCustomId['style'] = ButtonStyle.Secondary,
  ): APIButtonComponentWithCustomId {
    return { type: ComponentType.Button, style, label, custom_id: this.encode(action) };
  }

  /** **Helpful** and **Not helpful** on the answer `answerId`. */
  voteButtons(answerId: string): APIButtonComponentWithCustomId[] {
    return (Object.keys(VOTE_LABELS) as Verdict[]).map((verdict) =>
      this.button(VOTE_LABELS[verdict], { kind: 'vote', verdict, answerId }),
    );
  }

  /**
   * The custom id for an action: `more:2:=docker`, `ask:1:=Kubernetes`, `more:2:#1f`,
   * `part:1:=part 2 of X` or `vote:helpful:ANSWER_ID` (an answer id is 12 characters, so a vote
   * always fits). Buttons posted before the paging state had one shape used the same ids.
   */
  encode(action: ButtonAction): string {
    if (action.kind === 'vote') return `vote:${action.verdict}:${action.answerId}`;
    const { query, page } = action.state;
    const inline = `${action.kind}:${page}:=${query}`;
    if (inline.length <= DISCORD_LIMITS.customId) return inline;
    return `${action.kind}:${page}:#${this.remember(query)}`;
  }

  /** The action of a custom id; undefined when it is not one of ours or has expired. */
  decode(customId: string): ButtonAction | undefined {
    const vote = VOTE_ID.exec(customId);
    if (vote) return { kind: 'vote', verdict: vote[1] as Verdict, answerId: vote[2]! };
    const match = /^(more|ask|part):(\d+):([=#])(.*)$/s.exec(customId);
    if (!match) return undefined;
    const [, kind, page, form, text = ''] = match;
    const query = form === '=' ? text : this.remembered.get(text);
    if (query === undefined) return undefined;
    const state = { query, page: Math.max(1, Number(page)) };
    return { kind: kind as 'more' | 'ask' | 'part', state };
  }

  private remember(query: string): string {
    const key = (this.nextKey++).toString(36);
    this.remembered.set(key, query);
    if (this.remembered.size > REMEMBERED_QUERIES) {
      this.remembered.delete(this.remembered.keys().next().value!);
    }
    return key;
  }
}

/** Buttons laid out in action rows of at most five. */
export function buttonRows(
  buttons: APIButtonComponent[],
): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let start = 0; start < buttons.length; start += DISCORD_LIMITS.buttonsPerRow) {
    const components = buttons.slice(start, start + DISCORD_LIMITS.buttonsPerRow);
    rows.push({ type: ComponentType.ActionRow, components });
  }
  return rows;
}
