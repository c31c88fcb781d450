// `connectors import participants|assessments|activities --org SLUG FILE [--dry-run]
// [--skip-invalid] [--mapping FILE.json]`: the same engine as the web import. Prints the report;
// exits 1 when any row is invalid and nothing was written.
import { access as fileAccess, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../platform/config.ts';
import { openDatabase, type DatabaseTarget } from '../../../platform/db/database.ts';
import { migrate } from '../../../platform/db/migrate.ts';
import { formatImportProblem } from './engine/import-problem.ts';
import type { ImportReport } from './engine/import-report.ts';
import type { ImportTarget } from './engine/target-schemas.ts';
import { fileKindOf, importFile, IMPORT_TARGETS, proposeMapping, readFileHeader, targetSchema } from './imports.service.ts';
import * as importsRepo from './imports.repository.ts';
import { syncShippedInstruments } from '../instruments/instruments.repository.ts';

export interface CommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const IMPORT_USAGE = 'Usage: connectors import participants|assessments|activities --org SLUG FILE [--dry-run] [--skip-invalid] [--mapping FILE.json]';

export async function runImportCommand(argv: string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { org: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, 'skip-invalid': { type: 'boolean', default: false }, mapping: { type: 'string' } },
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
      if (typeof mappingFromFile !== 'object' || mappingFromFile === null || Object.values(mappingFromFile).some((v) => typeof v !== 'string')) throw new Error('not an object of strings');
    } catch (err) {
      io.err(`${values.mapping}: not a column mapping (a JSON object of field -> heading): ${(err as Error).message}`);
      return 2;
    }
  }

  const config = loadConfig({ SESSION_SECRET: 'x'.repeat(32), ...env });
  const target_: DatabaseTarget = config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'embedded', dataDir: config.dataDir };
  const database = await openDatabase(target_);
  try {
    await migrate(database.pool);
    await syncShippedInstruments(database.db);
    const org = await database.db.selectFrom('organisations').select(['id', 'name']).where('slug', '=', values.org).executeTakeFirst();
    if (!org) {
      io.err(`No organisation has the slug "${values.org}".`);
      return 2;
    }
    const importTarget = target as ImportTarget;
    const importFileRef = { path: path.resolve(file), kind };
    const schema = await targetSchema(database.db, org.id, importTarget);
    const headers = await readFileHeader(importFileRef).catch(() => [] as string[]);
    const mapping = mappingFromFile ?? proposeMapping(headers, schema, await importsRepo.findRememberedMapping(database.db, org.id, importTarget));
    io.out(`Importing ${importTarget} for ${org.name} from ${path.basename(file)}${values['dry-run'] ? ' (dry run: nothing will be saved)' : ''}.`);
    io.out(`Columns: ${Object.entries(mapping).map(([f, h]) => `${f} <- "${h}"`).join(', ') || 'none matched'}`);
    const report = await importFile(database.db, {
      orgId: org.id,
      actorId: null,
      target: importTarget,
      file: importFileRef,
      mapping,
      mode: values['skip-invalid'] ? 'skip_invalid' : 'all_or_nothing',
      dryRun: values['dry-run'],
    });
    const runId = await importsRepo.insertImportRun(database.db, { orgId: org.id, target: importTarget, fileName: path.basename(file), fileKind: kind, via: 'cli', createdBy: null });
    await importsRepo.finishImportRun(database.db, org.id, runId, report, report.outcome === 'imported' ? 'imported' : 'rejected');
    for (const line of describeReport(report)) io.out(line);
    return report.imported === 0 && (report.invalidRows > 0 || report.outcome === 'rejected') ? 1 : 0;
  } finally {
    await database.close();
  }
}

/** The report as plain lines, for the terminal. */
export function describeReport(r: ImportReport): string[] {
  const lines = [
    `Rows read: ${r.rowsRead}. Valid and new: ${r.validRows}. With problems: ${r.invalidRows}. Duplicates skipped: ${r.duplicateRows.withinFile} within the file, ${r.duplicateRows.alreadyImported} already stored.`,
  ];
  if (r.outcome === 'imported') lines.push(`Imported ${r.imported} ${r.target}.`);
  else if (r.outcome === 'dry_run') lines.push(`Dry run: nothing was saved. An import would add ${r.validRows}.`);
  else lines.push('Nothing was imported. Fix the problems below and try again, or use --skip-invalid to import only the valid rows.');
  if (r.problems.length > 0) lines.push('', 'Problems:');
  for (const p of r.problems) lines.push(`  ${formatImportProblem(p)}`);
  if (r.problemsNotShown > 0) lines.push(`  …and ${r.problemsNotShown} more.`);
  if (r.duplicates.length > 0) lines.push('', 'Duplicates:');
  for (const d of r.duplicates) lines.push(`  ${d.message}`);
  if (r.duplicatesNotShown > 0) lines.push(`  …and ${r.duplicatesNotShown} more.`);
  return lines;
}
