// The form a coordinator uses to change a help line's number and say they have checked it.
import { z } from 'zod';

export const helpLineParam = z.object({ line: z.uuid() });

export const HelpLineForm = z
  .object({
    number: z
      .string()
      .trim()
      .max(30, 'A phone number is at most 30 characters.')
      .regex(/^[0-9 ]*$/, 'Use only digits and spaces, for example 0800 587 5879.'),
    purpose: z
      .string()
      .trim()
      .min(1, 'Say in a sentence what this number is for.')
      .max(200, 'Keep it to 200 characters.'),
    checked: z.enum(['yes', 'no'], { error: 'Say whether you have just checked this number.' }),
  })
  .refine((f) => !(f.checked === 'yes' && f.number === ''), {
    path: ['number'],
    message: 'Enter the number you checked.',
  });
export type HelpLineInput = z.infer<typeof HelpLineForm>;
