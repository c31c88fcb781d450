// SQL for the organisation's export: every table it holds, read in keyset-paged batches
// (platform/db/keyset.repository.ts) so a large organisation streams out without being held in
// memory. Every query is scoped by org_id.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { keysetPage, type KeysetQuery, type KeysetRow } from '../../../platform/db/keyset.repository.ts';

export type ExportTable =
  | 'participants'
  | 'consents'
  | 'assessments'
  | 'assessment_answers'
  | 'assessment_scores'
  | 'activities'
  | 'volunteer_hours'
  | 'summaries'
  | 'measures';

export interface TableSpec {
  description: string;
  columns: { name: string; meaning: string }[];
  /** One page of rows after the given key (keyset pagination on `k`). */
  page(db: Kysely<DB>, orgId: string, after: string, limit: number): Promise<KeysetRow[]>;
}

const paged =
  (query: KeysetQuery): TableSpec['page'] =>
  (db, orgId, after, limit) =>
    keysetPage(db, query, orgId, after, limit);

export const EXPORT_TABLES: Record<ExportTable, TableSpec> = {
  participants: {
    description: 'One row per participant.',
    columns: [
      { name: 'participant_code', meaning: 'The pseudonymous code, unique in the organisation.' },
      { name: 'first_name', meaning: 'First name or nickname, if given.' },
      { name: 'age_band', meaning: 'Age band (16-17 … 65+, not_known).' },
      { name: 'gender', meaning: 'Gender, ONS categories.' },
      { name: 'ethnicity', meaning: 'Ethnic group, ONS 2021 categories.' },
      { name: 'main_substances', meaning: 'Main substances or behaviours, separated by "; ".' },
      { name: 'local_authority', meaning: 'Local authority where they live.' },
      { name: 'consent_record', meaning: 'Current consent to keep a record (true/false).' },
      { name: 'consent_network', meaning: 'Current consent to be included in network evidence.' },
      { name: 'consent_contact', meaning: 'Current consent to be contacted.' },
      { name: 'added_at', meaning: 'When the participant was added (UTC).' },
    ],
    page: paged({
      key: sql`code`,
      columns: sql`code as participant_code, first_name, age_band, gender, ethnicity,
        array_to_string(main_substances, '; ') as main_substances, local_authority, consent_record,
        consent_network, consent_contact, created_at as added_at`,
      from: sql`evidence_participants`,
      orgColumn: 'org_id',
    }),
  },
  consents: {
    description: 'Every consent decision, oldest first; the latest of each kind is the current one.',
    columns: [
      { name: 'participant_code', meaning: 'Whose decision.' },
      { name: 'kind', meaning: 'record, network or contact.' },
      { name: 'decision', meaning: 'given or withdrawn.' },
      { name: 'decided_on', meaning: 'Date of the decision.' },
      {
        name: 'wording_version',
        meaning: 'Version of the consent wording they agreed to ("imported" when from a spreadsheet).',
      },
      { name: 'recorded_at', meaning: 'When it was recorded (UTC).' },
    ],
    page: paged({
      key: sql`lpad(c.id::text, 20, '0')`, // zero-padded, so text order is number order
      columns: sql`p.code as participant_code, c.kind,
        case when c.given then 'given' else 'withdrawn' end as decision, c.decided_on, c.wording_version, c.recorded_at`,
      from: sql`evidence_consents c join evidence_participants p on p.id = c.participant_id`,
      orgColumn: 'c.org_id',
    }),
  },
  assessments: {
    description:
      'One row per completed questionnaire. Answers and scores are in assessment_answers and assessment_scores.',
    columns: [
      { name: 'assessment_id', meaning: 'Identifier, to join the answers and scores.' },
      { name: 'participant_code', meaning: 'Whose questionnaire.' },
      { name: 'instrument', meaning: 'Questionnaire key (ons4, barc10, or your own measure).' },
      { name: 'instrument_version', meaning: 'Version of the questionnaire definition it was scored with.' },
      { name: 'date', meaning: 'Date filled in.' },
      { name: 'time_point', meaning: 'start, review, exit or your own words; empty if none.' },
      { name: 'how', meaning: 'staff (typed in), self (own phone), import or demo.' },
    ],
    page: paged({
      key: sql`a.id`,
      columns: sql`a.id as assessment_id, p.code as participant_code, a.instrument_key as instrument,
        a.instrument_version, a.assessed_on as date, a.time_point, a.source as how`,
      from: sql`evidence_assessments a join evidence_participants p on p.id = a.participant_id`,
      orgColumn: 'a.org_id',
    }),
  },
  assessment_answers: {
    description: 'One row per answer to a question.',
    columns: [
      { name: 'assessment_id', meaning: 'Which questionnaire.' },
      { name: 'item', meaning: 'Question key (e.g. barc10_3, ons4_satis).' },
      { name: 'answer', meaning: 'The answer’s value.' },
    ],
    page: paged({
      key: sql`a.id::text || '|' || r.key`,
      columns: sql`a.id as assessment_id, r.key as item, r.value as answer`,
      from: sql`evidence_assessments a cross join lateral jsonb_each_text(a.responses) r`,
      orgColumn: 'a.org_id',
    }),
  },
  assessment_scores: {
    description: 'One row per score, worked out from the answers by the questionnaire’s scoring rules.',
    columns: [
      { name: 'assessment_id', meaning: 'Which questionnaire.' },
      { name: 'measure', meaning: 'Measure key (e.g. life_satisfaction, recovery_capital).' },
      { name: 'score', meaning: 'The score.' },
    ],
    page: paged({
      key: sql`a.id::text || '|' || s.key`,
      columns: sql`a.id as assessment_id, s.key as measure, s.value as score`,
      from: sql`evidence_assessments a cross join lateral jsonb_each_text(a.scores) s`,
      orgColumn: 'a.org_id',
    }),
  },
  activities: {
    description: 'One row per session.',
    columns: [
      { name: 'date', meaning: 'Date of the session.' },
      { name: 'activity_type', meaning: 'The organisation’s name for the activity.' },
      { name: 'attendance', meaning: 'How many came.' },
      { name: 'first_time_attendees', meaning: 'How many came for the first time (part of attendance).' },
      { name: 'volunteers', meaning: 'Volunteers who helped.' },
      { name: 'volunteer_hours', meaning: 'Their hours in total.' },
    ],
    page: paged({
      key: sql`a.id`,
      columns: sql`a.held_on as date, t.name as activity_type, a.attendance, a.first_time_attendees,
        a.volunteers, a.volunteer_hours`,
      from: sql`evidence_activities a join evidence_activity_types t on t.id = a.activity_type_id`,
      orgColumn: 'a.org_id',
    }),
  },
  volunteer_hours: {
    description: 'Volunteer hours logged on their own (not as part of a session).',
    columns: [
      { name: 'date', meaning: 'Date worked.' },
      { name: 'volunteer', meaning: 'Name or initials, if given.' },
      { name: 'volunteers', meaning: 'How many volunteers the hours are for.' },
      { name: 'hours', meaning: 'Hours in total.' },
      { name: 'note', meaning: 'What they did.' },
    ],
    page: paged({
      key: sql`id`,
      columns: sql`worked_on as date, volunteer_label as volunteer, volunteers, hours, note`,
      from: sql`evidence_volunteer_hours`,
      orgColumn: 'org_id',
    }),
  },
  summaries: {
    description: 'Summaries of change contributed from another system.',
    columns: [
      { name: 'instrument', meaning: 'Questionnaire key.' },
      { name: 'measure', meaning: 'Measure key.' },
      { name: 'period_start', meaning: 'Start of the period.' },
      { name: 'period_end', meaning: 'End of the period.' },
      { name: 'n_paired', meaning: 'People with scores at both times.' },
      { name: 'mean_change', meaning: 'Mean of (later minus earlier).' },
      { name: 'sd_change', meaning: 'Standard deviation of the change.' },
      { name: 'baseline_mean', meaning: 'Mean at the start, if given.' },
      { name: 'baseline_sd', meaning: 'Standard deviation at the start, if given.' },
      { name: 'collection_method', meaning: 'How the answers were collected.' },
    ],
    page: paged({
      key: sql`id`,
      columns: sql`instrument_key as instrument, measure_key as measure, period_start, period_end, n_paired,
        mean_change, sd_change, baseline_mean, baseline_sd, collection_method`,
      from: sql`evidence_summaries`,
      orgColumn: 'org_id',
    }),
  },
  measures: {
    description:
      'The organisation’s own measures, each with its full definition (JSON, in the format the platform uses for questionnaire definitions).',
    columns: [
      { name: 'instrument', meaning: 'Measure key.' },
      { name: 'version', meaning: 'Definition version.' },
      { name: 'definition', meaning: 'The definition, as JSON.' },
    ],
    page: paged({
      key: sql`id`,
      columns: sql`key as instrument, version, definition::text as definition`,
      from: sql`evidence_instruments`,
      orgColumn: 'org_id',
    }),
  },
};
