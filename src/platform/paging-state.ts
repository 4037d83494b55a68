import type { Answer, SearchAnswer, TopicAnswer } from '../engine/answer.js';
import { offeredStep } from '../engine/learning-path.js';

/**
 * One page of one query's answer: what a **More** or topic button carries, and what a typed `more`
 * continues from. Each platform module writes it into its own carrier (a Slack button value, a
 * Discord custom id, the console's memory) and reads it back.
 */
export interface PagingState {
  query: string;
  /** From 1. */
  page: number;
}

/**
 * Where an answer with results leaves the conversation: the page it showed, the next page when
 * there is one, and the series part it offers (a topic's start, or the part after a hit).
 */
export interface AnswerPosition {
  shown: PagingState;
  next?: PagingState;
  seriesStep?: PagingState;
}

/** The position an answer leaves the conversation at; undefined for an answer without pages. */
export function positionAfter(answer: TopicAnswer | SearchAnswer): AnswerPosition;
export function positionAfter(answer: Answer): AnswerPosition | undefined;
export function positionAfter(answer: Answer): AnswerPosition | undefined {
  if (answer.kind !== 'topic' && answer.kind !== 'search') return undefined;
  const { query, page } = answer;
  const offer = offeredStep(answer);
  return {
    shown: { query, page: page.number },
    ...(page.number < page.totalPages ? { next: { query, page: page.number + 1 } } : {}),
    ...(offer ? { seriesStep: { query: offer.step.query, page: 1 } } : {}),
  };
}

/**
 * The position a session is at after `answer`, coming from `previous`: a later page of the same
 * query keeps the series part its first page offered, as a button on that page stays clickable,
 * so "start" still works after "more".
 */
export function sessionPositionAfter(
  previous: AnswerPosition | undefined,
  answer: Answer,
): AnswerPosition | undefined {
  const position = positionAfter(answer);
  if (!position || position.seriesStep || !previous?.seriesStep) return position;
  if (previous.shown.query !== position.shown.query) return position;
  return { ...position, seriesStep: previous.seriesStep };
}
