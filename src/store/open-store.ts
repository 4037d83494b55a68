import type { StoreConfig } from '../config.js';
import type { BotStore } from './bot-store.js';
import { openSqliteStore } from './sqlite-store.js';

type StoreOpeners = {
  [Kind in StoreConfig['kind']]: (
    settings: Extract<StoreConfig, { kind: Kind }>,
    now: () => Date,
  ) => Promise<BotStore>;
};

/** Every kind of store, each with how to open it; the configuration says which one is used. */
const STORE_OPENERS: StoreOpeners = {
  sqlite: async (settings, now) => openSqliteStore(settings.dataDir, now),
  // Loaded only when used: a bot on SQLite never needs the PostgreSQL driver.
  postgres: async (settings, now) =>
    (await import('./postgres-store.js')).openPostgresStore(settings.url, now),
};

/**
 * Opens the configured store, migrated to the current schema; `now` stamps records (tests pass
 * their clock). Throws a `StartupError` that says what to fix when the store cannot be used.
 */
export function openStore(
  settings: StoreConfig,
  now: () => Date = () => new Date(),
): Promise<BotStore> {
  const open = STORE_OPENERS[settings.kind] as (
    settings: StoreConfig,
    now: () => Date,
  ) => Promise<BotStore>;
  return open(settings, now);
}
