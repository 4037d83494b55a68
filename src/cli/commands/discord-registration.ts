import { DiscordAPIError, REST, Routes, type APIApplicationCommand } from 'discord.js';
import { DEVOPS_COMMAND } from '../../../adapters/discord/devops-command.js';
import { isTokenRejected, tokenRejectedError } from '../../../adapters/discord/discord-errors.js';
import { StartupError } from '../../errors/startup-error.js';
import type { DiscordConfig } from '../../config.js';

/** Registers `/devops` in one server (`guildId`) or globally; setup mistakes become start-up errors. */
export async function registerDiscordCommands(
  discord: DiscordConfig,
  guildId: string | undefined,
): Promise<APIApplicationCommand[]> {
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
  const route = guildId
    ? Routes.applicationGuildCommands(discord.appId, guildId)
    : Routes.applicationCommands(discord.appId);
  try {
    return (await rest.put(route, { body: [DEVOPS_COMMAND] })) as APIApplicationCommand[];
  } catch (error) {
    throw explain(error, guildId) ?? error;
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
