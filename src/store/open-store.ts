import type { StoreConfig } from '../config.js';
import type { BotStore } from './bot-store.js';

type StoreOpeners = {
  [Kind in StoreConfig['kind']]: (
    settings: Extract<StoreConfig, { kind: Kind }>,
    now: () => Date,
  ) => Promise<BotStore>;
};

/** Every kind of store, each with how to open it; the configuration says which one is used. */
const STORE_OPENERS: StoreOpeners = {
  // Each driver is loaded only when used: a bot on SQLite never needs PostgreSQL's, and a CLI
  // command that opens no store (ask, lint, catalog) starts without loading a native addon.
  sqlite: async (settings, now) =>
    (await import('./sqlite-store.js')).openSqliteStore(settings.dataDir, now),
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
