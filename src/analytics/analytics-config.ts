import * as z from 'zod/mini';
import { wholeNumber } from '../config-fields.js';

/** Whether and how long the bot remembers questions and votes for the curator's report. */
export interface AnalyticsConfig {
  /** False with `ANALYTICS=off`: no question asked in chat is recorded. */
  enabled: boolean;
  /** Questions and votes older than this many days are purged, once a day. */
  retentionDays: number;
  /** The salt user ids are hashed with; unset, one is generated once and kept in the store. */
  salt?: string;
}

/** The environment variables of {@link AnalyticsConfig}, part of the one configuration schema. */
export const analyticsEnvironment = {
  ANALYTICS: z._default(z.enum(['on', 'off'], { message: 'must be on or off' }), 'on'),
  ANALYTICS_RETENTION_DAYS: wholeNumber(
    { min: 1, max: 3650, fallback: 90 },
    {
      notANumber: 'must be a number of days',
      notWhole: 'must be a whole number of days',
      belowMin: 'must be at least 1 day',
      aboveMax: 'must be at most 3650 days',
    },
  ),
  ANALYTICS_SALT: z.optional(
    z
      .string()
      .check(z.trim(), z.minLength(16, 'must be at least 16 characters (the value is not shown)')),
  ),
};

/** The analytics settings from the parsed environment. */
export function analyticsConfig(values: {
  ANALYTICS: 'on' | 'off';
  ANALYTICS_RETENTION_DAYS: number;
  ANALYTICS_SALT?: string | undefined;
}): AnalyticsConfig {
  return {
    enabled: values.ANALYTICS === 'on',
    retentionDays: values.ANALYTICS_RETENTION_DAYS,
    ...(values.ANALYTICS_SALT ? { salt: values.ANALYTICS_SALT } : {}),
  };
}
