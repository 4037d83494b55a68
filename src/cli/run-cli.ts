import { parseArgs } from 'node:util';
import { parseConfig } from '../config.js';
import { isStartupError } from '../app/startup-errors.js';
import { type CliArgs, type CliCommand, type CliIo, UsageError } from './cli-command.js';
import { askCommand } from './commands/ask.js';
import { checkLinksCommand } from './commands/check-links.js';
import { catalogCommand } from './commands/catalog.js';
import { discordRegisterCommand } from './commands/discord-register.js';
import { lintCommand } from './commands/lint.js';
import { topicsCommand } from './commands/topics.js';
import { weeklyCommand } from './commands/weekly.js';

/** Every `devops-bot` subcommand; usage and dispatch come from this list. */
export const CLI_COMMANDS: CliCommand[] = [
  askCommand,
  topicsCommand,
  catalogCommand,
  lintCommand,
  weeklyCommand,
  checkLinksCommand,
  discordRegisterCommand,
];

function usage(): string {
  return [
    'Usage: devops-bot <command> [options]',
    '',
    ...CLI_COMMANDS.map((command) => `  devops-bot ${command.usage}\n      ${command.summary}`),
  ].join('\n');
}

/** The streams and environment of one CLI call. */
export type CliProcess = Omit<CliIo, 'config'> & { env: NodeJS.ProcessEnv };

/** Runs one CLI call and resolves with its exit code: 0 ok, 1 content errors (lint), 2 bad call or setup. */
export async function runCli(argv: string[], cli: CliProcess): Promise<number> {
  const { env, ...io } = cli;
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
      args: rest,
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    const config = parseConfig(env);
    return await command.run(
      { values: values as CliArgs['values'], positionals },
      { ...io, config },
    );
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr.write(
        `devops-bot ${name}: ${(error as Error).message}\nUsage: devops-bot ${command.usage}\n`,
      );
      return 2;
    }
    if (isStartupError(error)) {
      io.stderr.write(`devops-bot: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  return (
    error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
  );
}
