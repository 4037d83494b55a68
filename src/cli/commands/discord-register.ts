import { StartupError } from '../../errors/startup-error.js';
import { DISCORD_SNOWFLAKE } from '../../weekly/channel-address.js';
import { UsageError, type CliCommand } from '../cli-command.js';

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
    if (
      guildId !== undefined &&
      (typeof guildId !== 'string' || !DISCORD_SNOWFLAKE.test(guildId))
    ) {
      throw new UsageError(
        `--guild takes a server id of 17 to 20 digits, not "${String(guildId)}"; in Discord, turn on ` +
          'Developer Mode (User Settings > Advanced), right-click the server and choose Copy Server ID',
      );
    }
    const discord = io.config.discord;
    if (!discord) {
      throw new StartupError(
        'Discord is not configured: set DISCORD_TOKEN and DISCORD_APP_ID (see the README).',
        'DISCORD_NOT_CONFIGURED',
      );
    }
    // discord.js is loaded only for this command, so the rest of the CLI starts quickly.
    const { registerDiscordCommands } = await import('./discord-registration.js');
    const registered = await registerDiscordCommands(discord, guildId);
    const names = registered.map((command) => `/${command.name}`).join(', ');
    io.stdout.write(
      guildId
        ? `Registered ${names} in server ${guildId}; it is available there now.\n`
        : `Registered ${names} globally; it can take up to an hour to appear everywhere.\n`,
    );
    return 0;
  },
};
