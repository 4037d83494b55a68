import type { PlatformDescriptor } from '../platform/platform-descriptor.js';

/** A channel on a platform, written `slack:C0123` or `discord:1234` in settings and the store. */
export interface ChannelAddress {
  /** The name of a platform in the registry. */
  platform: string;
  channelId: string;
}

/**
 * The parts of an address already checked (a subscription in the store, a setting read at
 * start); undefined when it has no `platform:` prefix.
 */
export function splitChannelAddress(text: string): ChannelAddress | undefined {
  const match = /^([^:\s]+):(\S+)$/.exec(text.trim());
  return match ? { platform: match[1]!, channelId: match[2]! } : undefined;
}

/**
 * What is wrong with a channel address someone typed (a setting, a CLI flag), saying the form
 * expected; undefined when it is a well-formed address of a registered platform.
 */
export function channelAddressProblem(
  text: string,
  platforms: readonly PlatformDescriptor[],
): string | undefined {
  const [name = '', channelId = ''] = text.trim().split(/:(.*)/s);
  const platform = platforms.find((candidate) => candidate.name === name);
  if (!platform) return `"${text}" names no platform: write ${channelAddressForms(platforms)}`;
  if (!platform.channelId.check(channelId)) {
    const { description, example } = platform.channelId;
    return `"${text}" is not a ${name} channel id: expected ${description}, as in ${name}:${example}`;
  }
  return undefined;
}

/** How addresses are written on every registered platform: `slack:CHANNEL_ID or discord:CHANNEL_ID`. */
export function channelAddressForms(platforms: readonly PlatformDescriptor[]): string {
  const forms = platforms.map((platform) => `${platform.name}:CHANNEL_ID`);
  if (forms.length === 0) return 'PLATFORM:CHANNEL_ID (no chat platform is registered)';
  return forms.length === 1
    ? forms[0]!
    : `${forms.slice(0, -1).join(', ')} or ${forms[forms.length - 1]}`;
}
