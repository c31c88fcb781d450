// Importing a 360Giving file into the grants the funding pages show.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { countImport } from '../../../platform/metrics/imports.ts';
import { checkGrantFile } from '../import/check-package.ts';
import type { GrantProblem } from '../import/problems.ts';
import { GrantFileError, grantFileKind, readGrantFile, type OpenFile } from '../import/read-file.ts';
import { toGrantRecord, type GrantRecord } from '../import/to-record.ts';
import * as repo from './grants.repository.ts';

export interface GrantImportInput {
  fileName: string;
  /** The file, opened afresh for each pass: once to check it, once to write it. */
  open: OpenFile;
  /** Who published the data and its licence, when the file itself does not say (spreadsheets). */
  publisherName?: string | undefined;
  licence?: string | undefined;
  importedBy: string | null;
}

export type GrantImportReport =
  | {
      ok: true;
      grants: number;
      added: number;
      changed: number;
      unchanged: number;
      publisher: string;
      licence: string;
      ignoredColumns: string[];
    }
  | { ok: false; problems: GrantProblem[]; problemCount: number; fileError?: string };

const BATCH = 1000;

/**
 * Imports a 360Giving file: checks every grant against the standard first, then writes them
 * all in one transaction, or nothing when any is invalid. Used by the web page and the CLI.
 */
export async function importGrants(db: Kysely<DB>, input: GrantImportInput): Promise<GrantImportReport> {
  const kind = grantFileKind(input.fileName);
  if (!kind)
    return fileProblem('Only 360Giving files can be imported: a .json package, or a .csv or .xlsx spreadsheet.');
  let checked;
  try {
    checked = await checkGrantFile(kind, input.open);
  } catch (err) {
    if (err instanceof GrantFileError) return fileProblem(err.message);
    throw err;
  }
  if (checked.problemCount > 0) return { ok: false, problems: checked.problems, problemCount: checked.problemCount };

  const meta = checked.details.meta as {
    title?: string;
    publisher?: { name?: string; identifier?: string };
    license?: string;
  };
  const publisher = (input.publisherName || meta.publisher?.name || '').trim();
  const licence = (input.licence || meta.license || '').trim();
  if (!publisher || !licence) {
    return fileProblem(
      'This file does not say who published it or under what licence. Give the publisher and the licence ' +
        '(for example https://creativecommons.org/licenses/by/4.0/), so every grant can carry its attribution.',
    );
  }
  if (!/^https?:\/\/\S+$/.test(licence))
    return fileProblem(
      'The licence should be the web address of the licence, for example https://creativecommons.org/licenses/by/4.0/.',
    );
  // Inside a caller's transaction (the demo seed) it writes there; otherwise in its own.
  const inTransaction = <T>(fn: (tx: Kysely<DB>) => Promise<T>) =>
    db.isTransaction ? fn(db) : db.transaction().execute(fn);
  const result = await inTransaction(async (tx) => {
    const sourceId = await repo.upsertSource(tx, {
      title: String(meta.title || input.fileName)
        .trim()
        .slice(0, 300),
      publisherName: publisher.slice(0, 300),
      publisherIdentifier: String(meta.publisher?.identifier ?? '').slice(0, 100),
      licence: licence.slice(0, 500),
      fileName: input.fileName.slice(0, 300),
      importedBy: input.importedBy,
    });
    let added = 0;
    let changed = 0;
    let batch: GrantRecord[] = [];
    const flush = async () => {
      const r = await repo.upsertGrants(tx, sourceId, batch);
      added += r.added;
      changed += r.changed;
      if (r.added + r.changed > 0)
        await repo.flagByKeywords(
          tx,
          batch.map((g) => g.grantId),
        );
      batch = [];
    };
    // The second pass: the file was checked whole, so every grant here is valid.
    for await (const { grant } of readGrantFile(kind, input.open, { meta: {}, ignoredColumns: [] })) {
      batch.push(toGrantRecord(grant));
      if (batch.length === BATCH) await flush();
    }
    if (batch.length) await flush();
    await repo.refreshSourceCount(tx, sourceId);
    await recordAudit(tx, {
      orgId: null,
      actorId: input.importedBy,
      action: 'funding.grants_imported',
      subjectType: 'funding_source',
      subjectId: sourceId,
      detail: { file: input.fileName, grants: checked.grants, added, changed },
    });
    return { added, changed };
  });
  countImport(db, 'grants', result.added + result.changed);
  return {
    ok: true,
    grants: checked.grants,
    ...result,
    unchanged: checked.grants - result.added - result.changed,
    publisher,
    licence,
    ignoredColumns: checked.details.ignoredColumns,
  };
}

function fileProblem(message: string): GrantImportReport {
  return { ok: false, problems: [], problemCount: 1, fileError: message };
}

export interface ImportedSource {
  publisher: string;
  title: string;
  licence: string;
  grants: number;
  importedAt: string;
}

/** Every imported file's publisher, licence and size, for the import page. */
export async function listImportedSources(db: Kysely<DB>): Promise<ImportedSource[]> {
  return (await repo.listSources(db)).map((s) => ({
    publisher: s.publisher_name,
    title: s.title,
    licence: s.licence,
    grants: s.grant_count,
    importedAt: s.imported_at.toISOString().slice(0, 10),
  }));
}
