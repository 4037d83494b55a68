import type { StoreConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { BotMetrics } from '../../ops/metrics.js';
import type { OnGiveUp, PlatformAdapter } from '../../platform/adapter.js';
import { LeasedAdapter, type LeaseRole } from '../../platform/leased-adapter.js';
import { openGatewayLease } from '../../store/open-gateway-lease.js';

/** What {@link leaseSessions} needs besides the adapters. */
export interface SessionLeaseOptions {
  store: StoreConfig;
  retryMs: number;
  logger: Logger;
  metrics: BotMetrics;
  /** Told when an adapter starts (`active`) or stops (`standby`) serving its session here. */
  onRole: (adapter: PlatformAdapter, role: LeaseRole) => void;
  onGiveUp: OnGiveUp;
}

/**
 * Puts every adapter that allows one session per bot (one with a `sessionLease`) behind a lease
 * on the configured store, so that among replicas only the holder connects; other adapters are
 * returned as they are.
 */
export function leaseSessions(
  adapters: PlatformAdapter[],
  options: SessionLeaseOptions,
): Promise<PlatformAdapter[]> {
  return Promise.all(
    adapters.map(async (adapter) => {
      if (!adapter.sessionLease) return adapter;
      const lease = await openGatewayLease(options.store, {
        name: adapter.sessionLease,
        timeoutMs: options.retryMs,
      });
      options.metrics.gatewayLease(adapter.name, false);
      return new LeasedAdapter({
        adapter,
        lease,
        retryMs: options.retryMs,
        logger: options.logger.child({ platform: adapter.name }),
        onRole: (role) => {
          options.metrics.gatewayLease(adapter.name, role === 'active');
          options.onRole(adapter, role);
        },
        onGiveUp: options.onGiveUp,
      });
    }),
  );
}

/** True while some adapter waits for its lease, held by another replica. */
export function standingBy(adapters: PlatformAdapter[]): boolean {
  return adapters.some((adapter) => adapter instanceof LeasedAdapter && adapter.role === 'standby');
}
