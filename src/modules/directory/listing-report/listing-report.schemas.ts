// "Report a problem with this listing": what is wrong, and optionally how to reply.
import { z } from 'zod';

export const PROBLEMS = {
  closed: 'It has stopped running or moved',
  times: 'The day or time is wrong',
  contact: 'The phone number, email or website is wrong',
  other: 'Something else',
} as const;

export const ListingReportForm = z.object({
  problem: z.enum(Object.keys(PROBLEMS) as [keyof typeof PROBLEMS, ...(keyof typeof PROBLEMS)[]], {
    error: 'Choose what is wrong with this listing.',
  }),
  details: z
    .string()
    .trim()
    .min(1, 'Tell us what is wrong, in a sentence or two.')
    .max(2000, 'Keep it to 2,000 characters.'),
  reply_to: z
    .string()
    .trim()
    .max(254, 'An email address is at most 254 characters.')
    .refine(
      (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
      'Enter an email address like name@example.org, or leave it empty.',
    ),
});
export type ListingReportInput = z.infer<typeof ListingReportForm>;
