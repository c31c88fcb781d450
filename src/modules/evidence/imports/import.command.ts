// `connectors import participants|assessments|activities --org SLUG FILE [--dry-run]
// [--skip-invalid] [--mapping FILE.json]`: the same engine as the web import. Prints the report;
// exits 1 when any row is invalid and nothing was written.
import { createReadStream } from 'node:fs';
import { access as fileAccess, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../platform/config.ts';
import { openDatabase, type DatabaseTarget } from '../../../platform/db/database.ts';
import { migrate } from '../../../platform/db/migrate.ts';
import { findOrgBySlug } from '../../network/index.ts';
import { formatImportProblem } from './engine/import-problem.ts';
import type { ImportReport } from './engine/import-report.ts';
import type { ImportTarget } from './engine/target-schemas.ts';
import {
  checkImport,
  commitImport,
  fileKindOf,
  IMPORT_TARGETS,
  loadImportPage,
  receiveUpload,
  rejectImport,
  type ImportActor,
} from './imports.service.ts';
import { syncShippedInstruments } from '../instruments/instruments.repository.ts';

export interface CommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const IMPORT_USAGE =
  'Usage: connectors import participants|assessments|activities --org SLUG FILE [--dry-run] [--skip-invalid] [--mapping FILE.json]';

export async function runImportCommand(argv: string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        org: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'skip-invalid': { type: 'boolean', default: false },
        mapping: { type: 'string' },
      },
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n${IMPORT_USAGE}`);
    return 2;
  }
  const [target, file, ...extra] = parsed.positionals;
  const { values } = parsed;
  if (!IMPORT_TARGETS.includes(target as ImportTarget) || !file || extra.length > 0 || !values.org) {
    io.err(IMPORT_USAGE);
    return 2;
  }
  const kind = fileKindOf(file);
  if (!kind) {
    io.err(`${file}: only .csv and .xlsx files can be imported.`);
    return 2;
  }
  try {
    await fileAccess(file);
  } catch {
    io.err(`${file}: no such file.`);
    return 2;
  }
  let mappingFromFile: Record<string, string> | undefined;
  if (values.mapping) {
    try {
      mappingFromFile = JSON.parse(await readFile(values.mapping, 'utf8')) as Record<string, string>;
      if (
        typeof mappingFromFile !== 'object' ||
        mappingFromFile === null ||
        Object.values(mappingFromFile).some((v) => typeof v !== 'string')
      )
        throw new Error('not an object of strings');
    } catch (err) {
      io.err(`${values.mapping}: not a column mapping (a JSON object of field -> heading): ${(err as Error).message}`);
      return 2;
    }
  }

  const config = loadConfig({ SESSION_SECRET: 'x'.repeat(32), ...env });
  const target_: DatabaseTarget = config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'embedded', dataDir: config.dataDir };
  const database = await openDatabase(target_);
  try {
    await migrate(database.pool);
    await syncShippedInstruments(database.db);
    const org = await findOrgBySlug(database.db, values.org);
    if (!org) {
      io.err(`No organisation has the slug "${values.org}".`);
      return 2;
    }
    const importTarget = target as ImportTarget;
    const deps = { db: database.db };
    const actor: ImportActor = { personId: null, via: 'cli' };
    // The same steps as the web: store the file, check it, then import it.
    const received = await receiveUpload(deps, actor, org, {
      target: importTarget,
      fileName: path.basename(file),
      bytes: createReadStream(file),
    });
    if (!received.ok) {
      io.err(`${path.basename(file)}: ${received.problem}`);
      return 1;
    }
    const page = await loadImportPage(deps, org, received.runId);
    const mapping = mappingFromFile ?? page.mapping;
    io.out(
      `Importing ${importTarget} for ${org.name} from ${path.basename(file)}${values['dry-run'] ? ' (dry run: nothing will be saved)' : ''}.`,
    );
    if (page.headingRow !== 1 && page.headers.length > 0) io.out(`The headings were found in row ${page.headingRow}.`);
    io.out(
      `Columns: ${
        Object.entries(mapping)
          .map(([f, h]) => `${f} <- "${h}"`)
          .join(', ') || 'none matched'
      }`,
    );
    const checked = await checkImport(deps, actor, org, { runId: received.runId, mapping, final: values['dry-run'] });
    if (checked.kind === 'columns') {
      for (const p of checked.problems) io.out(`  ${formatImportProblem(p)}`);
      if (!values['dry-run'])
        await rejectImport(deps, actor, org, { runId: received.runId, problems: checked.problems });
      return 1;
    }
    let report: ImportReport = checked.report;
    if (!values['dry-run']) {
      const committed = await commitImport(deps, actor, org, {
        runId: received.runId,
        mode: values['skip-invalid'] ? 'skip_invalid' : 'all_or_nothing',
        onFailure: 'close',
      });
      if ('report' in committed) report = committed.report;
    }
    for (const line of describeReport(report)) io.out(line);
    return report.imported === 0 && (report.invalidRows > 0 || report.outcome === 'rejected') ? 1 : 0;
  } finally {
    await database.close();
  }
}

/** The report as plain lines, for the terminal. */
export function describeReport(r: ImportReport): string[] {
  const lines: string[] = [];
  if (r.reading?.encoding === 'windows-1252')
    lines.push('The file was read as Windows-1252 text (how Excel on Windows saves "CSV (Comma delimited)").');
  if (r.reading && r.reading.headingRow !== 1) lines.push(`The headings were found in row ${r.reading.headingRow}.`);
  lines.push(
    `Rows read: ${r.rowsRead}. Valid and new: ${r.validRows}. With problems: ${r.invalidRows}. Duplicates skipped: ${r.duplicateRows.withinFile} within the file, ${r.duplicateRows.alreadyImported} already stored.`,
  );
  if (r.consents) lines.push(consentLine(r.consents, r.outcome === 'imported'));
  if (r.rowsRead > 0 && r.validRows === 0 && r.invalidRows === 0)
    lines.push('Everything in this file is already recorded.');
  if (r.outcome === 'imported') lines.push(`Imported ${r.imported} ${r.target}.`);
  else if (r.outcome === 'dry_run') lines.push(`Dry run: nothing was saved. An import would add ${r.validRows}.`);
  else
    lines.push(
      'Nothing was imported. Fix the problems below and try again, or use --skip-invalid to import only the valid rows.',
    );
  if (r.problems.length > 0) lines.push('', 'Problems:');
  for (const p of r.problems) lines.push(`  ${formatImportProblem(p)}`);
  if (r.problemsNotShown > 0) lines.push(`  …and ${r.problemsNotShown} more.`);
  if (r.duplicates.length > 0) lines.push('', 'Duplicates:');
  for (const d of r.duplicates) lines.push(`  ${d.message}`);
  if (r.duplicatesNotShown > 0) lines.push(`  …and ${r.duplicatesNotShown} more.`);
  return lines;
}

function consentLine(c: NonNullable<ImportReport['consents']>, done: boolean): string {
  return (
    `Consents ${done ? 'stored' : 'to be stored'}: keep a record ${c.record}; share with the network: ${c.networkYes} yes, ${c.networkNo} no; ` +
    `be contacted: ${c.contactYes} yes, ${c.contactNo} no.`
  );
}
