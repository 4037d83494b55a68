import type { Config } from '../config.js';
import type { PlatformAdapter } from './adapter.js';
import type { AdapterDependencies } from './platform-descriptor.js';

/** The adapters of every registered platform configured in `config`; empty when none is. */
export async function createPlatformAdapters(
  config: Pick<Config, 'knownPlatforms' | 'platforms' | 'port' | 'host'>,
  dependencies: Omit<AdapterDependencies, 'http'>,
): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  for (const platform of config.knownPlatforms) {
    const settings = config.platforms[platform.name];
    if (settings === undefined) continue;
    const adapter = await platform.createAdapter(settings, {
      ...dependencies,
      http: { port: config.port, host: config.host },
    });
    if (adapter.name !== platform.name)
      throw new Error(`the ${platform.name} platform made an adapter named "${adapter.name}"`);
    adapters.push(adapter);
  }
  return adapters;
}
