import type * as z from 'zod/mini';
import type { Config } from '../config.js';
import type { ConfigProblem } from '../config-fields.js';
import type { PlatformDescriptor } from './platform-descriptor.js';

/** Every platform's environment variables, each with its schema. */
export function platformVariables(platforms: readonly PlatformDescriptor[]): z.core.$ZodShape {
  return Object.assign({}, ...platforms.map((platform) => platform.variables)) as z.core.$ZodShape;
}

/** The settings of each configured platform, by name; problems found on the way are pushed. */
export function readPlatformSettings(
  platforms: readonly PlatformDescriptor[],
  values: Readonly<Record<string, unknown>>,
  problems: ConfigProblem[],
): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const platform of platforms) {
    const read = platform.settings(values, problems);
    if (read !== undefined) settings[platform.name] = read;
  }
  return settings;
}

/** The settings of `platform` when it is configured; typed by its descriptor. */
export function platformSettings<Settings>(
  config: Pick<Config, 'platforms'>,
  platform: PlatformDescriptor<Settings>,
): Settings | undefined {
  return config.platforms[platform.name] as Settings | undefined;
}

/** The registered platforms configured in the environment, in registry order. */
export function configuredPlatforms(
  config: Pick<Config, 'platforms' | 'knownPlatforms'>,
): PlatformDescriptor[] {
  return config.knownPlatforms.filter((platform) => config.platforms[platform.name] !== undefined);
}
