import type { Client } from 'discord.js';
import { ChannelUnavailableError } from '../../src/platform/weekly-post.js';
import { channelUnavailableReason } from './discord-errors.js';
import { outgoing, type DiscordMessage } from './discord-text.js';

/**
 * Posts a message to a channel and resolves with its id. Throws {@link ChannelUnavailableError}
 * when the channel is gone or the bot may no longer see or post in it; other errors are rethrown.
 */
export async function postToChannel(
  client: Client<true>,
  channelId: string,
  message: DiscordMessage,
): Promise<string> {
  try {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) {
      throw new ChannelUnavailableError(
        `Discord channel ${channelId} cannot take messages`,
        'Not a text channel',
      );
    }
    const sent = await channel.send(outgoing(message));
    return sent.id;
  } catch (error) {
    const reason = channelUnavailableReason(error);
    if (!reason) throw error;
    throw new ChannelUnavailableError(
      `Discord channel ${channelId} is unavailable: ${reason}`,
      reason,
    );
  }
}
