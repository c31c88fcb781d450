// Natural keys make imports idempotent: a record whose key already exists is skipped, so
// importing the same file twice adds nothing. They are stored by the sink, so their format is a
// contract: changing it would make old records look new.

import type { ActivityRecord, AssessmentRecord, ParticipantRecord } from './import-records.ts';
import { toUkDate } from './parse-date.ts';

export function participantKey(record: ParticipantRecord): string {
  return `participant:${record.code}`;
}

/** One assessment per participant, instrument, date and time point. */
export function assessmentKey(record: AssessmentRecord): string {
  return `assessment:${record.participant_code}|${record.instrument_key}|${record.date}|${record.time_point ?? ''}`;
}

/** One activity row per date and activity type (a second session of the same type that day needs a different type name). */
export function activityKey(record: ActivityRecord): string {
  return `activity:${record.date}|${record.activity_type.toLowerCase()}`;
}

/** Human description of what a key identifies, for duplicate messages. */
export function describeParticipant(record: ParticipantRecord): string {
  return `participant ${record.code}`;
}

export function describeAssessment(record: AssessmentRecord, shortName: string): string {
  const timePoint = record.time_point ? `, ${record.time_point}` : '';
  return `${shortName} for ${record.participant_code} on ${toUkDate(record.date)}${timePoint}`;
}

export function describeActivity(record: ActivityRecord): string {
  return `${record.activity_type} on ${toUkDate(record.date)}`;
}
