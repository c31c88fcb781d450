// The typed records an import produces; the sink stores them. Field names match the columns of
// the import files (and are meant to match the database columns).

import type { MeasureScore } from '../../domain/scoring.ts';

export interface ParticipantRecord {
  /** Upper case: codes are compared without regard to capitals. */
  code: string;
  first_name: string | null;
  age_band: string | null;
  gender: string | null;
  ethnicity: string | null;
  local_authority: string | null;
  consent_record: boolean | null;
  consent_network: boolean | null;
  consent_contact: boolean | null;
  /** ISO yyyy-mm-dd. */
  consent_date: string | null;
}

export interface AssessmentRecord {
  participant_code: string;
  instrument_key: string;
  instrument_version: string;
  /** ISO yyyy-mm-dd. */
  date: string;
  /** Lower case, single spaces, e.g. "baseline", "3 months". */
  time_point: string | null;
  /** Item key -> answer value, always complete for the instrument. */
  responses: Record<string, number>;
  /** Worked out from the responses, never read from the file. */
  scores: MeasureScore[];
}

export interface ActivityRecord {
  date: string;
  activity_type: string;
  attendance: number;
  first_time_attendees: number | null;
  volunteers: number | null;
  volunteer_hours: number | null;
}

export interface RecordsByTarget {
  participants: ParticipantRecord;
  assessments: AssessmentRecord;
  activities: ActivityRecord;
}

/** What the sink receives: the record plus where it came from and its duplicate-detection key. */
export interface ImportedRecord<T> {
  rowNumber: number;
  naturalKey: string;
  record: T;
}
