/**
 * Everything the bot writes to Slack passes through here: mrkdwn escaping, so that no typed or
 * catalog text can mention anyone or break a link, and Slack's size limits, so that a message is
 * shortened rather than rejected.
 */

/** Slack's limits on a message, in characters or items. */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  actionElements: 25,
  buttonLabel: 75,
  buttonValue: 2000,
  fallbackText: 3000,
} as const;

/** The longest query the bot answers; longer text is cut to this. */
export const MAX_QUERY_LENGTH = 500;

const ELLIPSIS = '…';

/** Escapes the three characters mrkdwn gives meaning to, so `<!channel>` stays plain text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text shortened to `max` characters, ending with an ellipsis when it was cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return '';
  return withoutLoneSurrogate(text.slice(0, max - ELLIPSIS.length)).trimEnd() + ELLIPSIS;
}

/** Typed or catalog text made safe for mrkdwn and shortened to `max` characters. */
export function mrkdwn(text: string, max: number = SLACK_LIMITS.sectionText): string {
  return clipMrkdwn(escapeMrkdwn(text), max);
}

/**
 * Escaped mrkdwn shortened to `max` characters without splitting an `&amp;` entity or a
 * `<url|label>` link, which would otherwise show as debris or swallow the text after it.
 */
export function clipMrkdwn(escaped: string, max: number): string {
  if (escaped.length <= max) return escaped;
  if (max <= ELLIPSIS.length) return '';
  let cut = withoutLoneSurrogate(escaped.slice(0, max - ELLIPSIS.length));
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  return cut.replace(/&[a-z]*$/, '').trimEnd() + ELLIPSIS;
}

/** A mrkdwn link; only ever built from a catalog URL, with the label escaped. */
export function mrkdwnLink(url: string, label: string): string {
  // A `|` would end the URL or start a second label, so neither part may carry one.
  const href = escapeMrkdwn(url).replace(/\|/g, '%7C');
  return `<${href}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}

/** A mention of the Slack user whose id Slack sent us (never of anything a person typed). */
export function userMention(userId: string): string {
  return /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : 'someone';
}

/** The query in what a person typed: whitespace collapsed, cut to {@link MAX_QUERY_LENGTH}. */
export function capQuery(text: string): string {
  return withoutLoneSurrogate(text.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH)).trim();
}

/** The plain `text` of a message, shown in notifications and where blocks cannot be. */
export function fallbackText(lines: string[]): string {
  return clipMrkdwn(lines.map(escapeMrkdwn).join('\n'), SLACK_LIMITS.fallbackText);
}

function withoutLoneSurrogate(text: string): string {
  return /[\uD800-\uDBFF]$/.test(text) ? text.slice(0, -1) : text;
}
