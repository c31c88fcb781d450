// Imports for the web and the command line, through the same four steps: receiveUpload (the
// bytes stored, sniffed and checked against the limits), checkImport (a dry run), commitImport
// (ONE transaction, rolled back unless the outcome is 'imported') and cancelImport. The file is
// read once per step, from the upload store, and the run record is written the same way for both.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
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
import type { ImportProblem } from './engine/import-problem.ts';
import { todayIso } from './engine/parse-date.ts';
import { readHeading, readRows, type FileSource } from './engine/read-rows.ts';
import { UploadInspector, type TextEncoding } from './engine/inspect-upload.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { countImport } from '../../../platform/metrics/imports.ts';
import { databaseUploadStore, type UploadStore } from './upload-store.ts';
import { erasedCodesAmong } from './erased-codes.ts';
import * as repo from './imports.repository.ts';
import { unsafeDeleteOrphanUploads } from './uploads.repository.ts';
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

function source(file: ImportFile): FileSource {
  return { kind: file.kind, stream: createReadStream(file.path) };
}

export async function targetSchema(db: Kysely<DB>, orgId: string, target: ImportTarget): Promise<TargetSchema> {
  const instruments = target === 'assessments' ? (await listInstrumentsForOrg(db, orgId)).map((i) => i.definition) : [];
  return schemaFor(target, instruments);
}

/**
 * The mapping to offer: the one remembered for this organisation only if the file has exactly
 * the same headings (a richer file must have every heading matched afresh, or its consent
 * columns could be left out silently), otherwise a suggestion from the headings.
 */
export function proposeMapping(
  headers: readonly string[],
  schema: TargetSchema,
  remembered: repo.RememberedMapping | undefined,
): ColumnMapping {
  const same =
    remembered &&
    remembered.headings.length === headers.length &&
    remembered.headings.every((h, i) => h === headers[i]);
  if (same && checkMapping(remembered.mapping, headers, schema).length === 0) return remembered.mapping;
  return suggestMapping(headers, schema).mapping;
}

function lookupsFor(db: Kysely<DB>, orgId: string, instruments: readonly InstrumentDefinition[]): ImportLookups {
  const byKey = new Map(instruments.map((d) => [d.key, d]));
  return {
    existingParticipantCodes: (codes) => existingParticipantCodes(db, orgId, codes),
    erasedParticipantCodes: (codes) => erasedCodesAmong(db, orgId, codes),
    findInstrument: async (key) => byKey.get(key),
    async existingRecordKeys(target, keys) {
      if (target === 'assessments') return existingAssessmentKeys(db, orgId, keys);
      if (target === 'activities') return existingActivityKeys(db, orgId, keys);
      const codes = await existingParticipantCodes(
        db,
        orgId,
        keys.map((k) => k.replace(/^participant:/, '')),
      );
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
          for (const [kind, given] of [
            ['record', r.consent_record],
            ['network', r.consent_network],
            ['contact', r.consent_contact],
          ] as const) {
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

function assessmentSink(
  db: Kysely<DB>,
  orgId: string,
  actorId: string | null,
  instruments: readonly InstrumentDefinition[],
): ImportSink<AssessmentRecord> {
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
      const types = await ensureActivityTypes(
        db,
        orgId,
        records.map((r) => r.record.activity_type),
      );
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

interface EngineRun {
  orgId: string;
  actorId: string | null;
  target: ImportTarget;
  /** A fresh read of the file, through the given connection (the engine's transaction). */
  open: (db: Kysely<DB>) => FileSource;
  mapping: ColumnMapping;
  mode: ImportMode;
  dryRun: boolean;
  encoding: TextEncoding;
  /** Already loaded for this request; otherwise loaded here. */
  instruments?: InstrumentDefinition[];
  /** Runs inside the import's transaction once it has succeeded (closing the run, deleting the upload). */
  onImported?: (tx: Kysely<DB>, report: ImportReport) => Promise<void>;
}

class RollBack extends Error {
  constructor(readonly report: ImportReport) {
    super('import rolled back');
  }
}

function fileProblemReport(target: ImportTarget, mode: ImportMode, dryRun: boolean, err: FileReadError): ImportReport {
  const report = new ImportReportBuilder(target, mode, dryRun);
  report.addProblems([err.problem]);
  return report.finish('rejected');
}

/**
 * Checks (dryRun) or imports a file. An import is one transaction: the engine's look-ups and
 * writes all use it, and anything but the outcome 'imported' rolls it back.
 */
async function runEngine(db: Kysely<DB>, o: EngineRun): Promise<ImportReport> {
  const run = async (tx: Kysely<DB>): Promise<ImportReport> => {
    const seenKeys = await databaseSeenKeys(tx);
    const instruments =
      o.target !== 'assessments'
        ? []
        : (o.instruments ?? (await listInstrumentsForOrg(tx, o.orgId)).map((i) => i.definition));
    const schema = schemaFor(o.target, instruments);
    const heading = await readHeading(o.open(tx));
    const common = {
      rows: readRows(o.open(tx)),
      headers: heading.headers,
      mapping: o.mapping,
      lookups: lookupsFor(tx, o.orgId, instruments),
      seenKeys,
      mode: o.mode,
      dryRun: o.dryRun,
      batchSize: IMPORT_BATCH,
    };
    const withReading = (report: ImportReport): ImportReport => ({
      ...report,
      reading: { headingRow: heading.rowNumber, encoding: o.encoding },
    });
    switch (schema.target) {
      case 'participants':
        return withReading(
          await runImport({
            ...common,
            target: { ...schema, target: 'participants' },
            sink: participantSink(tx, o.orgId, o.actorId),
          }),
        );
      case 'assessments':
        return withReading(
          await runImport({
            ...common,
            target: { ...schema, target: 'assessments' },
            sink: assessmentSink(tx, o.orgId, o.actorId, instruments),
          }),
        );
      case 'activities':
        return withReading(
          await runImport({
            ...common,
            target: { ...schema, target: 'activities' },
            sink: activitySink(tx, o.orgId, o.actorId),
          }),
        );
    }
  };
  try {
    // A check runs in a transaction too (always rolled back), so its look-ups and the keys it
    // remembers share one connection and one snapshot.
    return await db.transaction().execute(async (tx) => {
      const report = await run(tx);
      if (report.outcome !== 'imported') throw new RollBack(report);
      await o.onImported?.(tx, report);
      return report;
    });
  } catch (err) {
    if (err instanceof RollBack) return err.report;
    if (err instanceof FileReadError) return fileProblemReport(o.target, o.mode, o.dryRun, err);
    throw err;
  }
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

/** A file on disk straight through the engine (benchmarks; the steps below are the real path). */
export async function importFile(db: Kysely<DB>, o: ImportFileOptions): Promise<ImportReport> {
  return runEngine(db, { ...o, open: () => source(o.file), encoding: 'utf-8' });
}

// ---- The four steps, shared by the web and the command line ----

export interface ImportDeps {
  db: Kysely<DB>;
  /** Where uploads wait; the database unless another store is given. */
  uploads?: UploadStore;
}

export interface ImportActor {
  personId: string | null;
  via: 'web' | 'cli';
}

export interface ImportOrg {
  id: string;
}

const storeOf = (deps: ImportDeps): UploadStore => deps.uploads ?? databaseUploadStore(deps.db);

export type ReceiveResult = { ok: true; runId: string } | { ok: false; problem: string; busy?: boolean };

/** Uploads an organisation may have waiting (not yet imported or cancelled) at once. */
export const MAX_WAITING_UPLOADS = 10;
/** Uploads one instance receives at the same time; more are asked to try again shortly. */
export const MAX_UPLOADS_AT_ONCE = 4;
const DAY_MS = 24 * 60 * 60 * 1000;
let receiving = 0;

/** A file name as shown back to people: no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '')
    .normalize('NFC')
    .trim();
  return Array.from(cleaned).slice(0, 255).join('') || 'file';
}

/**
 * Stores an upload as it streams in, decides its text encoding, and refuses it as soon as it is
 * over a limit; then reads it through once (in the parsing worker) so that a file which can't be
 * read, or has too many rows, is refused now rather than offered for import. Nothing is kept of a
 * refused file. (The web route refuses a file over the upload size before it comes here.)
 */
export async function receiveUpload(
  deps: ImportDeps,
  actor: ImportActor,
  org: ImportOrg,
  input: { target: ImportTarget; fileName: string; bytes: AsyncIterable<Buffer> },
): Promise<ReceiveResult> {
  const kind = fileKindOf(input.fileName);
  if (!kind) return { ok: false, problem: 'The file must be a CSV file or an Excel .xlsx file' };
  if (receiving >= MAX_UPLOADS_AT_ONCE) {
    return {
      ok: false,
      busy: true,
      problem: 'Several files are being uploaded at the moment. Please try again in a minute.',
    };
  }
  receiving += 1;
  try {
    if ((await repo.countWaitingRuns(deps.db, org.id, new Date(Date.now() - DAY_MS))) >= MAX_WAITING_UPLOADS) {
      return {
        ok: false,
        problem: `Your organisation has ${MAX_WAITING_UPLOADS} uploads waiting. Import or cancel some of them (below) before uploading another.`,
      };
    }
    const store = storeOf(deps);
    const fileName = cleanFileName(input.fileName);
    const runId = await repo.insertImportRun(deps.db, {
      orgId: org.id,
      target: input.target,
      fileName,
      fileKind: kind,
      via: actor.via,
      createdBy: actor.personId,
    });
    const inspector = new UploadInspector(kind);
    const refuse = async (problem: string): Promise<ReceiveResult> => {
      await store.remove(org.id, runId);
      await repo.setImportRunStatus(deps.db, org.id, runId, 'cancelled');
      return { ok: false, problem };
    };
    try {
      const size = await store.save(org.id, runId, input.bytes, (chunk) => inspector.feed(chunk));
      if (size === 0) return await refuse('The file is empty. Choose the file again.');
      const facts = inspector.finish();
      // Read through once: every row parsed and the limits checked, in the worker.
      let rows = 0;
      for await (const _row of readRows(
        { kind, stream: store.open(org.id, runId), encoding: facts.encoding },
        { header: false },
      ))
        rows += 1;
      if (rows === 0) return await refuse('The file has no rows. Choose the file again.');
      await repo.setImportRunEncoding(deps.db, org.id, runId, facts.encoding);
      await repo.setImportRunStatus(deps.db, org.id, runId, 'uploaded');
      return { ok: true, runId };
    } catch (err) {
      if (err instanceof FileReadError) return await refuse(`${err.problem.problem} ${err.problem.howToFix}`);
      await refuse('').catch(() => undefined);
      throw err;
    }
  } finally {
    receiving -= 1;
  }
}

/** The latest runs, for the imports page. */
export async function listImports(deps: ImportDeps, org: ImportOrg) {
  return repo.listImportRuns(deps.db, org.id);
}

async function waitingRun(deps: ImportDeps, org: ImportOrg, runId: string): Promise<repo.ImportRunRow> {
  const run = await repo.findImportRun(deps.db, org.id, runId);
  if (!run || run.status !== 'uploaded') throw notFound('import');
  return run;
}

/** Reads the stored upload; inside a transaction, pass it, so the read uses the same connection. */
function opener(deps: ImportDeps, org: ImportOrg, run: repo.ImportRunRow): (db?: Kysely<DB>) => FileSource {
  return (db) => ({
    kind: run.file_kind as 'csv' | 'xlsx',
    stream: storeOf({ ...deps, db: db ?? deps.db }).open(org.id, run.id) as Readable,
    encoding: run.encoding as TextEncoding,
  });
}

export interface ImportPage {
  run: repo.ImportRunRow;
  target: ImportTarget;
  headers: string[];
  headingRow: number;
  preview: string[][];
  fields: { key: string; label: string; required: boolean }[];
  mapping: ColumnMapping;
  schema: TargetSchema;
  instruments: InstrumentDefinition[];
  /** The file could not be read at all (a broken workbook, a quote never closed). */
  fileProblem?: string;
}

/** Everything the column-choosing page shows, with the instruments loaded once. */
export async function loadImportPage(
  deps: ImportDeps,
  org: ImportOrg,
  runId: string,
  mapping?: ColumnMapping,
): Promise<ImportPage> {
  const run = await waitingRun(deps, org, runId);
  const target = run.target as ImportTarget;
  const instruments =
    target === 'assessments' ? (await listInstrumentsForOrg(deps.db, org.id)).map((i) => i.definition) : [];
  const schema = schemaFor(target, instruments);
  const open = opener(deps, org, run);
  const fields = schema.fields.map((f) => ({ key: f.key, label: f.label, required: f.required }));
  try {
    const heading = await readHeading(open());
    const preview: string[][] = [];
    for await (const row of readRows(open())) {
      preview.push(heading.headers.map((h) => row.cells[h] ?? ''));
      if (preview.length >= 5) break;
    }
    const chosen =
      mapping ??
      (run.mapping as ColumnMapping | null) ??
      proposeMapping(heading.headers, schema, await repo.findRememberedMapping(deps.db, org.id, target));
    return {
      run,
      target,
      headers: heading.headers,
      headingRow: heading.rowNumber,
      preview,
      fields,
      mapping: chosen,
      schema,
      instruments,
    };
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    return {
      run,
      target,
      headers: [],
      headingRow: 1,
      preview: [],
      fields,
      mapping: {},
      schema,
      instruments,
      fileProblem: `${err.problem.problem} ${err.problem.howToFix}`,
    };
  }
}

export type CheckResult =
  | { kind: 'columns'; page: ImportPage; problems: ImportProblem[] }
  | { kind: 'report'; run: repo.ImportRunRow; report: ImportReport };

/**
 * A dry run with the chosen columns. The mapping is kept with the upload and remembered (with
 * the file's headings) for next time. `final` ends the run as a dry run and deletes the upload
 * (the command line's --dry-run); otherwise the upload waits for commitImport.
 */
export async function checkImport(
  deps: ImportDeps,
  actor: ImportActor,
  org: ImportOrg,
  input: { runId: string; mapping: ColumnMapping; final?: boolean },
): Promise<CheckResult> {
  const page = await loadImportPage(deps, org, input.runId, input.mapping);
  const { run, target } = page;
  if (page.fileProblem) {
    const problem: ImportProblem = { row: null, column: null, problem: page.fileProblem, howToFix: '' };
    if (input.final)
      await closeRun(
        deps,
        org,
        run.id,
        fileProblemReport(target, 'all_or_nothing', true, new FileReadError(problem)),
        'rejected',
      );
    return { kind: 'columns', page, problems: [problem] };
  }
  const problems = checkMapping(input.mapping, page.headers, page.schema);
  if (problems.length > 0) {
    if (input.final) await closeRun(deps, org, run.id, rejectedReport(target, problems), 'rejected');
    return { kind: 'columns', page, problems };
  }
  await repo.saveRunMapping(deps.db, org.id, run.id, input.mapping);
  await repo.rememberMapping(deps.db, org.id, target, input.mapping, page.headers);
  const report = await runEngine(deps.db, {
    orgId: org.id,
    actorId: actor.personId,
    target,
    open: opener(deps, org, run),
    mapping: input.mapping,
    mode: 'all_or_nothing',
    dryRun: true,
    encoding: run.encoding as TextEncoding,
    instruments: page.instruments,
  });
  if (input.final) await closeRun(deps, org, run.id, report, 'dry_run');
  else await repo.finishImportRun(deps.db, org.id, run.id, report, 'uploaded');
  return { kind: 'report', run, report };
}

function rejectedReport(target: ImportTarget, problems: ImportProblem[]): ImportReport {
  const builder = new ImportReportBuilder(target, 'all_or_nothing', true);
  builder.addProblems(problems);
  return builder.finish('rejected');
}

/** Ends a run and deletes its upload, in one transaction. */
async function closeRun(
  deps: ImportDeps,
  org: ImportOrg,
  runId: string,
  report: ImportReport,
  status: 'imported' | 'rejected' | 'dry_run',
  tx?: Kysely<DB>,
): Promise<void> {
  const close = async (db: Kysely<DB>) => {
    await repo.finishImportRun(db, org.id, runId, report, status);
    await storeOf({ ...deps, db }).remove(org.id, runId);
  };
  if (tx) await close(tx);
  else await deps.db.transaction().execute(close);
}

/**
 * Imports a checked upload in one transaction. When it is imported, the upload is deleted; when
 * it is not, the web keeps it for another go ('keep') and the command line ends the run ('close').
 */
export async function commitImport(
  deps: ImportDeps,
  actor: ImportActor,
  org: ImportOrg,
  input: { runId: string; mode: ImportMode; onFailure: 'keep' | 'close' },
): Promise<{ run: repo.ImportRunRow; report: ImportReport } | { run: repo.ImportRunRow; notChecked: true }> {
  const run = await waitingRun(deps, org, input.runId);
  const mapping = run.mapping as ColumnMapping | null;
  if (!mapping) return { run, notChecked: true };
  // When it succeeds, the run is closed and its upload deleted in the import's own transaction.
  const report = await runEngine(deps.db, {
    orgId: org.id,
    actorId: actor.personId,
    target: run.target as ImportTarget,
    open: opener(deps, org, run),
    mapping,
    mode: input.mode,
    dryRun: false,
    encoding: run.encoding as TextEncoding,
    onImported: (tx, done) => closeRun(deps, org, run.id, done, 'imported', tx),
  });
  const imported = report.outcome === 'imported';
  if (imported) countImport(deps.db, 'evidence', report.imported);
  if (!imported && input.onFailure === 'close') await closeRun(deps, org, run.id, report, 'rejected');
  else if (!imported) await repo.finishImportRun(deps.db, org.id, run.id, report, 'uploaded');
  await recordAudit(deps.db, {
    orgId: org.id,
    actorId: actor.personId,
    action: 'import.committed',
    subjectType: 'import',
    subjectId: run.id,
    detail: { target: run.target, mode: input.mode, imported: report.imported, via: actor.via },
  });
  return { run, report };
}

/** Ends a waiting run whose columns did not fit (the command line): recorded as rejected, upload deleted. */
export async function rejectImport(
  deps: ImportDeps,
  _actor: ImportActor,
  org: ImportOrg,
  input: { runId: string; problems: ImportProblem[] },
): Promise<void> {
  const run = await waitingRun(deps, org, input.runId);
  await closeRun(deps, org, run.id, rejectedReport(run.target as ImportTarget, input.problems), 'rejected');
}

/** Deletes a waiting upload and marks its run cancelled. */
export async function cancelImport(
  deps: ImportDeps,
  _actor: ImportActor,
  org: ImportOrg,
  input: { runId: string },
): Promise<void> {
  const run = await waitingRun(deps, org, input.runId);
  await deps.db.transaction().execute(async (tx) => {
    await storeOf({ ...deps, db: tx }).remove(org.id, run.id);
    await repo.setImportRunStatus(tx, org.id, run.id, 'cancelled');
  });
}

/** Uploads left waiting this long were abandoned. */
export const ABANDONED_AFTER_MS = DAY_MS;

/**
 * The daily job: uploads left waiting longer than a day are deleted and their runs cancelled, and
 * any stored bytes whose run has ended are deleted too. Returns how many runs were cancelled.
 */
export async function sweepAbandonedUploads(deps: ImportDeps, now = new Date()): Promise<number> {
  const stale = await repo.unsafeAbandonedRuns(deps.db, new Date(now.getTime() - ABANDONED_AFTER_MS));
  for (const run of stale) {
    await deps.db.transaction().execute(async (tx) => {
      await storeOf({ ...deps, db: tx }).remove(run.org_id, run.id);
      await repo.setImportRunStatus(tx, run.org_id, run.id, 'cancelled');
    });
  }
  await unsafeDeleteOrphanUploads(deps.db);
  return stale.length;
}
