import { describe, expect, it } from 'vitest';
import { clipMrkdwn, escapeMrkdwn, mrkdwn, mrkdwnLink } from '../../adapters/slack/slack-text.js';

/** Strings a catalog author or a user could write to ping, link or break a Slack message. */
const HOSTILE = [
  '<!channel> read this',
  '<!here|here> and <!everyone>',
  '<@U012345> and <@W0123|someone>',
  '<#C0123|general>',
  '<!subteam^S0123|@oncall>',
  '<https://evil.example|Docker docs>',
  '<mailto:a@b.example|mail>',
  'a & b &amp; already &lt;escaped&gt;',
  '*bold* _italic_ ~strike~ `code`',
  '> quoted',
];

/** What Slack shows for escaped mrkdwn text. */
function shown(escaped: string): string {
  return escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('escapeMrkdwn on Slack', () => {
  it.each(HOSTILE)('leaves no mention, link or entity syntax live in %j', (text) => {
    const escaped = escapeMrkdwn(text);
    expect(escaped).not.toMatch(/[<>]/);
    // Every & starts one of the three entities escaping wrote, so none of the input's survive.
    expect(escaped.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
    expect(shown(escaped)).toBe(text);
  });

  it.each(HOSTILE)('keeps %j shown as written when clipped', (text) => {
    const clipped = mrkdwn(text, 12);
    expect(clipped).not.toMatch(/[<>]|&[a-z]*…$/);
    expect(text.startsWith(shown(clipped.replace(/…$/, '')).trimEnd())).toBe(true);
  });

  it('never cuts a link or an entity in half', () => {
    expect(clipMrkdwn('ab <https://x.example|docs> tail', 10)).toBe('ab…');
    expect(clipMrkdwn('abc &amp; tail', 7)).toBe('abc…');
  });
});

describe('mrkdwnLink on Slack', () => {
  it.each(HOSTILE)('keeps %j as the label of one link to the given URL', (label) => {
    const link = mrkdwnLink('https://ok.example/a|b?x=<y>', label);
    expect(link.startsWith('<https://ok.example/a%7Cb?x=&lt;y&gt;|')).toBe(true);
    expect(link.slice(1, -1)).not.toMatch(/[<>]/);
    expect(link.split('|')).toHaveLength(2);
  });
});
