/** The platforms that can receive the resource of the week. */
export type WeeklyPlatform = 'slack' | 'discord';

/** A channel on a platform, written `slack:C0123` or `discord:1234` in settings and the store. */
export interface ChannelAddress {
  platform: WeeklyPlatform;
  channelId: string;
}

/** A Discord id (channel, server, application): a snowflake of 17 to 20 digits. */
export const DISCORD_SNOWFLAKE = /^\d{17,20}$/;

/** What a channel id looks like on each platform, and how to say so to someone who typed it wrong. */
const CHANNEL_ID_FORMATS: Record<WeeklyPlatform, { pattern: RegExp; expected: string }> = {
  slack: {
    pattern: /^[CGD][A-Z0-9]+$/,
    expected: 'C, G or D then upper-case letters and digits, as in slack:C0123ABCD',
  },
  discord: {
    pattern: DISCORD_SNOWFLAKE,
    expected: '17 to 20 digits, as in discord:123456789012345678',
  },
};

/** Reads `platform:channelId`; undefined when it is not one. */
export function parseChannelAddress(text: string): ChannelAddress | undefined {
  const match = /^(slack|discord):([A-Za-z0-9]+)$/.exec(text.trim());
  return match ? { platform: match[1] as WeeklyPlatform, channelId: match[2]! } : undefined;
}

/**
 * What is wrong with a channel address someone typed (a setting, a CLI flag), saying the form
 * expected; undefined when it is a well-formed address of a known platform.
 */
export function channelAddressProblem(text: string): string | undefined {
  const [platform = '', channelId = ''] = text.trim().split(/:(.*)/s);
  const format = CHANNEL_ID_FORMATS[platform as WeeklyPlatform];
  if (!format || !Object.hasOwn(CHANNEL_ID_FORMATS, platform)) {
    return `"${text}" names no platform: write slack:CHANNEL_ID or discord:CHANNEL_ID`;
  }
  if (!format.pattern.test(channelId)) {
    return `"${text}" is not a ${platform} channel id: expected ${format.expected}`;
  }
  return undefined;
}

/** The `platform:channelId` form of an address. */
export function formatChannelAddress(address: ChannelAddress): string {
  return `${address.platform}:${address.channelId}`;
}
