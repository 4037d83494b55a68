// The namespace import lets the bundler keep only the parts used (the named export pulls in every
// locale): a quarter of the size, and of the start-up time spent compiling it.
import * as z from 'zod';

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
  ANALYTICS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  ANALYTICS_RETENTION_DAYS: z.coerce
    .number({ message: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(3650, 'must be at most 3650 days')
    .default(90),
  ANALYTICS_SALT: z
    .string()
    .trim()
    .min(16, 'must be at least 16 characters (the value is not shown)')
    .optional(),
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
