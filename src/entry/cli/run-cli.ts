import { parseArgs } from 'node:util';
import { PLATFORMS } from '../../../adapters/platforms.js';
import { parseConfig } from '../../config.js';
import type { PlatformDescriptor } from '../../platform/platform-descriptor.js';
import { isStartupError, startupExitCode } from '../app/startup-errors.js';
import { type CliArgs, type CliCommand, type CliIo, UsageError } from './cli-command.js';
import { askCommand } from './commands/ask.js';
import { checkLinksCommand } from './commands/check-links.js';
import { catalogCommand } from './commands/catalog.js';
import { discordRegisterCommand } from './commands/discord-register.js';
import { lintCommand } from './commands/lint.js';
import { reportCommand } from './commands/report.js';
import { suggestionsCommand } from './commands/suggestions.js';
import { slackManifestCommand } from './commands/slack-manifest.js';
import { topicsCommand } from './commands/topics.js';
import { weeklyCommand } from './commands/weekly.js';

/** Every `devops-bot` subcommand; usage and dispatch come from this list. */
export const CLI_COMMANDS: CliCommand[] = [
  askCommand,
  topicsCommand,
  catalogCommand,
  lintCommand,
  weeklyCommand,
  reportCommand,
  suggestionsCommand,
  checkLinksCommand,
  discordRegisterCommand,
  slackManifestCommand,
];

function usage(): string {
  return [
    'Usage: devops-bot <command> [options]',
    '',
    ...CLI_COMMANDS.map((command) => `  devops-bot ${command.usage}\n      ${command.summary}`),
  ].join('\n');
}

/** The streams and environment of one CLI call. */
export type CliProcess = Omit<CliIo, 'config'> & {
  env: NodeJS.ProcessEnv;
  /** The platform registry; by default every platform under `adapters/` ({@link PLATFORMS}). */
  platforms?: readonly PlatformDescriptor[];
};

/**
 * Runs one CLI call and resolves with its exit code: 0 ok, 1 content errors (lint) or a platform
 * that could not be reached, 2 bad call or setup.
 */
export async function runCli(argv: string[], cli: CliProcess): Promise<number> {
  const { env, platforms = PLATFORMS, ...io } = cli;
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(usage() + '\n');
    return name === undefined ? 2 : 0;
  }
  const command = CLI_COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`devops-bot: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: attachDashValues(rest, command),
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    const config = parseConfig(env, platforms);
    return await command.run(
      { values: values as CliArgs['values'], positionals },
      { ...io, config },
    );
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      const message = error instanceof UsageError ? error.message : parseArgsMessage(error, rest);
      io.stderr.write(`devops-bot ${name}: ${message}\nUsage: devops-bot ${command.usage}\n`);
      return 2;
    }
    if (isStartupError(error)) {
      io.stderr.write(`devops-bot: ${error.message}\n`);
      return startupExitCode(error);
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): error is Error & { code: string } {
  return (
    error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
  );
}

/**
 * `--limit -1` as `--limit=-1`: Node's parser would take `-1` for an option and explain that in
 * its own terms; joined, the value reaches the command, whose message says what it accepts.
 */
function attachDashValues(args: string[], command: CliCommand): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const next = args[index + 1];
    const takesValue = command.options[arg.replace(/^--/, '')]?.type === 'string';
    if (arg.startsWith('--') && takesValue && next !== undefined && /^-[^-]/.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** Node's argument-parser errors, said in the CLI's own words. */
function parseArgsMessage(error: Error & { code: string }, args: string[]): string {
  const option =
    /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? args.find((arg) => arg.startsWith('-'));
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `there is no option ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return error.message.includes('does not take')
        ? `${option} takes no value`
        : `${option} needs a value`;
    default:
      return error.message;
  }
}
