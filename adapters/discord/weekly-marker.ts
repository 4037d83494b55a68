import { createHash } from 'node:crypto';
import type { APIEmbed, Client } from 'discord.js';
import type { WeeklySlot } from '../../src/platform/weekly-post.js';
import { inChannel } from './post-to-channel.js';

/** The author line of every weekly embed, by which a weekly post is told from other messages. */
export const WEEKLY_AUTHOR = 'Resource of the week';

// Discord lists at most 100 messages a request; a weekly post is looked for within hours of its slot.
const RECENT_MESSAGES = 100;
const NONCE_LENGTH = 25;

/** The nonce of the weekly post of (channel, slot): the same for every attempt, 25 characters. */
export function weeklyNonce(channelId: string, post: WeeklySlot): string {
  return createHash('sha256')
    .update(`${channelId}\n${post.slotKey}`)
    .digest('hex')
    .slice(0, NONCE_LENGTH);
}

/** True for the embed of the weekly post of `slot` (its timestamp is the slot). */
export function isWeeklyEmbedFor(
  embed: Pick<APIEmbed, 'author' | 'timestamp'>,
  slot: Date,
): boolean {
  return (
    embed.author?.name === WEEKLY_AUTHOR &&
    embed.timestamp !== undefined &&
    Date.parse(embed.timestamp) === slot.getTime()
  );
}

/**
 * The id of the bot's weekly post for `post`'s slot among the channel's recent messages. Discord
 * keeps no nonce on stored messages, so the post is recognised by its embed: the weekly author
 * line and the slot as timestamp.
 */
export function findWeeklyMessage(
  client: Client<true>,
  channelId: string,
  post: WeeklySlot,
): Promise<string | undefined> {
  return inChannel(client, channelId, async (channel) => {
    const recent = await channel.messages.fetch({ limit: RECENT_MESSAGES });
    const found = recent.find(
      (message) =>
        message.author.id === client.user.id &&
        message.embeds.some((embed) => isWeeklyEmbedFor(embed.data, post.slot)),
    );
    return found?.id;
  });
}
