import {
  escapeMarkdown,
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

/** Text written by someone else (a query, a title), with Discord Markdown neutralised. */
export function escapeText(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim(), {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  }).replace(/[[\]]/g, '\\$&');
}

/** `[title](url)`, with the title escaped and the URL made safe to sit inside the parentheses. */
export function maskedLink(title: string, url: string): string {
  const safeUrl = url.replace(/[()<>\s]/g, (character) => encodeURIComponent(character));
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
