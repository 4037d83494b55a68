// zod/mini: the same checks as classic zod, built from functions the bundler can leave out when
// unused, and far cheaper to load and to build schemas with at every start.
import { isIP } from 'node:net';
import * as z from 'zod/mini';
import { cronProblem } from './weekly/schedule-values.js';

/** One bad environment variable: its name, what is wrong and what to do. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** An optional text variable, trimmed. */
export const optionalText = z.optional(z.string().check(z.trim()));

/** A yes/no variable: true, 1 or yes; false, 0, no or unset. */
export const flag = z.pipe(
  z.optional(
    z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' }),
  ),
  z.transform((value) => value === 'true' || value === '1' || value === 'yes'),
);

/** A comma-separated list; empty items are dropped. */
export const list = z.pipe(
  z.optional(z.string()),
  z.transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  ),
);

/** An optional http:// or https:// URL. */
export const httpUrl = optionalText.check(
  z.refine((value) => value === undefined || /^https?:\/\/\S+$/.test(value), {
    message: 'must be an http:// or https:// URL',
  }),
);

/** An optional secret token that starts with `prefix`; a bad one is reported without its value. */
export const token = (prefix: string) =>
  optionalText.check(
    z.refine((value) => value === undefined || value.startsWith(prefix), {
      message: `must be a token starting with ${prefix} (the value is not shown)`,
    }),
  );

/** What {@link wholeNumber} says about a value that is not one, or not in its range. */
export interface WholeNumberMessages {
  notANumber: string;
  notWhole: string;
  belowMin: string;
  aboveMax: string;
}

/** A whole number from `min` to `max`, `fallback` when unset. */
export const wholeNumber = (
  { min, max, fallback }: { min: number; max: number; fallback: number },
  messages: WholeNumberMessages,
) =>
  z._default(
    z.coerce
      .number({ message: messages.notANumber })
      .check(
        z.int(messages.notWhole),
        z.gte(min, messages.belowMin),
        z.lte(max, messages.aboveMax),
      ),
    fallback,
  );

/** Where the bot listens unless `HOST` / `OPS_HOST` say otherwise: this machine only. */
export const LOOPBACK = '127.0.0.1';

/** A port number, `fallback` when unset; 0 picks a free port. */
export const port = (fallback: number) =>
  wholeNumber(
    { min: 0, max: 65535, fallback },
    {
      notANumber: 'must be a port number',
      notWhole: 'must be a whole number',
      belowMin: 'must be 0 to 65535',
      aboveMax: 'must be 0 to 65535',
    },
  );
const HOSTNAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
/** An address to listen on (an IP address or a host name), this machine only when unset. */
export const bindAddress = z._default(
  z.string().check(
    z.trim(),
    z.refine((value) => isIP(value) !== 0 || HOSTNAME.test(value), {
      message:
        "must be an address to listen on: 127.0.0.1 (this machine only), 0.0.0.0 (every interface) or one interface's address",
    }),
  ),
  LOOPBACK,
);
/** Adds an issue to a variable that is set and is not a cron expression. */
export function checkCron(pattern: string | undefined, context: z.core.$RefinementCtx): void {
  const problem = pattern === undefined ? undefined : cronProblem(pattern);
  if (problem)
    context.addIssue({ code: 'custom', message: `is not a valid cron expression: ${problem}` });
}
