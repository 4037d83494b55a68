import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type BaseMessageOptions,
  type MessageMentionOptions,
} from 'discord.js';
import { shorten, textLength } from '../../src/text/shorten.js';

/** Discord's documented limits on what a message may hold. */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
} as const;

/** Allowed mentions on every message the bot sends: nobody is notified, not even the asker. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };

/** A message as the renderers build it, before it is made safe to send. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Shown only to the person who asked, where Discord allows it (interaction replies). */
  private: boolean;
}

/** Characters Discord Markdown gives meaning to anywhere in a line (`<` opens mentions and emoji). */
const INLINE_MARKDOWN = /[\\*_~`|[\]<]/g;
/** What makes a heading, list, quote or subtext when it starts a line. */
const LINE_START_MARKDOWN = /^(#{1,3} |-# |[-+] |>)/;
const NUMBERED_ITEM = /^(\d+)\. /;
/** `@everyone` and `@here` notify a whole channel; a zero-width space keeps them plain text. */
const MASS_MENTION = /@(everyone|here)/gi;

/**
 * Text written by someone else (a query, a title, a topic name), made inert for Discord: each
 * Markdown character escaped exactly once, so no formatting, masked link, mention (`<@…>`, `<@&…>`,
 * `<#…>`) or emoji syntax survives, and `@everyone` / `@here` broken. Whitespace runs become one
 * space, so a line start can only be the text's start.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(INLINE_MARKDOWN, '\\$&')
    .replace(LINE_START_MARKDOWN, '\\$1')
    .replace(NUMBERED_ITEM, '$1\\. ')
    .replace(MASS_MENTION, '@\u200b$1');
}

/** `[title](url)`, with the title escaped and the URL made safe to sit inside the parentheses. */
export function maskedLink(title: string, url: string): string {
  // encodeURIComponent leaves parentheses alone, and a `)` would end the link early.
  const safeUrl = url.replace(
    /[()<>\s]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${escapeText(title)}](${safeUrl})`;
}

/** The message as discord.js sends it: within every limit and with mentions disabled. */
export function outgoing(message: DiscordMessage): BaseMessageOptions {
  return {
    ...(message.content ? { content: shorten(message.content, DISCORD_LIMITS.content) } : {}),
    embeds: message.embeds.slice(0, DISCORD_LIMITS.embeds).map(fitEmbed),
    components: message.components.slice(0, DISCORD_LIMITS.actionRows).map(fitRow),
    allowedMentions: NO_MENTIONS,
  };
}

/** An embed cut to Discord's limits; the description gives way first when the total is too long. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = {
    ...embed,
    ...(embed.title !== undefined && { title: shorten(embed.title, DISCORD_LIMITS.embedTitle) }),
    ...(embed.author && {
      author: { ...embed.author, name: shorten(embed.author.name, DISCORD_LIMITS.author) },
    }),
    ...(embed.footer && {
      footer: { ...embed.footer, text: shorten(embed.footer.text, DISCORD_LIMITS.footer) },
    }),
    ...(embed.fields && {
      fields: embed.fields.slice(0, DISCORD_LIMITS.embedFields).map((field) => ({
        ...field,
        name: shorten(field.name, DISCORD_LIMITS.fieldName),
        value: shorten(field.value, DISCORD_LIMITS.fieldValue),
      })),
    }),
  };
  const description = embed.description ?? '';
  const room = DISCORD_LIMITS.embedTotal - embedLength({ ...fitted, description: '' });
  const kept = shorten(description, Math.min(DISCORD_LIMITS.embedDescription, room));
  return kept ? { ...fitted, description: kept } : withoutDescription(fitted);
}

/** The characters of an embed that count towards Discord's 6,000 total. */
export function embedLength(embed: APIEmbed): number {
  return [
    embed.title,
    embed.description,
    embed.footer?.text,
    embed.author?.name,
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
  ].reduce((sum, text) => sum + textLength(text ?? ''), 0);
}

function withoutDescription(embed: APIEmbed): APIEmbed {
  const copy = { ...embed };
  delete copy.description;
  return copy;
}

function fitRow(
  row: APIActionRowComponent<APIButtonComponent>,
): APIActionRowComponent<APIButtonComponent> {
  return {
    ...row,
    components: row.components
      .slice(0, DISCORD_LIMITS.buttonsPerRow)
      .map((button) =>
        'label' in button && button.label
          ? { ...button, label: shorten(button.label, DISCORD_LIMITS.buttonLabel) }
          : button,
      ),
  };
}
