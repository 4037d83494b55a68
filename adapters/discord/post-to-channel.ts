import type { Client, SendableChannels } from 'discord.js';
import { ChannelUnavailableError } from '../../src/platform/weekly-post.js';
import { channelUnavailableReason } from './discord-errors.js';
import { outgoing, type DiscordMessage } from './discord-text.js';

/**
 * Posts a message to a channel and resolves with its id. With a `nonce`, Discord is asked to
 * enforce it: a repeat of the request within a few minutes (discord.js retries a timed-out or
 * failed request) returns the message already created instead of posting it again. Throws
 * {@link ChannelUnavailableError} when the channel is gone or the bot may no longer see or post
 * in it; other errors are rethrown.
 */
export function postToChannel(
  client: Client<true>,
  channelId: string,
  message: DiscordMessage,
  nonce?: string,
): Promise<string> {
  return inChannel(client, channelId, async (channel) => {
    const sent = await channel.send({
      ...outgoing(message),
      ...(nonce && { nonce, enforceNonce: true }),
    });
    return sent.id;
  });
}

/**
 * Runs `use` on a channel the bot can post in; a channel that is gone, not a text channel, or
 * closed to the bot throws {@link ChannelUnavailableError}, and other errors are rethrown.
 */
export async function inChannel<T>(
  client: Client<true>,
  channelId: string,
  use: (channel: SendableChannels) => Promise<T>,
): Promise<T> {
  try {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) {
      throw new ChannelUnavailableError(
        `Discord channel ${channelId} cannot take messages`,
        'Not a text channel',
      );
    }
    return await use(channel);
  } catch (error) {
    const reason = channelUnavailableReason(error);
    if (!reason) throw error;
    throw new ChannelUnavailableError(
      `Discord channel ${channelId} is unavailable: ${reason}`,
      reason,
    );
  }
}
