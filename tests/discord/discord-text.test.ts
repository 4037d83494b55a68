import { describe, expect, it } from 'vitest';
import { escapeText, maskedLink } from '../../adapters/discord/discord-text.js';

/** Strings a catalog author or a user could write to format, link or ping on Discord. */
const HOSTILE = [
  '[click me](https://evil.example/phish)',
  '<@123456789012345678> look',
  '<@!123456789012345678>',
  '<@&234567890123456789> role ping',
  '<#345678901234567890>',
  '@everyone free stuff',
  'hi @here and @EVERYONE',
  '**bold** __underline__ *italic* _italic_ ~~strike~~',
  '||spoiler|| `code` ```block```',
  '# Heading',
  '## Heading two',
  '-# subtext',
  '> quoted',
  '- bullet',
  '+ bullet',
  '12. numbered',
  'a \\ backslash and \\[already escaped]',
  '<t:1700000000:R> and <:pepe:123456789012345678> and </devops:123>',
  'Kubernetes [CKA] prep',
  'multi\nline\n# heading inside',
];

const SPECIAL = new Set(['\\', '*', '_', '~', '`', '|', '[', ']', '<']);

/** The characters still live as Markdown: special characters not preceded by one escape. */
function liveMarkdown(escaped: string): string[] {
  const live: string[] = [];
  const characters = [...escaped];
  for (let index = 0; index < characters.length; index += 1) {
    const character = characters[index]!;
    if (character === '\\') index += 1;
    else if (SPECIAL.has(character)) live.push(character);
  }
  return live;
}

/** What Discord shows for escaped text: each `\x` as `x`, zero-width spaces invisible. */
function shown(escaped: string): string {
  return escaped.replace(/\\(.)/g, '$1').replace(/\u200b/g, '');
}

describe('escapeText on Discord', () => {
  it.each(HOSTILE)('leaves no live Markdown in %j and shows it as written', (text) => {
    const escaped = escapeText(text);
    expect(liveMarkdown(escaped)).toEqual([]);
    // Shown exactly as typed (whitespace collapsed): every character was escaped once, not twice.
    expect(shown(escaped)).toBe(text.replace(/\s+/g, ' ').trim());
  });

  it.each(HOSTILE)('breaks mention and masked-link syntax in %j', (text) => {
    const escaped = escapeText(text);
    expect(escaped).not.toMatch(/(^|[^\\])<[@#:&t/a]/);
    expect(escaped).not.toMatch(/@(everyone|here)/i);
    expect(escaped).not.toMatch(/(^|[^\\])\[[^\]]*(^|[^\\])\]\(/);
  });

  it('escapes a line-start heading, list, quote or subtext marker once', () => {
    expect(escapeText('# Heading')).toBe('\\# Heading');
    expect(escapeText('-# small')).toBe('\\-# small');
    expect(escapeText('> quoted')).toBe('\\> quoted');
    expect(escapeText('3. third')).toBe('3\\. third');
    expect(escapeText('C# and F# 2. x')).toBe('C# and F# 2. x');
  });

  it('escapes a square bracket with one backslash', () => {
    expect(escapeText('[CKA]')).toBe('\\[CKA\\]');
  });
});

describe('maskedLink on Discord', () => {
  it('keeps a hostile title inside the link text and the URL inside the parentheses', () => {
    const link = maskedLink('](https://evil.example) <@1>', 'https://ok.example/a (b)');
    expect(link).toBe('[\\](https://evil.example) \\<@1>](https://ok.example/a%20%28b%29)');
  });
});
