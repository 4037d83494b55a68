import type { ParseArgsConfig } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import type { Config } from '../../config.js';

/** What a CLI command reads and writes; processes pass their own streams, tests can pass others. */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  config: Config;
}

/** The parsed flags and positional words of a CLI call. */
export interface CliArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** A `devops-bot` subcommand, declared as data: help and argument parsing come from it. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Runs the command and resolves with the process exit code. */
  run(args: CliArgs, io: CliIo): Promise<number>;
}

/** A wrong call of the CLI (unknown flag, bad value): reported with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A positive whole number from a flag, or a usage error that says which flag. */
export function positiveInteger(
  value: string | boolean | undefined,
  flag: string,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(number) || number < 1) {
    throw new UsageError(`--${flag} takes a whole number of at least 1, not "${String(value)}"`);
  }
  return number;
}
