// Input for the retention pages: the rule, a reason for keeping someone, and the ids in the address.
import { z } from 'zod';

export const RuleForm = z.object({
  years: z
    .enum(['off', '2', '3', '6', '7'], {
      error: 'Choose how long to keep records: off, or 2, 3, 6 or 7 years',
    })
    .transform((v) => (v === 'off' ? null : (Number(v) as 2 | 3 | 6 | 7))),
});

export const KeepForm = z.object({
  reason: z
    .string({ error: 'Say why this record should be kept' })
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(1, { error: 'Say why this record should be kept' })
        .max(500, { error: 'Keep the reason to 500 characters or fewer' }),
    ),
});

export const batchParam = z.object({ batch: z.uuid() });
export const memberParam = z.object({ batch: z.uuid(), participant: z.uuid() });
