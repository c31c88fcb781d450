// Turns one spreadsheet row into a ParticipantRecord, or lists everything wrong with it.

import type { ColumnMapping } from './column-mapping.ts';
import { RowReader } from './field-values.ts';
import type { FieldContext } from './field-values.ts';
import type { ImportProblem } from './import-problem.ts';
import type { ParticipantRecord } from './import-records.ts';
import type { RecordRow } from './read-rows.ts';
import { PARTICIPANTS_SCHEMA } from './target-schemas.ts';
import type { TargetField } from './target-schemas.ts';

const field = (key: string): TargetField => PARTICIPANTS_SCHEMA.fields.find((candidate) => candidate.key === key) as TargetField;

export function validateParticipantRow(row: RecordRow, mapping: ColumnMapping, context: FieldContext): { record: ParticipantRecord } | { problems: ImportProblem[] } {
  const reader = new RowReader(row, mapping, context);
  const record = {
    code: reader.read(field('code')),
    first_name: reader.read(field('first_name')),
    age_band: reader.read(field('age_band')),
    gender: reader.read(field('gender')),
    ethnicity: reader.read(field('ethnicity')),
    local_authority: reader.read(field('local_authority')),
    consent_record: reader.read(field('consent_record')),
    consent_network: reader.read(field('consent_network')),
    consent_contact: reader.read(field('consent_contact')),
    consent_date: reader.read(field('consent_date')),
  };
  if (record.consent_network === true && record.consent_record === false) {
    reader.problem(field('consent_network'), 'Consent to share with the network is Yes, but consent to keep a record is No.', 'Sharing needs a record to share; check both answers with the participant.');
  }
  return reader.problems.length > 0 ? { problems: reader.problems } : { record: record as ParticipantRecord };
}
