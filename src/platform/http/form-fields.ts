// Form fields more than one module asks for, so each message is written once.
import { z } from 'zod';

/** One message per field name, for the error summary and the field itself. */
export type FieldErrors = Record<string, string>;

const EMAIL_FORMAT = 'Enter an email address in the right format, like name@example.org';

/** A required email address, trimmed and lower-cased. */
export const emailField = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'That email address is too long')
  .transform((s) => s.toLowerCase())
  .pipe(z.email({ error: EMAIL_FORMAT }));

/** An email address that may be left empty (the caller wraps it as optional). */
export const optionalEmailText = z
  .string()
  .trim()
  .max(254, 'That email address is too long')
  .transform((s) => s.toLowerCase())
  .pipe(z.email({ error: EMAIL_FORMAT }));
