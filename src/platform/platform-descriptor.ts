import type * as z from 'zod/mini';
import type { ConfigProblem } from '../config-fields.js';
import type { Logger } from '../logger.js';
import type { BotStore } from '../store/bot-store.js';
import type { OnGiveUp, PlatformAdapter } from './adapter.js';
import type { ConversationRouter } from './conversation-router.js';

/** The name of the local console, a pseudo-platform no registry lists: it has no channels. */
export const CONSOLE_PLATFORM = 'console';

/** What a channel id looks like on a platform, for checking one and for saying so when it is wrong. */
export interface ChannelIdFormat {
  /** True for a well-formed channel id of the platform. */
  check(channelId: string): boolean;
  /** A channel id of the right form, shown in messages as `name:example`. */
  example: string;
  /** The form in words, such as "17 to 20 digits". */
  description: string;
}

/** What the entry layer gives a platform to build its adapter from. */
export interface AdapterDependencies {
  router: ConversationRouter;
  logger: Logger;
  /** The store's record of inbound events, so a redelivered event is acted on once. */
  seenEvents: Pick<BotStore, 'claimEvent'>;
  /** `PORT` and `HOST`, for a platform that receives HTTP requests (see {@link PlatformDescriptor.ownsHttpPort}). */
  http: { port: number; host: string };
  /** Told when the adapter gives up after start-up; the process should then stop and exit. */
  onGiveUp?: OnGiveUp;
}

/**
 * Everything the bot knows about one chat platform, declared once in the platform's adapter folder
 * and listed in the registry (`adapters/platforms.ts`): configuration, channel addresses, log
 * redaction, the weekly post and adapter creation all read it. The core never imports a
 * descriptor; the entry layer passes the registry in.
 */
export interface PlatformDescriptor<Settings = unknown> {
  /** Lower-case name used in channel addresses (`name:CHANNEL_ID`), logs and metrics. */
  readonly name: string;
  /** Its environment variables, each with its zod schema, part of the one configuration schema. */
  readonly variables: z.core.$ZodShape;
  /**
   * Its settings from the parsed variables, or undefined when it is not configured (none of its
   * variables set). Pushes a problem naming the variable for each one missing or at odds with
   * another. Also called with the raw values when some variable failed to parse, so that one
   * message names every problem.
   */
  settings(
    values: Readonly<Record<string, unknown>>,
    problems: ConfigProblem[],
  ): Settings | undefined;
  /** Its channel ids, for channel addresses such as `WEEKLY_CHANNELS` and `--channel`. */
  readonly channelId: ChannelIdFormat;
  /**
   * What listens on `PORT` with these settings, such as "Slack's HTTP mode"; undefined when the
   * platform needs no port of its own (then `PORT` may equal `OPS_PORT`).
   */
  ownsHttpPort(settings: Settings): string | undefined;
  /** Names of its secret settings (tokens, signing secrets), never written to logs. */
  readonly secretSettings: readonly string[];
  /**
   * Its adapter, loaded on use: the platform's library is large and the console never needs it.
   * An adapter that implements `WeeklyPoster` posts the resource of the week on the platform.
   */
  createAdapter(settings: Settings, dependencies: AdapterDependencies): Promise<PlatformAdapter>;
}

const PLATFORM_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Throws when the registry cannot work: a name twice, a name that does not fit in a channel
 * address, the console's name, or an environment variable claimed by two platforms.
 */
export function checkRegistry(platforms: readonly PlatformDescriptor[]): void {
  const names = new Set<string>();
  const variables = new Map<string, string>();
  for (const platform of platforms) {
    if (!PLATFORM_NAME.test(platform.name) || platform.name === CONSOLE_PLATFORM)
      throw new Error(
        `platform name "${platform.name}" must be lower-case letters, digits and dashes, and not "${CONSOLE_PLATFORM}"`,
      );
    if (names.has(platform.name))
      throw new Error(`platform "${platform.name}" is registered twice`);
    names.add(platform.name);
    for (const variable of Object.keys(platform.variables)) {
      const owner = variables.get(variable);
      if (owner) throw new Error(`${variable} is claimed by both ${owner} and ${platform.name}`);
      variables.set(variable, platform.name);
    }
  }
}
