import { Cron } from 'croner';
import { cronProblem, isTimeZone } from './schedule-values.js';

/** When a channel gets its post: a cron pattern read in a time zone. */
export interface Schedule {
  cron: string;
  timezone: string;
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const CRON_FIELD = /^[\d*?/,LW#A-Za-z-]+$/;

/**
 * Reads a schedule as people type it after `subscribe`: nothing (the defaults),
 * `weekly monday 09:00 Europe/Paris`, or a cron expression with an optional time zone
 * (`0 9 * * 1 America/New_York`). Returns the problem in words when it cannot.
 */
export function parseSchedule(text: string, defaults: Schedule): Schedule | { problem: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return defaults;
  let cron: string;
  let rest: string[];
  if (words[0]!.toLowerCase() === 'weekly') {
    const day = dayNumber(words[1]);
    const time = /^(\d{1,2})(?::(\d{2}))?$/.exec(words[2] ?? '');
    if (day === undefined || !time || Number(time[1]) > 23 || Number(time[2] ?? 0) > 59) {
      return {
        problem:
          'Write the schedule as `weekly DAY HH:MM [TIME_ZONE]`, e.g. `weekly monday 09:00 Europe/Paris`.',
      };
    }
    cron = `${Number(time[2] ?? 0)} ${Number(time[1])} * * ${day}`;
    rest = words.slice(3);
  } else {
    const fields = words.slice(0, 5);
    if (fields.length < 5 || !fields.every((field) => CRON_FIELD.test(field))) {
      return {
        problem:
          'Give `weekly DAY HH:MM [TIME_ZONE]` or a cron expression of five fields, e.g. `0 9 * * 1 UTC`.',
      };
    }
    cron = fields.join(' ');
    const problem = cronProblem(cron);
    if (problem) return { problem: `\`${cron}\` is not a valid cron expression: ${problem}` };
    rest = words.slice(5);
  }
  if (rest.length > 1)
    return {
      problem: `Only a time zone may follow the time; "${rest.join(' ')}" is more than one.`,
    };
  const timezone = rest[0] ?? defaults.timezone;
  if (!isTimeZone(timezone)) {
    return {
      problem: `"${timezone}" is not a time zone. Use an IANA name such as Europe/Paris, America/New_York or UTC.`,
    };
  }
  return { cron, timezone };
}

/** The scheduled instants strictly after `after`, `count` of them. */
export function nextSlots(schedule: Schedule, after: Date, count: number): Date[] {
  const cron = new Cron(schedule.cron, { timezone: schedule.timezone, paused: true });
  const slots = cron.nextRuns(count, after);
  cron.stop();
  return slots;
}

/** The latest scheduled instant at or before `at`, if any. */
export function previousSlot(schedule: Schedule, at: Date): Date | undefined {
  const cron = new Cron(schedule.cron, { timezone: schedule.timezone, paused: true });
  const [slot] = cron.previousRuns(1, new Date(at.getTime() + 1));
  cron.stop();
  return slot;
}

/** The schedule in words: `every Monday at 09:00 (Europe/Paris)`, or the cron pattern. */
export function describeSchedule(schedule: Schedule): string {
  const weekly = /^(\d{1,2}) (\d{1,2}) \* \* ([0-6])$/.exec(schedule.cron);
  if (weekly) {
    const day = DAYS[Number(weekly[3])]!;
    const time = `${weekly[2]!.padStart(2, '0')}:${weekly[1]!.padStart(2, '0')}`;
    return `every ${day.charAt(0).toUpperCase()}${day.slice(1)} at ${time} (${schedule.timezone})`;
  }
  return `on the schedule \`${schedule.cron}\` (${schedule.timezone})`;
}

/** A date as people in the schedule's time zone read it: `Mon, 30 Nov 2026, 09:00 CET`. */
export function formatInZone(date: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

function dayNumber(word: string | undefined): number | undefined {
  if (!word || word.length < 3) return undefined;
  const index = DAYS.findIndex((day) => day.startsWith(word.toLowerCase()));
  return index === -1 ? undefined : index;
}
