/** The platforms that can receive the resource of the week. */
export type WeeklyPlatform = 'slack' | 'discord';

/** A channel on a platform, written `slack:C0123` or `discord:1234` in settings and the store. */
export interface ChannelAddress {
  platform: WeeklyPlatform;
  channelId: string;
}

/** Reads `platform:channelId`; undefined when it is not one. */
export function parseChannelAddress(text: string): ChannelAddress | undefined {
  const match = /^(slack|discord):([A-Za-z0-9]+)$/.exec(text.trim());
  return match ? { platform: match[1] as WeeklyPlatform, channelId: match[2]! } : undefined;
}

/** The `platform:channelId` form of an address. */
export function formatChannelAddress(address: ChannelAddress): string {
  return `${address.platform}:${address.channelId}`;
}
