// zod/mini: the same checks as classic zod, built from functions the bundler can leave out when
// unused, and far cheaper to load and to build schemas with at every start.
import * as z from 'zod/mini';

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
