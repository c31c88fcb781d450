// What the library's forms and search accept.
import { z } from 'zod';
import { SERVICE_TYPE_CODES_FOR_LEARNING } from '../learning.vocab.ts';
import { CHIME_DOMAINS, RESOURCE_KINDS, TOPICS } from '../domain/tags.ts';

const optionalOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional()).catch(undefined);

export const SearchQuery = z.object({
  q: z.string().max(200).catch('').default(''),
  kind: optionalOf(RESOURCE_KINDS),
  chime: optionalOf(CHIME_DOMAINS),
  topic: optionalOf(TOPICS),
  org: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(100)
    .optional()
    .catch(undefined),
  area: z.string().max(100).optional().catch(undefined),
  language: optionalOf(['en', 'cy'] as const),
  page: z.coerce.number().int().min(1).max(500).catch(1).default(1),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

const list = (values: readonly string[], message: string) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string())
      .refine((a) => a.every((x) => values.includes(x)), message)
      .transform((a) => [...new Set(a)]),
  );

const text = (max: number, what: string) => z.string().trim().max(max, `${what} must be ${max} characters or fewer`);

const base = {
  title: z
    .string({ error: 'Enter a title' })
    .trim()
    .min(1, 'Enter a title')
    .max(200, 'The title must be 200 characters or fewer'),
  summary: text(600, 'The summary').default(''),
  language: z.enum(['en', 'cy'], { error: 'Choose a language' }).default('en'),
  visibility: z.enum(['public', 'members'], { error: 'Choose who can see it' }),
  chime: list(CHIME_DOMAINS, 'Choose from the CHIME list'),
  topics: list(TOPICS, 'Choose from the topics'),
  service_types: list(SERVICE_TYPE_CODES_FOR_LEARNING, 'Choose from the kinds of support'),
  links: z
    .string()
    .max(3000, 'Links must be 3,000 characters or fewer')
    .default('')
    .transform((s) => s.split(/\s+/).filter(Boolean))
    .refine((a) => a.length <= 10, 'Add at most 10 links')
    .refine(
      (a) => a.every((u) => /^https?:\/\/[^\s<>"]+$/i.test(u) && u.length <= 300),
      'Each link must start with https:// or http://',
    ),
};

export const ResourceForm = z.object({
  ...base,
  kind: z.enum(
    RESOURCE_KINDS.filter((k) => k !== 'story') as ['guide', 'template', 'policy', 'toolkit', 'evaluation'],
    { error: 'Choose what kind of resource it is' },
  ),
  body: z
    .string({ error: 'Write the resource' })
    .trim()
    .min(1, 'Write the resource')
    .max(100000, 'The resource must be 100,000 characters or fewer'),
});
export type ResourceForm = z.infer<typeof ResourceForm>;

export const STORY_SECTIONS = [
  { key: 'what', label: 'What we did' },
  { key: 'why', label: 'Why we did it' },
  { key: 'happened', label: 'What happened' },
  { key: 'cost', label: 'What it cost' },
  { key: 'copy', label: 'How to copy it' },
  { key: 'contact', label: 'Who to talk to' },
] as const;

export const StoryForm = z.object({
  ...base,
  what: z
    .string({ error: 'Say what you did' })
    .trim()
    .min(1, 'Say what you did')
    .max(10000, 'Keep each part to 10,000 characters'),
  why: z
    .string({ error: 'Say why you did it' })
    .trim()
    .min(1, 'Say why you did it')
    .max(10000, 'Keep each part to 10,000 characters'),
  happened: z
    .string({ error: 'Say what happened' })
    .trim()
    .min(1, 'Say what happened')
    .max(10000, 'Keep each part to 10,000 characters'),
  cost: z
    .string({ error: 'Say what it cost, even roughly' })
    .trim()
    .min(1, 'Say what it cost, even roughly')
    .max(10000, 'Keep each part to 10,000 characters'),
  copy: z
    .string({ error: 'Say how another group could copy it' })
    .trim()
    .min(1, 'Say how another group could copy it')
    .max(10000, 'Keep each part to 10,000 characters'),
  contact: z
    .string({ error: 'Say who to talk to' })
    .trim()
    .min(1, 'Say who to talk to')
    .max(2000, 'Keep this to 2,000 characters'),
});
export type StoryForm = z.infer<typeof StoryForm>;

export const StoryDecisionForm = z
  .object({
    decision: z.enum(['publish', 'return'], { error: 'Choose publish or send back' }),
    note: z.string().trim().max(2000, 'The note must be 2,000 characters or fewer').default(''),
  })
  .refine((v) => v.decision === 'publish' || v.note.length > 0, {
    message: 'Say what to change before sending it back',
    path: ['note'],
  });

export const uuidParam = z.string().uuid();
