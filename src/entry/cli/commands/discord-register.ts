import { StartupError } from '../../../errors/startup-error.js';
import { DISCORD_SNOWFLAKE, discordPlatform } from '../../../../adapters/discord/platform.js';
import { platformSettings } from '../../../platform/platform-settings.js';
import { UsageError, type CliCommand } from '../cli-command.js';

/**
 * `devops-bot discord-register [--remove] [--guild ID]`: registers `/devops` with Discord, in one
 * server (instant, for trying it out) or globally (for production; it takes up to an hour to
 * appear), or removes it from there; warns when it is registered both ways, which shows it twice.
 */
export const discordRegisterCommand: CliCommand = {
  name: 'discord-register',
  usage: 'discord-register [--remove] [--guild ID]',
  summary:
    'Register the /devops command with Discord: in one server with --guild (instant), else globally (up to an hour); --remove takes it away.',
  options: { guild: { type: 'string' }, remove: { type: 'boolean' } },
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
    const discord = platformSettings(io.config, discordPlatform);
    if (!discord) {
      throw new StartupError(
        'Discord is not configured: set DISCORD_TOKEN and DISCORD_APP_ID (see the README).',
        'DISCORD_NOT_CONFIGURED',
      );
    }
    // discord.js is loaded only for this command, so the rest of the CLI starts quickly.
    const registration = await import('../../../../adapters/discord/discord-registration.js');
    const where = guildId ? `in server ${guildId}` : 'globally';
    if (args.values.remove) {
      const removed = await registration.removeDiscordCommands(discord, guildId);
      io.stdout.write(
        removed === 0
          ? `/devops was not registered ${where}; nothing to remove.\n`
          : `Removed /devops ${guildId ? `from server ${guildId}` : 'globally'}${guildId ? '' : '; it can take up to an hour to disappear everywhere'}.\n`,
      );
      return 0;
    }
    const registered = await registration.registerDiscordCommands(discord, guildId);
    const names = registered.map((command) => `/${command.name}`).join(', ');
    io.stdout.write(
      guildId
        ? `Registered ${names} in server ${guildId}; it is available there now.\n`
        : `Registered ${names} globally; it can take up to an hour to appear everywhere.\n`,
    );
    const others = await registration.otherRegistrations(discord, guildId);
    if (others.length > 0) io.stderr.write(twinsWarning(guildId, others));
    return 0;
  },
};

/** Says that `/devops` is also registered the other way, so members see it twice, and how to fix it. */
function twinsWarning(guildId: string | undefined, others: string[]): string {
  const advice = guildId
    ? `/devops is also registered globally, so server ${guildId} shows it twice. Keep one: ` +
      `"devops-bot discord-register --remove" removes the global one, ` +
      `"devops-bot discord-register --remove --guild ${guildId}" this server's.`
    : `/devops is also registered in ${others.length === 1 ? 'server' : 'servers'} ${others.join(', ')}, ` +
      'which will show it twice. Remove those with ' +
      others.map((id) => `"devops-bot discord-register --remove --guild ${id}"`).join(', ') +
      '.';
  return `devops-bot discord-register: warning: ${advice}\n`;
}
