// Form and parameter schemas for consultations.
import { DateTime } from 'luxon';
import { z } from 'zod';

export const uuidParam = z.string().uuid();

const ukTime = (label: string) =>
  z
    .string({ error: `Enter when it ${label}` })
    .min(1, `Enter when it ${label}`)
    .transform((v, ctx) => {
      const d = DateTime.fromFormat(v.replace('T', ' '), 'yyyy-MM-dd HH:mm', { zone: 'Europe/London' });
      if (!d.isValid) {
        ctx.addIssue({
          code: 'custom',
          message: `Enter when it ${label} as a date and time, for example 2026-03-01 09:00`,
        });
        return z.NEVER;
      }
      return d.toJSDate();
    });

export const ConsultationForm = z
  .object({
    title: z.string({ error: 'Enter a title' }).min(1, 'Enter a title').max(200, 'Keep the title under 200 characters'),
    background: z.string().max(20000, 'Keep the background under 20,000 characters').default(''),
    audience: z.enum(['link', 'network', 'org'], { error: 'Choose who can take part' }),
    opensAt: ukTime('opens'),
    closesAt: ukTime('closes'),
    resultsVisibility: z.enum(['after_close', 'live']).default('after_close'),
    statementsPerPerson: z.coerce
      .number({ error: 'Enter a number from 0 to 20' })
      .int('Enter a whole number')
      .min(0, 'Enter a number from 0 to 20')
      .max(20, 'Enter a number from 0 to 20')
      .default(3),
    statements: z
      .string({ error: 'Add at least two statements' })
      .transform((v) =>
        v
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().max(280, 'Keep each statement under 280 characters'))
          .min(2, 'Add at least two statements, one per line')
          .max(200, 'At most 200 statements'),
      ),
  })
  .refine((f) => f.closesAt > f.opensAt, { message: 'It must close after it opens', path: ['closesAt'] });

export const StatementForm = z.object({
  text: z
    .string({ error: 'Write your statement' })
    .min(1, 'Write your statement')
    .max(280, 'Keep it under 280 characters'),
});
