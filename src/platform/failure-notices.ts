import type { NoticeAnswer } from '../engine/answer.js';

/**
 * The one answer to a question the bot failed to answer, whatever the platform: short, private,
 * and free of details (the error itself is logged by the adapter that caught it). Each adapter
 * renders it like any other notice, with its own escaping.
 */
export const APOLOGY: NoticeAnswer = {
  kind: 'notice',
  query: '',
  tone: 'error',
  title: 'Sorry, something went wrong',
  lines: ['The error has been logged. Please try again in a moment.'],
  private: true,
};

/**
 * The answer to a click on a button the bot can no longer read: one posted by an older version, or
 * whose query was forgotten since. The asker is told to ask again rather than left waiting.
 */
export const ASK_AGAIN: NoticeAnswer = {
  kind: 'notice',
  query: '',
  tone: 'info',
  title: 'This button has expired',
  lines: ['Ask the question again for a fresh answer.'],
  private: true,
};
