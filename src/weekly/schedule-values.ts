import { Cron } from 'croner';

/** True when `timeZone` is an IANA time zone name this runtime knows, such as `Europe/Paris`. */
export function isTimeZone(timeZone: string): boolean {
  // The default needs no check, and the first DateTimeFormat loads time zone data: a good share
  // of start-up for every process, the console and each CLI call included.
  if (timeZone === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone.includes('/') || timeZone === 'UTC';
  } catch {
    return false;
  }
}

/** Why a cron expression is not valid, or undefined when it is. */
export function cronProblem(pattern: string): string | undefined {
  try {
    new Cron(pattern, { paused: true }).stop();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^CronPattern: /, '') : String(error);
  }
}

const DURATION = /^(\d+(?:\.\d+)?)\s*(m|min|h|d)?$/i;
const UNIT_MS: Record<string, number> = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds in a duration such as `12h`, `90m` or `1d` (a bare number is hours), or undefined. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[(match[2] ?? 'h').toLowerCase()]!;
}
