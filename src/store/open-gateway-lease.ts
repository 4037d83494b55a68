import type { StoreConfig } from '../config.js';
import type { GatewayLease, GatewayLeaseOptions } from './gateway-lease.js';
import { InProcessGatewayLease } from './in-process-gateway-lease.js';

type LeaseOpeners = {
  [Kind in StoreConfig['kind']]: (
    settings: Extract<StoreConfig, { kind: Kind }>,
    options: GatewayLeaseOptions,
  ) => Promise<GatewayLease>;
};

/** Every kind of store, each with its lease; the same configuration picks the store and the lease. */
const LEASE_OPENERS: LeaseOpeners = {
  sqlite: async (_settings, options) => new InProcessGatewayLease(options.name),
  // Loaded only when used: a bot on SQLite never needs the PostgreSQL driver.
  postgres: async (settings, options) =>
    new (await import('./postgres-gateway-lease.js')).PostgresGatewayLease(settings.url, options),
};

/**
 * A lease named `options.name` shared by every replica on the configured store; nothing is
 * taken until its first `tryAcquire()`.
 */
export function openGatewayLease(
  settings: StoreConfig,
  options: GatewayLeaseOptions,
): Promise<GatewayLease> {
  const open = LEASE_OPENERS[settings.kind] as (
    settings: StoreConfig,
    options: GatewayLeaseOptions,
  ) => Promise<GatewayLease>;
  return open(settings, options);
}
