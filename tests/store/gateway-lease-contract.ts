import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/config.js';
import type { GatewayLease } from '../../src/store/gateway-lease.js';
import { openGatewayLease } from '../../src/store/open-gateway-lease.js';

/** A lease name of its own, as a bot token's hash would be, so tests never share a lease. */
export function leaseName(): string {
  return `test gateway ${randomBytes(8).toString('hex')}`;
}

/**
 * The behaviour every {@link GatewayLease} implementation promises, run against each of them:
 * `newStore` gives a fresh store configuration that every replica of a test shares.
 */
export function describeGatewayLeaseContract(
  kind: string,
  newStore: () => Promise<StoreConfig>,
): void {
  describe(`the gateway lease on ${kind}`, () => {
    const opened: GatewayLease[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((lease) => lease.close()));
    });

    /** `count` replicas' leases of one name on one store. */
    async function replicas(count: number, name = leaseName()): Promise<GatewayLease[]> {
      const store = await newStore();
      const leases = await Promise.all(
        Array.from({ length: count }, () => openGatewayLease(store, { name, timeoutMs: 5000 })),
      );
      opened.push(...leases);
      return leases;
    }

    it('goes to exactly one of several replicas asking at once', async () => {
      const leases = await replicas(3);
      const acquired = await Promise.all(leases.map((lease) => lease.tryAcquire()));
      expect(acquired.filter(Boolean)).toHaveLength(1);
      const held = await Promise.all(leases.map((lease) => lease.isHeld()));
      expect(held).toEqual(acquired);
    });

    it('stays with its holder, who may ask again, until released; then another takes it', async () => {
      const [first, second] = await replicas(2);
      expect(await first!.tryAcquire()).toBe(true);
      expect(await first!.tryAcquire()).toBe(true);
      expect(await second!.tryAcquire()).toBe(false);

      await first!.release();
      expect(await first!.isHeld()).toBe(false);
      expect(await second!.tryAcquire()).toBe(true);
      expect(await first!.tryAcquire()).toBe(false);
    });

    it('is free again once its holder closes', async () => {
      const [first, second] = await replicas(2);
      await first!.tryAcquire();
      await first!.close();
      expect(await second!.tryAcquire()).toBe(true);
    });

    it('keeps leases of different names apart', async () => {
      const store = await newStore();
      const [one, other] = await Promise.all(
        [leaseName(), leaseName()].map((name) =>
          openGatewayLease(store, { name, timeoutMs: 5000 }),
        ),
      );
      opened.push(one!, other!);
      expect(await one!.tryAcquire()).toBe(true);
      expect(await other!.tryAcquire()).toBe(true);
    });

    it('may be released when it is not held, changing nothing', async () => {
      const [holder, standby] = await replicas(2);
      await holder!.tryAcquire();
      await standby!.release();
      expect(await holder!.isHeld()).toBe(true);
      expect(await standby!.tryAcquire()).toBe(false);
    });
  });
}
