// The import engine. It reads mapped rows, validates them, drops duplicates and hands valid
// records to a sink in batches. It knows nothing about the database: `lookups` answers questions
// about what already exists, and `sink` stores records (inside the caller's transaction).
//
// All-or-nothing without reading the file twice: uploads are one-shot streams, so we do a single
// pass. Records go to the sink only while no invalid row has been seen; after the first invalid
// row we stop writing but keep validating, so the report still lists every problem. The report's
// outcome is then 'rejected' and the caller must roll back its transaction, which removes the
// batches written before the first bad row. (A caller who has the file on disk can instead do a
// dryRun first and import only if it is clean - the same two-pass result, at twice the reading.)
//
// Memory: rows are processed in batches of `batchSize`; the report keeps a bounded number of
// problems. The natural keys seen so far (to spot duplicates within the file) are kept by a
// SeenKeyStore: the database's, for real imports, so memory does not grow with the file.

import { createHash } from 'node:crypto';
import type { InstrumentDefinition } from '../../domain/instrument-definition.ts';
import { checkMapping } from './column-mapping.ts';
import type { ColumnMapping } from './column-mapping.ts';
import type { FieldContext } from './field-values.ts';
import type { ImportProblem } from './import-problem.ts';
import type { ImportedRecord, RecordsByTarget } from './import-records.ts';
import { DEFAULT_REPORT_LIMITS, ImportReportBuilder } from './import-report.ts';
import type { ImportMode, ImportReport, ReportLimits } from './import-report.ts';
import {
  activityKey,
  assessmentKey,
  describeActivity,
  describeAssessment,
  describeParticipant,
  participantKey,
} from './natural-keys.ts';
import { DEFAULT_EARLIEST_DATE, todayIso } from './parse-date.ts';
import type { RecordRow } from './read-rows.ts';
import type { ImportTarget, TargetSchema } from './target-schemas.ts';
import { validateActivityRow } from './validate-activity-row.ts';
import { assessmentLookupsNeeded, validateAssessmentRow } from './validate-assessment-row.ts';
import { validateParticipantRow } from './validate-participant-row.ts';

export interface ImportLookups {
  /** Which of these (upper-case) participant codes exist for the organisation. */
  existingParticipantCodes(codes: readonly string[]): Promise<ReadonlySet<string>>;
  /** The organisation's instrument with this key (lower case, e.g. 'barc10'), or undefined. */
  findInstrument(key: string): Promise<InstrumentDefinition | undefined>;
  /** Which of these natural keys (see natural-keys.ts) are already stored. */
  existingRecordKeys(target: ImportTarget, keys: readonly string[]): Promise<ReadonlySet<string>>;
  /** Which of these participant codes belong to people who were erased; they must not come back. */
  erasedParticipantCodes?(codes: readonly string[]): Promise<ReadonlySet<string>>;
}

/**
 * Remembers the natural keys met so far in one import and the row each was first met on, to
 * report duplicates within the file. The database keeps them for real imports (a temporary
 * table), so memory stays flat however long the file; `memorySeenKeys` serves small runs.
 */
export interface SeenKeyStore {
  /** Notes each key (a short hash) at its row; returns, for the entries met before, the row they were first met on. */
  remember(entries: readonly { hash: string; row: number }[]): Promise<Map<number, number>>;
}

/** Keeps the keys in memory: about 100 bytes a row. */
export function memorySeenKeys(): SeenKeyStore {
  const first = new Map<string, number>();
  return {
    async remember(entries) {
      const duplicates = new Map<number, number>();
      for (const { hash, row } of entries) {
        const seen = first.get(hash);
        if (seen === undefined) first.set(hash, row);
        else duplicates.set(row, seen);
      }
      return duplicates;
    },
  };
}

export interface ImportSink<T> {
  /** Receives valid, new records in file order. Never called in a dry run. */
  write(records: ImportedRecord<T>[]): Promise<void>;
}

export interface RunImportOptions<K extends ImportTarget> {
  rows: AsyncIterable<RecordRow>;
  /** The file's headings (readRows' onHeader, or readHeader). Lets the mapping be checked even when the file has no data rows. */
  headers?: readonly string[];
  mapping: ColumnMapping;
  /** From schemaFor(); for assessments it lists the organisation's instruments' item columns. */
  target: TargetSchema & { target: K };
  lookups: ImportLookups;
  /** Where the keys met so far are kept; in memory unless given. */
  seenKeys?: SeenKeyStore;
  sink: ImportSink<RecordsByTarget[K]>;
  mode: ImportMode;
  dryRun: boolean;
  /** ISO date; dates after it are refused. Defaults to today in the UK. */
  today?: string;
  batchSize?: number;
  limits?: ReportLimits;
}

type Validated =
  | { rowNumber: number; problems: ImportProblem[] }
  | { rowNumber: number; record: RecordsByTarget[ImportTarget]; naturalKey: string; description: string };

const MAX_CACHED_INSTRUMENT_KEYS = 1000;

export async function runImport<K extends ImportTarget>(options: RunImportOptions<K>): Promise<ImportReport> {
  const { rows, mapping, target: schema, lookups, sink, mode, dryRun } = options;
  const batchSize = options.batchSize ?? 500;
  const report = new ImportReportBuilder(schema.target, mode, dryRun, options.limits ?? DEFAULT_REPORT_LIMITS);
  const context: FieldContext = { dates: { today: options.today ?? todayIso(), earliest: DEFAULT_EARLIEST_DATE } };
  const seenKeys = options.seenKeys ?? memorySeenKeys();
  const instrumentCache = new Map<string, InstrumentDefinition | null>();
  const reportedMissingColumns = new Set<string>();
  let mappingChecked = false;
  const mappingProblemsFor = (headers: readonly string[]): ImportProblem[] => {
    mappingChecked = true;
    return checkMapping(mapping, headers, schema);
  };
  if (options.headers) {
    const problems = mappingProblemsFor(options.headers);
    if (problems.length > 0) {
      report.addProblems(problems);
      return report.finish('rejected');
    }
  }

  const validateBatch = async (batch: RecordRow[]): Promise<Validated[]> => {
    if (schema.target !== 'assessments') {
      return batch.map((row) => {
        const result =
          schema.target === 'participants'
            ? validateParticipantRow(row, mapping, context)
            : validateActivityRow(row, mapping, context);
        if ('problems' in result) return { rowNumber: row.rowNumber, problems: result.problems };
        const [naturalKey, description] =
          schema.target === 'participants'
            ? [
                participantKey(result.record as RecordsByTarget['participants']),
                describeParticipant(result.record as RecordsByTarget['participants']),
              ]
            : [
                activityKey(result.record as RecordsByTarget['activities']),
                describeActivity(result.record as RecordsByTarget['activities']),
              ];
        return { rowNumber: row.rowNumber, record: result.record, naturalKey, description };
      });
    }
    const needed = batch.map((row) => assessmentLookupsNeeded(row, mapping));
    const codes = unique(needed.map((need) => need.code));
    const existingParticipants = codes.length > 0 ? await lookups.existingParticipantCodes(codes) : new Set<string>();
    for (const key of unique(needed.map((need) => need.instrumentKey))) {
      if (instrumentCache.has(key)) continue;
      const definition = (await lookups.findInstrument(key)) ?? null;
      // Nonsense in the instrument column must not grow the cache without limit.
      if (definition !== null || instrumentCache.size < MAX_CACHED_INSTRUMENT_KEYS)
        instrumentCache.set(key, definition);
    }
    const instruments = new Map<string, InstrumentDefinition>();
    for (const [key, definition] of instrumentCache) if (definition) instruments.set(key, definition);
    return batch.map((row) => {
      const result = validateAssessmentRow(row, mapping, schema, context, {
        existingParticipants,
        instruments,
        reportedMissingColumns,
      });
      if ('problems' in result) return { rowNumber: row.rowNumber, problems: result.problems };
      return {
        rowNumber: row.rowNumber,
        record: result.record,
        naturalKey: assessmentKey(result.record),
        description: describeAssessment(result.record, result.instrument.short_name),
      };
    });
  };

  const refuseErased = async (validated: Validated[]): Promise<Validated[]> => {
    if (schema.target !== 'participants' || !lookups.erasedParticipantCodes) return validated;
    const codes = validated.flatMap((item) =>
      'record' in item ? [(item.record as RecordsByTarget['participants']).code] : [],
    );
    const erased = codes.length > 0 ? await lookups.erasedParticipantCodes(codes) : new Set<string>();
    if (erased.size === 0) return validated;
    return validated.map((item) => {
      if (!('record' in item)) return item;
      const code = (item.record as RecordsByTarget['participants']).code;
      if (!erased.has(code)) return item;
      return {
        rowNumber: item.rowNumber,
        problems: [
          {
            row: item.rowNumber,
            column: mapping.code ?? 'participant code',
            problem: `Row ${item.rowNumber}: the person with code ${code} asked for their record to be erased, so they cannot be added again.`,
            howToFix:
              'Remove this row from the file. If they have come back and agreed to a new record, give them a new code.',
          },
        ],
      };
    });
  };

  const processBatch = async (batch: RecordRow[]): Promise<void> => {
    const validated = await refuseErased(await validateBatch(batch));
    const fresh: Array<Extract<Validated, { record: unknown }>> = [];
    const valid: Array<Extract<Validated, { record: unknown }>> = [];
    for (const item of validated) {
      if ('problems' in item) report.rowInvalid(item.problems);
      else valid.push(item);
    }
    const duplicates =
      valid.length > 0
        ? await seenKeys.remember(valid.map((item) => ({ hash: shortHash(item.naturalKey), row: item.rowNumber })))
        : new Map<number, number>();
    for (const item of valid) {
      const firstRow = duplicates.get(item.rowNumber);
      if (firstRow !== undefined) {
        report.duplicate({
          row: item.rowNumber,
          kind: 'within_file',
          firstRow,
          message: `Row ${item.rowNumber} is the same as row ${firstRow} (${item.description}), so it was not imported twice. If it is a different record, check its details.`,
        });
        continue;
      }
      fresh.push(item);
    }
    const existing =
      fresh.length > 0
        ? await lookups.existingRecordKeys(
            schema.target,
            fresh.map((item) => item.naturalKey),
          )
        : new Set<string>();
    const toWrite: ImportedRecord<RecordsByTarget[K]>[] = [];
    for (const item of fresh) {
      if (existing.has(item.naturalKey)) {
        report.duplicate({
          row: item.rowNumber,
          kind: 'already_imported',
          firstRow: null,
          message: `Row ${item.rowNumber} (${item.description}) is already stored, so it was skipped.`,
        });
        continue;
      }
      report.rowValid();
      if (schema.target === 'participants') {
        const person = item.record as RecordsByTarget['participants'];
        report.consent(person.consent_network, person.consent_contact);
      }
      toWrite.push({
        rowNumber: item.rowNumber,
        naturalKey: item.naturalKey,
        record: item.record as RecordsByTarget[K],
      });
    }
    // In all-or-nothing mode, stop writing at the first invalid row; the caller will roll back.
    const writing = !dryRun && (mode === 'skip_invalid' || !report.hasInvalidRows);
    if (writing && toWrite.length > 0) await sink.write(toWrite);
  };

  let batch: RecordRow[] = [];
  for await (const row of rows) {
    if (!mappingChecked) {
      // Every row carries every heading as a key (readRows fills blanks), so the first row shows them all.
      const mappingProblems = mappingProblemsFor(Object.keys(row.cells));
      if (mappingProblems.length > 0) {
        report.addProblems(mappingProblems);
        return report.finish('rejected');
      }
    }
    report.rowRead();
    batch.push(row);
    if (batch.length >= batchSize) {
      await processBatch(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await processBatch(batch);

  if (report.rowsReadSoFar === 0) {
    report.addProblems([
      {
        row: null,
        column: null,
        problem: 'The file has no rows of data below the headings.',
        howToFix: 'Check you chose the right file, and that the data is on the first worksheet.',
      },
    ]);
    return report.finish(dryRun ? 'dry_run' : 'rejected');
  }

  if (dryRun) return report.finish('dry_run');
  return report.finish(mode === 'all_or_nothing' && report.hasInvalidRows ? 'rejected' : 'imported');
}

function unique(values: ReadonlyArray<string | null>): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}

/** 16 bytes of SHA-256: collisions are practically impossible, and it is smaller than most keys. */
function shortHash(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 22);
}
