// Imports from a file on disk, for the web (the upload saved under DATA_DIR) and the CLI.
// The engine streams the file once per step (preview, check, import); an import runs in ONE
// transaction that is rolled back unless the outcome is 'imported', so nothing is half-written.
import { createReadStream } from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { insertActivities, ensureActivityTypes } from '../activities/activities.repository.ts';
import { existingAssessmentKeys } from '../assessments/assessments.repository.ts';
import type { InstrumentDefinition } from '../domain/instrument-definition.ts';
import { insertAssessments, insertParticipants, type ConsentDecision } from '../evidence.write-path.ts';
import { checkMapping, suggestMapping, type ColumnMapping } from './engine/column-mapping.ts';
import { FileReadError } from './engine/file-read-error.ts';
import type { ActivityRecord, AssessmentRecord, ImportedRecord, ParticipantRecord } from './engine/import-records.ts';
import { ImportReportBuilder, type ImportMode, type ImportReport } from './engine/import-report.ts';
import { todayIso } from './engine/parse-date.ts';
import { readHeader, readRows } from './engine/read-rows.ts';
import { runImport, type ImportLookups, type ImportSink } from './engine/run-import.ts';
import { schemaFor, type ImportTarget, type TargetSchema } from './engine/target-schemas.ts';
import { databaseSeenKeys, existingActivityKeys } from './imports.repository.ts';
import { listInstrumentsForOrg } from '../instruments/instruments.repository.ts';
import { existingParticipantCodes, participantIdsByCode } from '../participants/participants.repository.ts';

/** Rows validated, looked up and written per round trip. */
const IMPORT_BATCH = 2000;

export const IMPORT_TARGETS: readonly ImportTarget[] = ['participants', 'assessments', 'activities'];
/** Consent decisions that arrive in a spreadsheet are recorded with this wording version. */
export const IMPORTED_CONSENT_WORDING = 'imported';

export interface ImportFile {
  path: string;
  kind: 'csv' | 'xlsx';
}

export function fileKindOf(fileName: string): 'csv' | 'xlsx' | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return undefined;
}

function source(file: ImportFile) {
  return { kind: file.kind, stream: createReadStream(file.path) };
}

export async function targetSchema(db: Kysely<DB>, orgId: string, target: ImportTarget): Promise<TargetSchema> {
  const instruments = target === 'assessments' ? (await listInstrumentsForOrg(db, orgId)).map((i) => i.definition) : [];
  return schemaFor(target, instruments);
}

/** The headings and the first few rows, to show while choosing columns. */
export async function previewFile(file: ImportFile, rows = 5): Promise<{ headers: string[]; rows: string[][] }> {
  const headers = await readHeader(source(file));
  const out: string[][] = [];
  for await (const row of readRows(source(file))) {
    out.push(headers.map((h) => row.cells[h] ?? ''));
    if (out.length >= rows) break;
  }
  return { headers, rows: out };
}

/**
 * The mapping to offer: the one remembered for this organisation if it still fits the file's
 * headings, otherwise a suggestion from the headings.
 */
export function proposeMapping(headers: readonly string[], schema: TargetSchema, remembered: ColumnMapping | undefined): ColumnMapping {
  if (remembered && checkMapping(remembered, headers, schema).length === 0) return remembered;
  return suggestMapping(headers, schema).mapping;
}

export async function readFileHeader(file: ImportFile): Promise<string[]> {
  return readHeader(source(file));
}

function lookupsFor(db: Kysely<DB>, orgId: string, instruments: readonly InstrumentDefinition[]): ImportLookups {
  const byKey = new Map(instruments.map((d) => [d.key, d]));
  return {
    existingParticipantCodes: (codes) => existingParticipantCodes(db, orgId, codes),
    findInstrument: async (key) => byKey.get(key),
    async existingRecordKeys(target, keys) {
      if (target === 'assessments') return existingAssessmentKeys(db, orgId, keys);
      if (target === 'activities') return existingActivityKeys(db, orgId, keys);
      const codes = await existingParticipantCodes(db, orgId, keys.map((k) => k.replace(/^participant:/, '')));
      return new Set([...codes].map((c) => `participant:${c}`));
    },
  };
}

function participantSink(db: Kysely<DB>, orgId: string, actorId: string | null): ImportSink<ParticipantRecord> {
  return {
    async write(records) {
      await insertParticipants(
        db,
        orgId,
        records.map(({ record: r }) => {
          const decidedOn = r.consent_date ?? todayIso();
          const consents: ConsentDecision[] = [];
          for (const [kind, given] of [['record', r.consent_record], ['network', r.consent_network], ['contact', r.consent_contact]] as const) {
            if (given !== null) consents.push({ kind, given, decidedOn, wordingVersion: IMPORTED_CONSENT_WORDING });
          }
          return {
            code: r.code,
            firstName: r.first_name ?? '',
            ageBand: r.age_band ?? '',
            gender: r.gender ?? '',
            ethnicity: r.ethnicity ?? '',
            mainSubstances: [],
            localAuthority: r.local_authority ?? '',
            consents,
          };
        }),
        actorId,
      );
    },
  };
}

function assessmentSink(db: Kysely<DB>, orgId: string, actorId: string | null, instruments: readonly InstrumentDefinition[]): ImportSink<AssessmentRecord> {
  const byKey = new Map(instruments.map((d) => [`${d.key}@${d.version}`, d]));
  return {
    async write(records: ImportedRecord<AssessmentRecord>[]) {
      const ids = await participantIdsByCode(db, orgId, [...new Set(records.map((r) => r.record.participant_code))]);
      await insertAssessments(
        db,
        orgId,
        records.map(({ record: r }) => ({
          participantId: ids.get(r.participant_code)!,
          participantCode: r.participant_code,
          definition: byKey.get(`${r.instrument_key}@${r.instrument_version}`)!,
          assessedOn: r.date,
          timePoint: r.time_point ?? '',
          responses: r.responses,
          source: 'import' as const,
          recordedBy: actorId,
        })),
      );
    },
  };
}

function activitySink(db: Kysely<DB>, orgId: string, actorId: string | null): ImportSink<ActivityRecord> {
  return {
    async write(records) {
      const types = await ensureActivityTypes(db, orgId, records.map((r) => r.record.activity_type));
      await insertActivities(
        db,
        orgId,
        records.map(({ record: r, naturalKey }) => ({
          activityTypeId: types.get(r.activity_type.toLowerCase())!,
          heldOn: r.date,
          attendance: r.attendance,
          firstTimeAttendees: r.first_time_attendees,
          volunteers: r.volunteers,
          volunteerHours: r.volunteer_hours,
          naturalKey,
          source: 'import',
          recordedBy: actorId,
        })),
      );
    },
  };
}

export interface ImportFileOptions {
  orgId: string;
  actorId: string | null;
  target: ImportTarget;
  file: ImportFile;
  mapping: ColumnMapping;
  mode: ImportMode;
  dryRun: boolean;
}

class RollBack extends Error {
  constructor(readonly report: ImportReport) {
    super('import rolled back');
  }
}

/**
 * Checks (dryRun) or imports a file. An import is one transaction: the engine's look-ups and
 * writes all use it, and anything but the outcome 'imported' rolls it back.
 */
export async function importFile(db: Kysely<DB>, o: ImportFileOptions): Promise<ImportReport> {
  const run = async (tx: Kysely<DB>): Promise<ImportReport> => {
    const seenKeys = await databaseSeenKeys(tx);
    const instruments = o.target === 'assessments' ? (await listInstrumentsForOrg(tx, o.orgId)).map((i) => i.definition) : [];
    const schema = schemaFor(o.target, instruments);
    const headers = await readHeader(source(o.file));
    const common = { rows: readRows(source(o.file)), headers, mapping: o.mapping, lookups: lookupsFor(tx, o.orgId, instruments), seenKeys, mode: o.mode, dryRun: o.dryRun, batchSize: IMPORT_BATCH };
    switch (schema.target) {
      case 'participants':
        return runImport({ ...common, target: { ...schema, target: 'participants' }, sink: participantSink(tx, o.orgId, o.actorId) });
      case 'assessments':
        return runImport({ ...common, target: { ...schema, target: 'assessments' }, sink: assessmentSink(tx, o.orgId, o.actorId, instruments) });
      case 'activities':
        return runImport({ ...common, target: { ...schema, target: 'activities' }, sink: activitySink(tx, o.orgId, o.actorId) });
    }
  };
  try {
    // A check runs in a transaction too (always rolled back), so its look-ups and the keys it
    // remembers share one connection and one snapshot.
    return await db.transaction().execute(async (tx) => {
      const report = await run(tx);
      if (report.outcome !== 'imported') throw new RollBack(report);
      return report;
    });
  } catch (err) {
    if (err instanceof RollBack) return err.report;
    if (err instanceof FileReadError) {
      const report = new ImportReportBuilder(o.target, o.mode, o.dryRun);
      report.addProblems([err.problem]);
      return report.finish('rejected');
    }
    throw err;
  }
}
