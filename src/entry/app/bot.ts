import type { AddressInfo } from 'node:net';
import { createReportChatCommand } from '../../analytics/report-chat-command.js';
import { startAnalytics } from '../../analytics/start-analytics.js';
import type { Config } from '../../config.js';
import type { StartupError } from '../../errors/startup-error.js';
import type { Logger } from '../../logger.js';
import { readDeadLinks } from '../../links/link-report.js';
import { BotMetrics } from '../../ops/metrics.js';
import { opsRoutes } from '../../ops/health-routes.js';
import { startOpsServer } from '../../ops/ops-server.js';
import type { PlatformAdapter } from '../../platform/adapter.js';
import { createPlatformAdapters } from '../../platform/create-adapters.js';
import { ConversationRouter } from '../../platform/conversation-router.js';
import { isWeeklyPoster, type WeeklyPoster } from '../../platform/weekly-post.js';
import { openStore } from '../../store/open-store.js';
import { systemClock } from '../../weekly/clock.js';
import { createSuggestCommand } from '../../suggestions/suggest-command.js';
import { createSubscriptionCommands } from '../../weekly/subscription-commands.js';
import { WeeklyService } from '../../weekly/weekly-service.js';
import { reloadContentOnChange } from './content-reloads.js';
import { EngineHolder } from './engine-holder.js';
import { scheduleLinkChecks } from './link-check-schedule.js';
import { leaseSessions, standingBy } from './session-leases.js';
import type { LoadedEngine } from './load-engine.js';

/** A running bot on its chat platforms. */
export interface RunningBot {
  holder: EngineHolder;
  /** The port the health, readiness and metrics routes listen on (`OPS_PORT`, or the one picked for 0). */
  opsPort: number;
  /**
   * Resolves when a platform adapter has given up after start-up (a revoked token, a gateway that
   * did not come back): the reason says why and what to do, and the process should stop and exit
   * with its exit code.
   */
  gaveUp: Promise<StartupError>;
  /** Stops taking work, finishes what is in flight, and closes connections and the store. */
  stop(): Promise<void>;
}

/**
 * Starts the bot on every configured platform: the store and the weekly service, the adapters,
 * the health, readiness and metrics routes on a server of their own (`OPS_HOST`:`OPS_PORT`, never
 * Slack's `PORT`), and content reload on SIGHUP or any change under `CONTENT_DIR`.
 */
export async function startBot(
  config: Config,
  logger: Logger,
  loaded: LoadedEngine,
): Promise<RunningBot> {
  const metrics = new BotMetrics();
  const holder = new EngineHolder(loaded.engine, config.contentDir, logger, (engine) =>
    metrics.contentLoaded(engine.catalog.resources.length),
  );
  const store = await openStore(config.store);
  const analytics = await startAnalytics(config.analytics, store, systemClock, logger);
  const posters = new Map<string, WeeklyPoster>();
  const weekly = new WeeklyService({
    store,
    catalog: () => holder.current.catalog,
    posters,
    clock: systemClock,
    logger,
    defaults: config.weekly,
    deadLinks: () => readDeadLinks(config.dataDir),
    onOutcome: (outcome, platform) => metrics.weeklyOutcome(outcome, platform),
    onFailure: (stage, platform) => metrics.weeklyFailure(stage, platform),
  });
  const router = new ConversationRouter(
    () => holder.current,
    [
      ...createSubscriptionCommands({ store, weekly, defaults: config.weekly }),
      createReportChatCommand({ analytics: store.analytics, now: () => systemClock.now() }),
      createSuggestCommand({
        analytics: store.analytics,
        catalog: () => holder.current.catalog,
        userHash: analytics.userHash,
        now: () => systemClock.now(),
        onSuggestion: (outcome, platform) => metrics.suggested(outcome, platform),
      }),
    ],
    metrics,
    analytics.recorder,
    analytics.votes,
  );

  let adapters: PlatformAdapter[] = [];
  let weeklyStarted = false;
  let givenUp: StartupError | undefined;
  let announceGiveUp!: (reason: StartupError) => void;
  const gaveUp = new Promise<StartupError>((resolve) => (announceGiveUp = resolve));
  const onGiveUp = (reason: StartupError) => {
    givenUp ??= reason;
    announceGiveUp(givenUp);
  };
  const routes = opsRoutes(
    [
      { name: 'content', ready: () => holder.current.catalog.resources.length > 0 },
      { name: 'store', ready: () => store.isOpen() },
      {
        name: 'platforms',
        ready: () => adapters.length > 0 && adapters.every((adapter) => adapter.isReady()),
      },
    ],
    metrics,
    () => givenUp?.message,
    config.ops.metricsToken,
    () => standingBy(adapters),
  );
  adapters = await leaseSessions(
    await createPlatformAdapters(config, { router, logger, seenEvents: store, onGiveUp }),
    {
      store: config.store,
      retryMs: config.leaseRetryMs,
      logger,
      metrics,
      onGiveUp,
      // A standby posts nothing on the leased platform: the holder claims and posts its slots.
      onRole: (adapter, role) => {
        if (!isWeeklyPoster(adapter)) return;
        if (role === 'standby') return void posters.delete(adapter.platform);
        posters.set(adapter.platform, adapter);
        // Taken over after start-up: catch up what the replica that stopped left behind.
        if (weeklyStarted)
          weekly.takeOver(adapter.platform).catch((error: unknown) => {
            logger.error({ err: error }, 'weekly catch-up after taking over failed');
          });
      },
    },
  );
  // Before the platforms connect, so probes see "alive, not ready yet" rather than nothing.
  const server = await startOpsServer(config.ops, routes);
  const opsPort = (server.address() as AddressInfo).port;
  logger.info(
    { host: config.ops.host, port: opsPort, metricsToken: Boolean(config.ops.metricsToken) },
    'serving /healthz, /readyz and /metrics',
  );

  for (const adapter of adapters) {
    await adapter.start();
    if (isWeeklyPoster(adapter)) posters.set(adapter.platform, adapter);
    if (!standingBy([adapter])) logger.info({ platform: adapter.name }, 'platform connected');
  }
  await weekly.start();
  weeklyStarted = true;

  const stopReloading = reloadContentOnChange(holder, config.contentDir);
  const stopCheckingLinks = config.checkLinks
    ? scheduleLinkChecks({
        ...config.checkLinks,
        dataDir: config.dataDir,
        catalog: () => holder.current.catalog,
        logger,
      })
    : () => undefined;

  return {
    holder,
    opsPort,
    gaveUp,
    async stop() {
      stopReloading();
      stopCheckingLinks();
      // Posts in flight still need their platform, so the weekly service stops first.
      await weekly.stop();
      await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
      await analytics.stop();
      await store.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
