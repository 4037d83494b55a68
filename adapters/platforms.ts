import type { PlatformDescriptor } from '../src/platform/platform-descriptor.js';
import { discordPlatform } from './discord/platform.js';
import { slackPlatform } from './slack/platform.js';

/**
 * The registry: every chat platform the bot can serve, one line each. Configuration, channel
 * addresses, log redaction, the weekly CLI and the bot's adapters all read this list; a new
 * platform is a folder under `adapters/` with a `platform.ts` descriptor, plus one line here.
 */
export const PLATFORMS: readonly PlatformDescriptor[] = [slackPlatform, discordPlatform];
