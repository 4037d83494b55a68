import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';

/** Who may manage a channel on Discord, as refusals name them. */
export const DISCORD_CHANNEL_MANAGERS = 'members with the Manage Channels permission';

/** What the bot needs in a channel to post the resource of the week there, with Discord's names. */
const NEEDED_TO_POST = [
  ['View Channel', PermissionFlagsBits.ViewChannel],
  ['Send Messages', PermissionFlagsBits.SendMessages],
  ['Embed Links', PermissionFlagsBits.EmbedLinks],
] as const;

/**
 * Why the bot cannot post in a channel, given its permissions there; undefined when it can, or
 * when they are not known (a DM, a server member list not cached).
 */
export function whyBotCannotPost(
  permissions: Readonly<PermissionsBitField> | null | undefined,
): string | undefined {
  if (!permissions) return undefined;
  const missing = NEEDED_TO_POST.filter(([, flag]) => !permissions.has(flag)).map(([name]) => name);
  if (missing.length === 0) return undefined;
  return (
    `It lacks ${missing.join(', ')} here: give the bot's role ${missing.length === 1 ? 'that permission' : 'those permissions'} ` +
    'in this channel (Edit Channel → Permissions), then run subscribe again.'
  );
}
