// The instrument definition format (format_version 1), as a zod schema plus the TypeScript types
// derived from it. This file checks the *shape* only; rules that relate fields to each other
// (lookup tables covering every total, bands inside the range, ...) live in definition-rules.ts.
// Field names are snake_case because definitions are JSON files people read, write and upload.

import { z } from 'zod';

export const DEFINITION_FORMAT_VERSION = 1;

const text = z.string().trim().min(1, 'must not be empty');

/** Keys are stored in the database and used as import column names, so keep them plain. */
const key = z
  .string()
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z][a-z0-9_]*$/, 'use lower-case letters, digits and underscores, starting with a letter');

const finiteNumber = z.number().refine(Number.isFinite, 'must be a finite number');

export const responseOptionSchema = z.strictObject({
  /** The score this answer contributes. */
  value: finiteNumber,
  /** What the person sees, e.g. "Strongly agree". */
  label: text,
});

export const itemSchema = z.strictObject({
  key,
  text,
  options: z.array(responseOptionSchema).min(2, 'an item needs at least two answers to choose from'),
});

export const directionSchema = z.enum(['higher_is_better', 'lower_is_better']);

export const rangeSchema = z.strictObject({ min: finiteNumber, max: finiteNumber });

export const bandSchema = z.strictObject({
  key,
  label: text,
  /** Inclusive lower bound of the reported score. */
  min: finiteNumber,
  /** Inclusive upper bound of the reported score. */
  max: finiteNumber,
});

export const bandSetSchema = z.strictObject({
  /** Where the thresholds come from, so nobody presents informal cut-offs as validated ones. */
  source: text,
  note: text.optional(),
  bands: z.array(bandSchema).min(1, 'list at least one band, or use null for no bands'),
});

export const reliabilitySchema = z.strictObject({
  value: z.number().gt(0, 'must be above 0').lte(1, 'must be at most 1'),
  statistic: z.enum(['cronbach_alpha', 'test_retest', 'other']),
  source: text,
});

export const referenceSdSchema = z.strictObject({
  value: z.number().gt(0, 'must be above 0'),
  population: text,
  source: text,
});

export const normSchema = z.strictObject({
  population: text,
  period: text,
  mean: finiteNumber,
  source: text,
});

export const measureSchema = z.strictObject({
  key,
  name: text,
  /** Keys of the items this measure is calculated from. */
  items: z.array(key).min(1, 'a measure needs at least one item'),
  /** Lowest and highest reported score possible. Checked against the items and scoring. */
  range: rangeSchema,
  direction: directionSchema,
  bands: bandSetSchema.nullable(),
  /** Used with reference_sd for the reliable change index; null when no trustworthy figure is known. */
  reliability: reliabilitySchema.nullable(),
  reference_sd: referenceSdSchema.nullable(),
  /** Required when reliability or reference_sd is null: say why, so the gap is visible. */
  psychometrics_note: text.optional(),
  norms: z.array(normSchema).optional(),
});

export const lookupRowSchema = z.strictObject({ raw: finiteNumber, score: finiteNumber });

export const scoringSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('sum') }),
  z.strictObject({ method: z.literal('mean') }),
  z.strictObject({
    method: z.literal('lookup'),
    /** Raw total (sum of item values) -> reported score, e.g. a Rasch-based metric conversion. */
    table: z.array(lookupRowSchema).min(1, 'the lookup table needs at least one row'),
    table_source: text,
  }),
  /** Each measure is one item, reported as answered (ONS4's four questions). */
  z.strictObject({ method: z.literal('separate') }),
]);

export const licenceSchema = z.strictObject({
  name: text,
  url: z.url('must be a web address').nullable().optional(),
  /** Licence or registration reference; required for definitions that are not free to use. */
  reference: text.nullable().optional(),
  /** True only when anyone may use the instrument without registering or asking permission. */
  free_to_use: z.boolean(),
  /** Text to show wherever the instrument or its results appear. */
  attribution: text,
  note: text.optional(),
});

export const instrumentDefinitionSchema = z.strictObject({
  format_version: z.literal(DEFINITION_FORMAT_VERSION, `must be ${DEFINITION_FORMAT_VERSION}`),
  key,
  /** The definition's own version; change it whenever wording, options or scoring change. */
  version: text,
  name: text,
  short_name: text,
  purpose: text,
  citation: text,
  licence: licenceSchema,
  instructions: text.optional(),
  recall_period: text.optional(),
  /** Caveats a reader must know (unconfirmed wording, open licence questions...). */
  notes: z.array(text).optional(),
  items: z.array(itemSchema).min(1, 'an instrument needs at least one item'),
  scoring: scoringSchema,
  measures: z.array(measureSchema).min(1, 'an instrument needs at least one measure'),
  /** Whether the network pools results from every organisation for this instrument. */
  pooled_by_network: z.boolean(),
  /** 'network' for shared instruments; 'organisation' for an organisation's own custom measure. */
  scope: z.enum(['network', 'organisation']),
});

export type InstrumentDefinition = z.infer<typeof instrumentDefinitionSchema>;
export type InstrumentItem = z.infer<typeof itemSchema>;
export type ResponseOption = z.infer<typeof responseOptionSchema>;
export type Measure = z.infer<typeof measureSchema>;
export type Band = z.infer<typeof bandSchema>;
export type BandSet = z.infer<typeof bandSetSchema>;
export type Scoring = z.infer<typeof scoringSchema>;
export type ScoringMethod = Scoring['method'];
export type Direction = z.infer<typeof directionSchema>;
export type Licence = z.infer<typeof licenceSchema>;
export type Scope = InstrumentDefinition['scope'];

/** One thing wrong with a definition: where (a readable path) and what. */
export interface DefinitionProblem {
  path: string;
  message: string;
}
