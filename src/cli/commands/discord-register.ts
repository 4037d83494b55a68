import { DiscordAPIError, REST, Routes, type APIApplicationCommand } from 'discord.js';
import { DEVOPS_COMMAND } from '../../../adapters/discord/devops-command.js';
import { isTokenRejected, tokenRejectedError } from '../../../adapters/discord/discord-errors.js';
import { StartupError } from '../../app/startup-errors.js';
import type { DiscordConfig } from '../../config.js';
import { UsageError, type CliCommand } from '../cli-command.js';

const SNOWFLAKE = /^\d{5,20}$/;

/**
 * `devops-bot discord-register [--guild ID]`: registers `/devops` with Discord, in one server
 * (instant, for trying it out) or globally (for production; it takes up to an hour to appear).
 */
export const discordRegisterCommand: CliCommand = {
  name: 'discord-register',
  usage: 'discord-register [--guild ID]',
  summary:
    'Register the /devops command with Discord: in one server with --guild (instant), else globally (up to an hour).',
  options: { guild: { type: 'string' } },
  async run(args, io) {
    const guildId = args.values.guild;
    if (guildId !== undefined && (typeof guildId !== 'string' || !SNOWFLAKE.test(guildId))) {
      throw new UsageError(`--guild takes a server id (a number), not "${String(guildId)}"`);
    }
    const discord = io.config.discord;
    if (!discord) {
      throw new StartupError(
        'Discord is not configured: set DISCORD_TOKEN and DISCORD_APP_ID (see the README).',
        'DISCORD_NOT_CONFIGURED',
      );
    }
    const registered = await register(discord, guildId);
    const names = registered.map((command) => `/${command.name}`).join(', ');
    io.stdout.write(
      guildId
        ? `Registered ${names} in server ${guildId}; it is available there now.\n`
        : `Registered ${names} globally; it can take up to an hour to appear everywhere.\n`,
    );
    return 0;
  },
};

async function register(
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
