// Turns one spreadsheet row into an ActivityRecord, or lists everything wrong with it.

import type { ColumnMapping } from './column-mapping.ts';
import { RowReader } from './field-values.ts';
import type { FieldContext } from './field-values.ts';
import type { ImportProblem } from './import-problem.ts';
import type { ActivityRecord } from './import-records.ts';
import type { RecordRow } from './read-rows.ts';
import { ACTIVITIES_SCHEMA, fieldOf } from './target-schemas.ts';
import type { TargetField } from './target-schemas.ts';

const field = (key: string): TargetField => fieldOf(ACTIVITIES_SCHEMA, key);

export function validateActivityRow(
  row: RecordRow,
  mapping: ColumnMapping,
  context: FieldContext,
): { record: ActivityRecord } | { problems: ImportProblem[] } {
  const reader = new RowReader(row, mapping, context);
  const record = reader.readAll(ACTIVITIES_SCHEMA.fields) as Record<keyof ActivityRecord, unknown>;

  if (
    typeof record.first_time_attendees === 'number' &&
    typeof record.attendance === 'number' &&
    record.first_time_attendees > record.attendance
  ) {
    reader.problem(
      field('first_time_attendees'),
      `${record.first_time_attendees} first-time attendees is more than the attendance of ${record.attendance}.`,
      'First-time attendees are counted within the attendance, so check both numbers.',
    );
  }
  if (
    typeof record.volunteer_hours === 'number' &&
    typeof record.volunteers === 'number' &&
    record.volunteer_hours > record.volunteers * 24
  ) {
    reader.problem(
      field('volunteer_hours'),
      `${record.volunteer_hours} volunteer hours is more than ${record.volunteers} volunteers could give in one day.`,
      'Check the hours and the number of volunteers.',
    );
  }
  return reader.problems.length > 0 ? { problems: reader.problems } : { record: record as unknown as ActivityRecord };
}
