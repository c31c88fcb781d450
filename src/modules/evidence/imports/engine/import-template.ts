// What a blank import template holds: one column per field the import reads, headed with the
// field's own name (so a filled-in template needs no column choosing), and for each column a note
// on whether it is needed, what to put in it and an example. Pure: the files are made elsewhere.
import type { InstrumentDefinition } from '../../domain/instrument-definition.ts';
import type { FieldKind, TargetField, TargetSchema } from './target-schemas.ts';
import { capitalise } from '../../../../platform/text.ts';

export interface TemplateColumn {
  heading: string;
  needed: 'Every row' | 'If you have it' | 'For that questionnaire';
  whatToPut: string;
  example: string;
}

/** Examples that look like a real small group's records, never a real person's. */
const EXAMPLES: Record<string, string> = {
  code: 'LRC-0042',
  participant_code: 'LRC-0042',
  first_name: 'Sam',
  age_band: '25-34',
  gender: 'Woman',
  ethnicity: 'White British',
  local_authority: 'Leeds',
  consent_record: 'Yes',
  consent_network: 'Yes',
  consent_contact: 'No',
  consent_date: '03/02/2026',
  date: '03/02/2026',
  time_point: 'Start',
  activity_type: 'Recovery café',
  attendance: '24',
  first_time_attendees: '3',
  volunteers: '4',
  volunteer_hours: '12.5',
};

/** Why a column matters, where its kind alone does not say. */
const NOTES: Record<string, string> = {
  code: 'The code you use for this person, never their full name.',
  participant_code: 'The code of someone already in your participants.',
  consent_record:
    'Yes if they agreed to you keeping a record. A row without Yes is not imported: we keep nothing about anyone who has not agreed.',
  consent_network: 'Yes if they agreed to their answers counting in the network’s figures (never their name or code).',
  consent_contact: 'Yes if they are happy to be contacted.',
  time_point: 'When in their journey this was, like Start, 3 months or End.',
  first_time_attendees: 'How many of the people there came for the first time (counted within the attendance).',
};

function describeKind(kind: FieldKind, instruments: readonly InstrumentDefinition[]): string {
  switch (kind.type) {
    case 'text':
      return `Words, up to ${kind.maxLength} characters.`;
    case 'participant_code':
      return 'Letters, numbers, hyphens, dots or slashes, no spaces, up to 40 characters.';
    case 'date':
      return 'A date, day first, like 03/02/2026.';
    case 'whole_number':
      return `A whole number from ${kind.min} to ${kind.max.toLocaleString('en-GB')}.`;
    case 'decimal':
      return `A number from ${kind.min} to ${kind.max.toLocaleString('en-GB')}; halves are fine, like 2.5.`;
    case 'choice':
      return `One of: ${kind.choices.map((c) => c.label).join(', ')}.`;
    case 'yes_no':
      return 'Yes or No.';
    case 'instrument':
      return `Which questionnaire: ${instruments.map((i) => i.short_name).join(', ') || 'one your organisation uses'}.`;
    case 'item_answer': {
      const definition = instruments.find((i) => i.key === kind.instrumentKey);
      const item = definition?.items.find((i) => i.key === kind.itemKey);
      if (!definition || !item) return 'The answer.';
      const values = item.options.map((o) => o.value);
      return `“${item.text}” The answer as a number from ${Math.min(...values)} to ${Math.max(...values)}, or its words, like “${item.options[item.options.length - 1]!.label}”. Only for ${definition.short_name} rows.`;
    }
  }
}

function exampleOf(field: TargetField, instruments: readonly InstrumentDefinition[]): string {
  if (EXAMPLES[field.key] !== undefined) return EXAMPLES[field.key]!;
  const kind = field.kind;
  if (kind.type === 'instrument') return instruments[0]?.short_name ?? '';
  if (kind.type === 'item_answer') {
    const item = instruments.find((i) => i.key === kind.instrumentKey)?.items.find((i) => i.key === kind.itemKey);
    return item ? String(item.options[item.options.length - 1]!.value) : '';
  }
  if (kind.type === 'choice') return kind.choices[0]?.label ?? '';
  return '';
}

/** The template's columns, in the order the import lists its fields. */
export function templateColumns(
  schema: TargetSchema,
  instruments: readonly InstrumentDefinition[] = [],
): TemplateColumn[] {
  return schema.fields.map((field) => ({
    heading: capitalise(field.label),
    needed: field.required
      ? 'Every row'
      : field.kind.type === 'item_answer'
        ? 'For that questionnaire'
        : 'If you have it',
    whatToPut: [NOTES[field.key], describeKind(field.kind, instruments)].filter(Boolean).join(' '),
    example: exampleOf(field, instruments),
  }));
}
