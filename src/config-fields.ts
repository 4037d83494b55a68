// The namespace import lets the bundler keep only the parts used (the named export pulls in every
// locale): a quarter of the size, and of the start-up time spent compiling it.
import * as z from 'zod';

/** One bad environment variable: its name, what is wrong and what to do. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** An optional text variable, trimmed. */
export const optionalText = z.string().trim().optional();

/** A yes/no variable: true, 1 or yes; false, 0, no or unset. */
export const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** A comma-separated list; empty items are dropped. */
export const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

/** An optional http:// or https:// URL. */
export const httpUrl = optionalText.refine(
  (value) => value === undefined || /^https?:\/\/\S+$/.test(value),
  {
    message: 'must be an http:// or https:// URL',
  },
);

/** An optional secret token that starts with `prefix`; a bad one is reported without its value. */
export const token = (prefix: string) =>
  optionalText.refine((value) => value === undefined || value.startsWith(prefix), {
    message: `must be a token starting with ${prefix} (the value is not shown)`,
  });
