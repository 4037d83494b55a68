/** Errors after which Slack certainly did not act on a call: no connection was ever made. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** What the Web API client retries, in the options of node-retry / p-retry it passes them to. */
export interface WebApiRetryPolicy {
  retries: number;
  factor: number;
  minTimeout: number;
  maxTimeout: number;
  randomize: boolean;
  /** Throwing here makes p-retry give up at once with the thrown error. */
  onFailedAttempt: (error: Error) => void;
}

/**
 * Web API calls are retried only when Slack surely did not act on them: a rate-limited call
 * (429, which Slack refuses before doing anything) or a connection never made. A timeout, a reset
 * or a 5xx may hide a call Slack carried out, and a second `chat.postMessage` would post the same
 * message twice; such calls fail at once, and whoever made them checks before trying again.
 */
export function webApiRetryPolicy(): WebApiRetryPolicy {
  return {
    retries: 3,
    factor: 2,
    minTimeout: 500,
    maxTimeout: 5000,
    randomize: true,
    onFailedAttempt: (error) => {
      if (!surelyNotCarriedOut(error)) throw error;
    },
  };
}

function surelyNotCarriedOut(error: Error): boolean {
  // @slack/web-api wraps every failed request, its own "retry after a 429" signal included.
  const original = (error as { original?: { message?: unknown; cause?: { code?: unknown } } })
    .original;
  if (String(original?.message).startsWith('A rate limit was exceeded')) return true;
  const code = original?.cause?.code;
  return typeof code === 'string' && NEVER_SENT_CODES.has(code);
}
