import { createEngine } from '../../../engine/engine.js';
import type { Logger } from '../../../logger.js';
import { isWeeklyPoster, type WeeklyPoster } from '../../../platform/weekly-post.js';
import type { Config } from '../../../config.js';
import type { Catalog } from '../../../content/types.js';
import { ConversationRouter } from '../../../platform/conversation-router.js';
import type { BotStore } from '../../../store/bot-store.js';
import { openStore } from '../../../store/open-store.js';
import { createPlatformAdapters } from '../../../platform/create-adapters.js';
import {
  channelAddressForms,
  channelAddressProblem,
  splitChannelAddress,
} from '../../../weekly/channel-address.js';
import { systemClock } from '../../../weekly/clock.js';
import { formatInZone } from '../../../weekly/schedule.js';
import { WeeklyService } from '../../../weekly/weekly-service.js';
import { readDeadLinks } from '../../../links/link-report.js';
import {
  type CliArgs,
  type CliCommand,
  type CliIo,
  positiveInteger,
  UsageError,
} from '../cli-command.js';
import { CONTENT_OPTION, loadUsableContent } from '../content-flag.js';
import { silentLogger } from '../../../silent-logger.js';

/** `devops-bot weekly preview|post --channel platform:ID`: look ahead, or post the resource of the week now. */
export const weeklyCommand: CliCommand = {
  name: 'weekly',
  usage:
    'weekly preview --channel slack:C0123ABCD [--weeks N] [--json] | weekly post --channel discord:ID',
  summary:
    "Print a channel's next picks and their dates without posting, or post its resource of the week now.",
  options: {
    channel: { type: 'string' },
    weeks: { type: 'string' },
    json: { type: 'boolean' },
    ...CONTENT_OPTION,
  },
  async run(args, io) {
    const [action] = args.positionals;
    const channel = typeof args.values.channel === 'string' ? args.values.channel.trim() : '';
    if (action !== 'preview' && action !== 'post')
      throw new UsageError('say "weekly preview" or "weekly post"');
    if (channel === '') {
      throw new UsageError(
        `--channel is needed: ${channelAddressForms(io.config.knownPlatforms)} (see "Finding Slack and Discord ids" in the README)`,
      );
    }
    const problem = channelAddressProblem(channel, io.config.knownPlatforms);
    if (problem) throw new UsageError(`--channel ${problem}`);
    return action === 'preview' ? preview(args, io, channel) : post(args, io, channel);
  },
};

async function preview(args: CliArgs, io: CliIo, channel: string): Promise<number> {
  const weeks = positiveInteger(args.values.weeks, 'weeks', 8);
  const content = await loadUsableContent(args, io);
  const store = await openStore(io.config.store);
  try {
    const service = serviceFor(io, store, () => content.catalog, new Map(), silentLogger());
    const schedule = await service.scheduleFor(channel);
    const picks = await service.preview(channel, weeks);
    const subscribed =
      (await store.getSubscription(channel)) !== undefined ||
      io.config.weekly.channels.includes(channel);
    if (args.values.json) {
      const json = picks.map(({ slot, resource }) => ({
        slot: slot.toISOString(),
        id: resource.id,
        url: resource.url,
        title: resource.title,
      }));
      io.stdout.write(
        JSON.stringify({
          channel,
          subscribed,
          cron: schedule.cron,
          timezone: schedule.timezone,
          picks: json,
        }) + '\n',
      );
    } else {
      if (!subscribed) {
        io.stdout.write(
          `${channel} is not subscribed, so nothing is posted there: list it in WEEKLY_CHANNELS, or have a ` +
            'channel manager type "/devops subscribe" in it. Once subscribed, it would get:\n',
        );
      }
      for (const { slot, resource } of picks) {
        io.stdout.write(
          `${formatInZone(slot, schedule.timezone)}  ${resource.title}\n    ${resource.url}\n`,
        );
      }
    }
    return 0;
  } finally {
    await store.close();
  }
}

async function post(args: CliArgs, io: CliIo, channel: string): Promise<number> {
  const address = splitChannelAddress(channel)!;
  const content = await loadUsableContent(args, io);
  const logger = await logTo(io.config.logLevel, io.config.logFormat, io.config.knownPlatforms);
  const engine = createEngine(content.catalog);
  // Only the channel's platform, on port 0: posting from the command line needs no other one and
  // must not collide with a bot already serving the port.
  const settings = io.config.platforms[address.platform];
  const config = { ...io.config, port: 0, platforms: { [address.platform]: settings } };
  const store = await openStore(io.config.store);
  const [adapter] = await createPlatformAdapters(config, {
    router: new ConversationRouter(() => engine),
    logger,
    seenEvents: store,
  });
  if (!adapter || !isWeeklyPoster(adapter)) {
    await store.close();
    io.stderr.write(
      adapter
        ? `devops-bot weekly: ${address.platform} cannot post the resource of the week.\n`
        : `devops-bot weekly: ${address.platform} is not configured; set its variables (see .env.example).\n`,
    );
    return 2;
  }
  await adapter.start();
  try {
    const service = serviceFor(
      io,
      store,
      () => content.catalog,
      new Map([[address.platform, adapter]]),
      logger,
    );
    const record = await service.postNow(channel);
    const resource = record?.resourceId
      ? content.catalog.resourcesById.get(record.resourceId)
      : undefined;
    io.stdout.write(
      `${record?.status ?? 'not posted'}: ${resource?.title ?? 'nothing to post'} → ${channel}\n`,
    );
    return record?.status === 'posted' ? 0 : 1;
  } finally {
    await adapter.stop();
    await store.close();
  }
}

function serviceFor(
  io: CliIo,
  store: BotStore,
  catalog: () => Catalog,
  posters: Map<string, WeeklyPoster>,
  logger: Logger,
): WeeklyService {
  return new WeeklyService({
    store,
    catalog,
    posters,
    clock: systemClock,
    logger,
    defaults: io.config.weekly,
    deadLinks: () => readDeadLinks(io.config.dataDir),
  });
}

/** A logger on standard error, loaded on use: the ask, lint and catalog commands never log. */
async function logTo(
  level: Config['logLevel'],
  format: Config['logFormat'],
  platforms: Config['knownPlatforms'],
): Promise<Logger> {
  const { createLogger } = await import('../../../logger.js');
  return createLogger({ level, destination: 'stderr', format, platforms });
}
