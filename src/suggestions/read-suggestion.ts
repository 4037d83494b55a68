import { normalizeUrl } from '../content/url.js';

// Chat messages are cut at MAX_QUERY_LENGTH (500) before they reach a command. With
// `suggest ` + link + space + note kept under that, a message that was cut always holds a link or
// a note over its limit, and is refused: a shortened link or note is never stored.
/** The longest link that can be suggested; longer ones are almost always tracking noise. */
export const MAX_URL_LENGTH = 300;
/** The longest note ("what it teaches") kept with a suggestion. */
export const MAX_NOTE_LENGTH = 180;

/** A suggestion as typed after `suggest`: its link, normalized, and what it teaches. */
export interface TypedSuggestion {
  url: string;
  note?: string;
}

/** Why a suggestion cannot be taken, and what to do about it. */
export interface SuggestionProblem {
  problem: string;
  hint: string;
}

const USAGE =
  'Type the link first, then what it teaches: "suggest https://example.org/guide Helm charts for beginners".';

/**
 * Reads `URL [what it teaches]`. The link may come wrapped as chat apps send it (`<https://…>`,
 * Slack's `<https://…|label>`); it must be an absolute http(s) link to a named host, without a
 * user name or password, at most {@link MAX_URL_LENGTH} characters, and the note at most
 * {@link MAX_NOTE_LENGTH}. Each mistake gets its own message.
 */
export function readSuggestion(args: string): TypedSuggestion | SuggestionProblem {
  const [first = '', ...rest] = args.trim().split(/\s+/);
  if (first === '') return { problem: 'There is no link to suggest.', hint: USAGE };
  const raw = unwrap(first);
  if (raw.length > MAX_URL_LENGTH) {
    return {
      problem: `That link is ${raw.length} characters long; at most ${MAX_URL_LENGTH} are kept.`,
      hint: 'Suggest a shorter link to the same page (without tracking parameters).',
    };
  }
  const url = parseUrl(raw);
  if (!url) {
    return /^[\w-]+(\.[\w-]+)+([/?#]|$)/.test(raw)
      ? {
          problem: `"${shortened(raw)}" has no https:// in front.`,
          hint: `Try "suggest https://${shortened(raw)}".`,
        }
      : { problem: `"${shortened(raw)}" is not a link.`, hint: USAGE };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      problem: `Only http and https links can be suggested, not ${url.protocol.replace(/:$/, '')}.`,
      hint: 'Suggest the web page where the resource can be read or watched.',
    };
  }
  if (!url.hostname.includes('.')) {
    return {
      problem: `"${url.hostname}" is not a public host name.`,
      hint: 'Suggest a link the whole team can open, such as https://example.org/guide.',
    };
  }
  if (url.username || url.password) {
    return {
      problem: 'That link carries a user name or password.',
      hint: 'Suggest the link without them: everyone who opens it would see them.',
    };
  }
  const note = rest.join(' ').trim();
  if (note.length > MAX_NOTE_LENGTH) {
    return {
      problem: `The note is ${note.length} characters long; at most ${MAX_NOTE_LENGTH} are kept.`,
      hint: 'Say in a sentence what the link teaches; the curator writes the rest.',
    };
  }
  return { url: normalizeUrl(url.href), ...(note ? { note } : {}) };
}

/** The link inside `<…>` or Slack's `<…|label>`, or the text as it is. */
function unwrap(text: string): string {
  return /^<([^|>]+)(?:\|[^>]*)?>$/.exec(text)?.[1] ?? text;
}

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

function shortened(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
