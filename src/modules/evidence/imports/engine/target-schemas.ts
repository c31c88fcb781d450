// What each kind of import expects: its fields, which are required, how to read them, and other
// names people commonly give those columns (used to suggest a column mapping).

import type { InstrumentDefinition } from '../../domain/instrument-definition.ts';
import type { Choice } from './parse-choice.ts';

export type ImportTarget = 'participants' | 'assessments' | 'activities';

/** What each import brings in, as people call it. */
export const IMPORT_TARGET_NAMES: Record<ImportTarget, string> = {
  participants: 'Participants',
  assessments: 'Questionnaires',
  activities: 'Sessions',
};

export type FieldKind =
  | { type: 'text'; maxLength: number }
  | { type: 'participant_code' }
  | { type: 'date' }
  | { type: 'whole_number'; min: number; max: number }
  | { type: 'decimal'; min: number; max: number }
  | { type: 'choice'; choices: readonly Choice<string>[] }
  | { type: 'yes_no' }
  | { type: 'instrument' }
  | { type: 'item_answer'; instrumentKey: string; itemKey: string };

export interface TargetField {
  key: string;
  /** Plain name used in messages when the column is missing. */
  label: string;
  required: boolean;
  kind: FieldKind;
  /** Other headings that mean this field; compared loosely (see suggest-mapping.ts). */
  synonyms: readonly string[];
}

export interface TargetSchema {
  target: ImportTarget;
  fields: readonly TargetField[];
}

export const AGE_BANDS: readonly Choice<string>[] = [
  { value: '16-17', label: '16-17', aliases: ['16 to 17'] },
  { value: '18-24', label: '18-24', aliases: ['18 to 24'] },
  { value: '25-34', label: '25-34', aliases: ['25 to 34'] },
  { value: '35-44', label: '35-44', aliases: ['35 to 44'] },
  { value: '45-54', label: '45-54', aliases: ['45 to 54'] },
  { value: '55-64', label: '55-64', aliases: ['55 to 64'] },
  { value: '65+', label: '65+', aliases: ['65 and over', '65 or over', '65 plus', 'over 65'] },
  {
    value: 'not_known',
    label: 'Prefer not to say',
    aliases: ['not known', 'unknown', 'not stated', 'prefer not to say', 'declined'],
  },
];

const text = (maxLength: number): FieldKind => ({ type: 'text', maxLength });

export const PARTICIPANTS_SCHEMA: TargetSchema = {
  target: 'participants',
  fields: [
    {
      key: 'code',
      label: 'participant code',
      required: true,
      kind: { type: 'participant_code' },
      synonyms: [
        'participant code',
        'code',
        'participant id',
        'client code',
        'client id',
        'person code',
        'id',
        'reference',
      ],
    },
    {
      key: 'first_name',
      label: 'first name',
      required: false,
      kind: text(100),
      synonyms: ['first name', 'forename', 'given name', 'name'],
    },
    {
      key: 'age_band',
      label: 'age band',
      required: false,
      kind: { type: 'choice', choices: AGE_BANDS },
      synonyms: ['age band', 'age group', 'age range', 'age'],
    },
    { key: 'gender', label: 'gender', required: false, kind: text(50), synonyms: ['gender', 'sex', 'gender identity'] },
    {
      key: 'ethnicity',
      label: 'ethnicity',
      required: false,
      kind: text(100),
      synonyms: ['ethnicity', 'ethnic group', 'ethnic origin'],
    },
    {
      key: 'local_authority',
      label: 'local authority',
      required: false,
      kind: text(100),
      synonyms: ['local authority', 'la', 'council', 'borough', 'local authority area'],
    },
    {
      key: 'consent_record',
      label: 'consent to keep a record',
      required: true,
      kind: { type: 'yes_no' },
      synonyms: ['consent record', 'consent to record', 'record consent', 'consent'],
    },
    {
      key: 'consent_network',
      label: 'consent to share with the network',
      required: false,
      kind: { type: 'yes_no' },
      synonyms: ['consent network', 'consent to share', 'network consent', 'share with network'],
    },
    {
      key: 'consent_contact',
      label: 'consent to be contacted',
      required: false,
      kind: { type: 'yes_no' },
      synonyms: ['consent contact', 'consent to contact', 'contact consent', 'ok to contact'],
    },
    {
      key: 'consent_date',
      label: 'consent date',
      required: false,
      kind: { type: 'date' },
      synonyms: ['consent date', 'date of consent', 'date consented', 'consent given on'],
    },
  ],
};

export const ACTIVITIES_SCHEMA: TargetSchema = {
  target: 'activities',
  fields: [
    {
      key: 'date',
      label: 'date',
      required: true,
      kind: { type: 'date' },
      synonyms: ['date', 'session date', 'activity date', 'date of session', 'day'],
    },
    {
      key: 'activity_type',
      label: 'activity type',
      required: true,
      kind: text(100),
      synonyms: ['activity type', 'activity', 'type', 'session type', 'session', 'group'],
    },
    {
      key: 'attendance',
      label: 'attendance',
      required: true,
      kind: { type: 'whole_number', min: 0, max: 100_000 },
      synonyms: [
        'attendance',
        'attendees',
        'attended',
        'number attending',
        'no attending',
        'no of attendees',
        'numbers',
        'people',
        'headcount',
      ],
    },
    {
      key: 'first_time_attendees',
      label: 'first-time attendees',
      required: false,
      kind: { type: 'whole_number', min: 0, max: 100_000 },
      synonyms: [
        'first time attendees',
        'first timers',
        'new attendees',
        'new people',
        'new faces',
        'newcomers',
        'first time',
      ],
    },
    {
      key: 'volunteers',
      label: 'volunteers',
      required: false,
      kind: { type: 'whole_number', min: 0, max: 10_000 },
      synonyms: ['volunteers', 'number of volunteers', 'volunteer count'],
    },
    {
      key: 'volunteer_hours',
      label: 'volunteer hours',
      required: false,
      kind: { type: 'decimal', min: 0, max: 100_000 },
      synonyms: [
        'volunteer hours',
        'hours volunteered',
        'volunteering hours',
        'vol hours',
        'vol hrs',
        'volunteer hrs',
        'hours',
      ],
    },
  ],
};

const ASSESSMENT_FIXED_FIELDS: readonly TargetField[] = [
  {
    key: 'participant_code',
    label: 'participant code',
    required: true,
    kind: { type: 'participant_code' },
    synonyms: [
      'participant code',
      'participant',
      'code',
      'participant id',
      'client code',
      'client id',
      'person code',
      'id',
    ],
  },
  {
    key: 'instrument',
    label: 'questionnaire',
    required: true,
    kind: { type: 'instrument' },
    synonyms: ['instrument', 'questionnaire', 'measure', 'tool', 'assessment', 'assessment type'],
  },
  {
    key: 'date',
    label: 'date',
    required: true,
    kind: { type: 'date' },
    synonyms: ['date', 'assessment date', 'date completed', 'completed on', 'date of assessment'],
  },
  {
    key: 'time_point',
    label: 'time point',
    required: false,
    kind: text(40),
    synonyms: ['time point', 'timepoint', 'stage', 'wave', 'review point', 'review', 'occasion'],
  },
];

/**
 * The assessments schema depends on which instruments the organisation uses: one column per item
 * (barc10_1..barc10_10, ons4_satis...). Item columns are optional here because each row only
 * needs the columns of its own instrument; the row validator checks that.
 */
export function assessmentsSchema(instruments: readonly InstrumentDefinition[]): TargetSchema {
  const itemFields = instruments.flatMap((definition) =>
    definition.items.map(
      (item, index): TargetField => ({
        key: item.key,
        label: `${definition.short_name} question ${index + 1}`,
        required: false,
        kind: { type: 'item_answer', instrumentKey: definition.key, itemKey: item.key },
        synonyms: itemSynonyms(definition, item.key, index),
      }),
    ),
  );
  return { target: 'assessments', fields: [...ASSESSMENT_FIXED_FIELDS, ...itemFields] };
}

function itemSynonyms(definition: InstrumentDefinition, itemKey: string, index: number): string[] {
  const number = index + 1;
  const names = [definition.short_name, definition.key];
  const synonyms = names.flatMap((name) => [
    `${name} ${number}`,
    `${name} q${number}`,
    `${name} question ${number}`,
    `${name} item ${number}`,
  ]);
  const item = definition.items[index];
  if (item) synonyms.push(item.text);
  // "ons4_anxious" -> "anxious": the ONS short codes (Satis, Worth, Happy, Anxious) are common headings.
  const suffix = itemKey.startsWith(`${definition.key}_`) ? itemKey.slice(definition.key.length + 1) : '';
  if (suffix !== '' && !/^\d+$/.test(suffix)) synonyms.push(suffix);
  // For single-question measures (ONS4) the measure name is what people put in the heading.
  for (const measure of definition.measures) {
    if (measure.items.length === 1 && measure.items[0] === itemKey) synonyms.push(measure.name, measure.key);
  }
  return synonyms;
}

export function schemaFor(target: ImportTarget, instruments: readonly InstrumentDefinition[] = []): TargetSchema {
  switch (target) {
    case 'participants':
      return PARTICIPANTS_SCHEMA;
    case 'activities':
      return ACTIVITIES_SCHEMA;
    case 'assessments':
      return assessmentsSchema(instruments);
  }
}

/** A schema's field by key (the key must exist: the validators name their own fields). */
export function fieldOf(schema: TargetSchema, key: string): TargetField {
  const found = schema.fields.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no field ${key} in the ${schema.target} schema`);
  return found;
}
