// Form and parameter schemas for standards.
import { z } from 'zod';
import { LEVELS } from './domain/framework.ts';

export const uuidParam = z.string().uuid();
export const AssessmentParams = z.object({ org: z.string(), assessment: uuidParam });
export const IdParam = z.object({ id: uuidParam });
export const FileParams = z.object({ id: uuidParam, file: uuidParam });

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2026-12-01')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'Enter a real date');
const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .optional()
    .transform((s) => (s ?? '').trim());

export const levelOrBlank = z
  .union([z.enum(LEVELS), z.literal('')])
  .optional()
  .transform((v) => (v ? v : null));

/** One standard's part of the self-assessment form: fields named `level_C1`, `narrative_C1`, `links_C1`. */
export function answerFields(body: Record<string, unknown>, key: string) {
  return z
    .object({
      level: levelOrBlank,
      narrative: optionalText(4000, 'What you do'),
      links: optionalText(2000, 'Links'),
    })
    .safeParse({ level: body[`level_${key}`], narrative: body[`narrative_${key}`], links: body[`links_${key}`] });
}

export const TrainingForm = z
  .object({
    person: uuidParam.or(z.literal('')).refine((v) => v !== '', 'Choose a peer researcher'),
    course: z.string().trim().min(1, 'Enter the course').max(200),
    completed_on: isoDate,
    expires_on: isoDate,
  })
  .refine((t) => t.expires_on > t.completed_on, { path: ['expires_on'], message: 'Expiry must be after completion' });

export const AssignForm = z.object({
  reviewer: z.string().uuid('Choose a peer researcher'),
  override_reason: optionalText(1000, 'The reason'),
});

export const InterestForm = z.object({
  org: z.string().uuid('Choose an organisation'),
  reason: z.string().trim().min(1, 'Say what the relationship is').max(500),
});

export const DecisionForm = z
  .object({
    outcome: z.enum(['recognised', 'working_towards', 'not_yet'], { message: 'Choose a decision' }),
    feedback: z.string().trim().min(1, 'Write feedback for the organisation').max(4000),
    action_plan: optionalText(4000, 'The action plan'),
    review_by: z.union([isoDate, z.literal('')]).optional(),
    panel: z.union([z.string().uuid(), z.array(z.string().uuid())]).optional(),
  })
  .transform((d) => ({
    ...d,
    review_by: d.review_by ? d.review_by : null,
    panel: d.panel === undefined ? [] : Array.isArray(d.panel) ? d.panel : [d.panel],
  }))
  .refine((d) => d.outcome !== 'working_towards' || (d.action_plan.length > 0 && d.review_by), {
    path: ['action_plan'],
    message: 'Working towards needs an agreed action plan and a date to look again',
  });

export const ResponseForm = z.object({ response: z.string().trim().min(1, 'Write your response').max(4000) });

export const StandardEditForm = z.object({
  title: z.string().trim().min(1, 'Enter a title').max(200),
  intent: z.string().trim().min(1, 'Say what the standard is for').max(1000),
  indicators: z.string().trim().min(1, 'List at least one indicator').max(4000),
  emerging: z.string().trim().min(1, 'Describe this level').max(600),
  developing: z.string().trim().min(1, 'Describe this level').max(600),
  established: z.string().trim().min(1, 'Describe this level').max(600),
  leading: z.string().trim().min(1, 'Describe this level').max(600),
  evidence_examples: optionalText(3000, 'Examples'),
});
