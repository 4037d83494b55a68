import {
  DiscordAPIError,
  REST,
  Routes,
  type APIApplicationCommand,
  type RESTGetAPICurrentUserGuildsResult,
} from 'discord.js';
import { DEVOPS_COMMAND } from './devops-command.js';
import { isTokenRejected, tokenRejectedError } from './discord-errors.js';
import { loginFault } from './gateway-faults.js';
import { StartupError } from '../../src/errors/startup-error.js';
import type { DiscordConfig } from './platform.js';

/** Registers `/devops` in one server (`guildId`) or globally; setup mistakes become start-up errors. */
export async function registerDiscordCommands(
  discord: DiscordConfig,
  guildId: string | undefined,
): Promise<APIApplicationCommand[]> {
  return explained(discord, guildId, () =>
    restFor(discord).put(commandsRoute(discord, guildId), { body: [DEVOPS_COMMAND] }),
  ) as Promise<APIApplicationCommand[]>;
}

/** Removes `/devops` from one server or from the global commands; resolves with how many were removed. */
export async function removeDiscordCommands(
  discord: DiscordConfig,
  guildId: string | undefined,
): Promise<number> {
  const rest = restFor(discord);
  const ours = await ourCommands(discord, guildId);
  for (const command of ours) {
    await explained(discord, guildId, () =>
      rest.delete(
        guildId
          ? Routes.applicationGuildCommand(discord.appId, guildId, command.id)
          : Routes.applicationCommand(discord.appId, command.id),
      ),
    );
  }
  return ours.length;
}

/**
 * Where else `/devops` is registered than `guildId` (or than globally, for no `guildId`): servers
 * whose members would see the command twice. "globally", or the ids of the servers.
 */
export async function otherRegistrations(
  discord: DiscordConfig,
  guildId: string | undefined,
): Promise<string[]> {
  if (guildId) return (await ourCommands(discord, undefined)).length > 0 ? ['globally'] : [];
  const guilds = (await explained(discord, undefined, () =>
    restFor(discord).get(Routes.userGuilds()),
  )) as RESTGetAPICurrentUserGuildsResult;
  const holding: string[] = [];
  for (const guild of guilds) {
    if ((await ourCommands(discord, guild.id)).length > 0) holding.push(guild.id);
  }
  return holding;
}

function restFor(discord: DiscordConfig): REST {
  return new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
}

function commandsRoute(discord: DiscordConfig, guildId: string | undefined) {
  return guildId
    ? Routes.applicationGuildCommands(discord.appId, guildId)
    : Routes.applicationCommands(discord.appId);
}

async function ourCommands(
  discord: DiscordConfig,
  guildId: string | undefined,
): Promise<APIApplicationCommand[]> {
  const commands = (await explained(discord, guildId, () =>
    restFor(discord).get(commandsRoute(discord, guildId)),
  )) as APIApplicationCommand[];
  return commands.filter((command) => command.name === DEVOPS_COMMAND.name);
}

/** Runs a REST call, turning the setup mistakes and network failures it reveals into start-up errors. */
async function explained<T>(
  discord: DiscordConfig,
  guildId: string | undefined,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw explain(error, guildId) ?? loginFault(error, discord.apiUrl) ?? error;
  }
}

/** The setup mistake a registration error points to, as a start-up error; undefined for others. */
function explain(error: unknown, guildId: string | undefined): StartupError | undefined {
  if (!(error instanceof DiscordAPIError)) return undefined;
  if (isTokenRejected(error)) return tokenRejectedError();
  if (error.code === 10002) {
    return new StartupError(
      'Discord knows no application with DISCORD_APP_ID; copy the application id from its General Information page.',
      'DISCORD_APP_UNKNOWN',
    );
  }
  if (guildId && (error.code === 50001 || error.status === 403)) {
    return new StartupError(
      `The bot cannot register commands in server ${guildId}: invite it there with the "bot" and "applications.commands" scopes.`,
      'DISCORD_GUILD_NO_ACCESS',
    );
  }
  return undefined;
}
