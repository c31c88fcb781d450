// Importing a 360Giving file: read, check every grant against the standard, then write all of
// them in one transaction, or nothing when any is invalid. Used by the web page and the CLI.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { checkPackage } from '../import/check-package.ts';
import type { GrantProblem } from '../import/problems.ts';
import { GrantFileError, grantFileKind, readGrantFile } from '../import/read-file.ts';
import * as repo from './grants.repository.ts';

export interface GrantImportInput {
  fileName: string;
  content: Buffer;
  /** Who published the data and its licence, when the file itself does not say (spreadsheets). */
  publisherName?: string | undefined;
  licence?: string | undefined;
  importedBy: string | null;
}

export type GrantImportReport =
  | { ok: true; grants: number; added: number; changed: number; unchanged: number; publisher: string; licence: string; ignoredColumns: string[] }
  | { ok: false; problems: GrantProblem[]; problemCount: number; fileError?: string };

const BATCH = 1000;

export async function importGrants(db: Kysely<DB>, input: GrantImportInput): Promise<GrantImportReport> {
  const kind = grantFileKind(input.fileName);
  if (!kind) return fileProblem('Only 360Giving files can be imported: a .json package, or a .csv or .xlsx spreadsheet.');
  let pkg;
  try {
    pkg = await readGrantFile(kind, input.content);
  } catch (err) {
    if (err instanceof GrantFileError) return fileProblem(err.message);
    throw err;
  }
  const checked = checkPackage(pkg);
  if (checked.problemCount > 0) return { ok: false, problems: checked.problems, problemCount: checked.problemCount };

  const meta = pkg.meta as { title?: string; publisher?: { name?: string; identifier?: string }; license?: string };
  const publisher = (input.publisherName || meta.publisher?.name || '').trim();
  const licence = (input.licence || meta.license || '').trim();
  if (!publisher || !licence) {
    return fileProblem(
      'This file does not say who published it or under what licence. Give the publisher and the licence ' +
        '(for example https://creativecommons.org/licenses/by/4.0/), so every grant can carry its attribution.',
    );
  }
  const records = checked.records;
  const result = await db.transaction().execute(async (tx) => {
    const sourceId = await repo.upsertSource(tx, {
      title: (meta.title || input.fileName).trim(),
      publisherName: publisher,
      publisherIdentifier: meta.publisher?.identifier ?? '',
      licence,
      fileName: input.fileName,
      importedBy: input.importedBy,
    });
    let added = 0;
    let changed = 0;
    for (let i = 0; i < records.length; i += BATCH) {
      const batch = records.slice(i, i + BATCH);
      const r = await repo.upsertGrants(tx, sourceId, batch);
      added += r.added;
      changed += r.changed;
      if (r.added + r.changed > 0) await repo.flagByKeywords(tx, batch.map((g) => g.grantId));
    }
    await repo.refreshSourceCount(tx, sourceId);
    await recordAudit(tx, {
      orgId: null,
      actorId: input.importedBy,
      action: 'funding.grants_imported',
      subjectType: 'funding_source',
      subjectId: sourceId,
      detail: { file: input.fileName, grants: records.length, added, changed },
    });
    return { added, changed };
  });
  return {
    ok: true,
    grants: records.length,
    ...result,
    unchanged: records.length - result.added - result.changed,
    publisher,
    licence,
    ignoredColumns: pkg.ignoredColumns,
  };
}

function fileProblem(message: string): GrantImportReport {
  return { ok: false, problems: [], problemCount: 1, fileError: message };
}
