// `connectors import grants FILE [--publisher NAME] [--licence URL]`: checks and imports a
// 360Giving file, reading it from disk a piece at a time, twice (check, then write).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../platform/config.ts';
import { openDatabase, type DatabaseTarget } from '../../../platform/db/database.ts';
import { migrate } from '../../../platform/db/migrate.ts';
import { formatProblem } from '../import/problems.ts';
import { importGrants } from './import-grants.service.ts';

const USAGE = 'usage: connectors import grants FILE [--publisher NAME] [--licence URL]';

export async function runGrantImportCommand(
  argv: string[],
  env: Record<string, string | undefined>,
  io: { out(s: string): void; err(s: string): void },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { publisher: { type: 'string' }, licence: { type: 'string' }, license: { type: 'string' } },
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) {
    io.err(USAGE);
    return 2;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch {
    io.err(`Cannot read ${file}: there is no such file.`);
    return 1;
  }
  const config = loadConfig({ SESSION_SECRET: 'x'.repeat(32), ...env });
  const target: DatabaseTarget = config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'embedded', dataDir: config.dataDir };
  const database = await openDatabase(target);
  try {
    await migrate(database.pool);
    const report = await importGrants(database.db, {
      fileName: path.basename(file),
      open: () => createReadStream(file, { highWaterMark: 256 * 1024 }),
      publisherName: parsed.values.publisher,
      licence: parsed.values.licence ?? parsed.values.license,
      importedBy: null,
    });
    if (!report.ok) {
      io.err('Nothing was imported.');
      if (report.fileError) io.err(report.fileError);
      for (const p of report.problems) io.err(formatProblem(p));
      if (report.problemCount > report.problems.length)
        io.err(`…and ${report.problemCount - report.problems.length} more problems.`);
      return 1;
    }
    io.out(
      `Imported ${report.grants} grants from ${report.publisher} (${report.licence}): ${report.added} new, ${report.changed} changed, ${report.unchanged} unchanged.`,
    );
    if (report.ignoredColumns.length)
      io.out(`Columns not in the 360Giving standard, left out: ${report.ignoredColumns.join(', ')}`);
    return 0;
  } finally {
    await database.close();
  }
}
