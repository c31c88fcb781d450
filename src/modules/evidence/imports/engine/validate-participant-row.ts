// Turns one spreadsheet row into a ParticipantRecord, or lists everything wrong with it.

import type { ColumnMapping } from './column-mapping.ts';
import { RowReader } from './field-values.ts';
import type { FieldContext } from './field-values.ts';
import type { ImportProblem } from './import-problem.ts';
import type { ParticipantRecord } from './import-records.ts';
import type { RecordRow } from './read-rows.ts';
import { PARTICIPANTS_SCHEMA, fieldOf } from './target-schemas.ts';
import type { TargetField } from './target-schemas.ts';

const field = (key: string): TargetField => fieldOf(PARTICIPANTS_SCHEMA, key);

export function validateParticipantRow(
  row: RecordRow,
  mapping: ColumnMapping,
  context: FieldContext,
): { record: ParticipantRecord } | { problems: ImportProblem[] } {
  const reader = new RowReader(row, mapping, context);
  const record = reader.readAll(PARTICIPANTS_SCHEMA.fields) as Record<keyof ParticipantRecord, unknown>;
  // Without consent to keep a record there must be no record at all, so the row is refused.
  if (record.consent_record === false) {
    reader.problem(
      field('consent_record'),
      'Consent to keep a record is No, so this person cannot be added.',
      'Leave them out of the file, or check the answer with them.',
    );
  }
  return reader.problems.length > 0
    ? { problems: reader.problems }
    : { record: record as unknown as ParticipantRecord };
}
