import { describe, expect, it } from 'vitest';
import { describeSchedule, parseSchedule } from '../../src/weekly/schedule.js';

const DEFAULTS = { cron: '0 9 * * 1', timezone: 'UTC' };

describe('schedules typed after subscribe', () => {
  it('uses the defaults when nothing is given', () => {
    expect(parseSchedule('', DEFAULTS)).toEqual(DEFAULTS);
  });

  it('reads `weekly DAY HH:MM TIME_ZONE`', () => {
    expect(parseSchedule('weekly monday 09:00 Europe/Paris', DEFAULTS)).toEqual({
      cron: '0 9 * * 1',
      timezone: 'Europe/Paris',
    });
    expect(parseSchedule('weekly fri 17:30', DEFAULTS)).toEqual({
      cron: '30 17 * * 5',
      timezone: 'UTC',
    });
  });

  it('reads a cron expression with a time zone', () => {
    expect(parseSchedule('0 8 * * 2 America/New_York', DEFAULTS)).toEqual({
      cron: '0 8 * * 2',
      timezone: 'America/New_York',
    });
  });

  it('refuses an unknown time zone, a bad day or time, and a bad cron with a message that says what to write', () => {
    for (const text of [
      'weekly monday 09:00 Mars/Olympus',
      'weekly someday 09:00',
      'weekly monday 25:00',
      '0 99 * * 1',
      'every week',
    ]) {
      const result = parseSchedule(text, DEFAULTS);
      expect('problem' in result, text).toBe(true);
    }
    expect(parseSchedule('weekly monday 09:00 Mars/Olympus', DEFAULTS)).toEqual({
      problem: expect.stringContaining('IANA'),
    });
  });

  it('describes weekly schedules in words', () => {
    expect(describeSchedule({ cron: '0 9 * * 1', timezone: 'Europe/Paris' })).toBe(
      'every Monday at 09:00 (Europe/Paris)',
    );
    expect(describeSchedule({ cron: '0 9 1 * *', timezone: 'UTC' })).toBe(
      'on the schedule `0 9 1 * *` (UTC)',
    );
  });
});
