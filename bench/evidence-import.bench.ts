// Evidence import: a 100,000-row assessments CSV and XLSX imported into the database (one
// transaction, all or nothing), then a 1,000,000-row CSV, with rows per second and peak memory
// (RSS and heap, sampled every 20 ms). Baseline in the same run: just reading the same file.
// Run: `npm run bench -- evidence-import` (embedded) or with DATABASE_URL (PostgreSQL).
// EVIDENCE_BENCH_BIG sets the size of the big file (default 1,000,000).
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { BARC10 } from '../src/modules/evidence/domain/shipped-instruments.ts';
import { insertParticipants } from '../src/modules/evidence/evidence.write-path.ts';
import { readRows } from '../src/modules/evidence/imports/engine/read-rows.ts';
import { importFile, type ImportFile } from '../src/modules/evidence/imports/imports.service.ts';
import { syncShippedInstruments } from '../src/modules/evidence/instruments/instruments.repository.ts';
import { createReadStream } from 'node:fs';
import { engineLabel, saveResult } from './harness.ts';

const HEADINGS = [
  'Participant code',
  'Questionnaire',
  'Date',
  'Time point',
  ...BARC10.items.map((_, i) => `BARC10 Q${i + 1}`),
];
const MAPPING = {
  participant_code: 'Participant code',
  instrument: 'Questionnaire',
  date: 'Date',
  time_point: 'Time point',
  ...Object.fromEntries(BARC10.items.map((it, i) => [it.key, `BARC10 Q${i + 1}`])),
};
const PEOPLE = 20_000;

/** Row i: participant i mod PEOPLE, a distinct date (so no row is a duplicate). */
function row(i: number): string[] {
  const day = new Date(Date.UTC(2000, 0, 1) + Math.floor(i / PEOPLE) * 86_400_000);
  const date = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
  return [`B-${i % PEOPLE}`, 'BARC-10', date, 'review', ...BARC10.items.map((_, k) => String(1 + ((i + k) % 6)))];
}

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${HEADINGS.join(',')}\r\n`);
  for (let i = 0; i < rows; i++) if (!out.write(`${row(i).join(',')}\r\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

async function writeXlsx(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('Assessments');
  ws.addRow(HEADINGS).commit();
  for (let i = 0; i < rows; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
}

interface Measured<T> {
  value: T;
  seconds: number;
  peakRssMb: number;
  peakHeapMb: number;
  startRssMb: number;
  startHeapMb: number;
}

async function measure<T>(fn: () => Promise<T>): Promise<Measured<T>> {
  globalThis.gc?.();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const t0 = performance.now();
  try {
    const value = await fn();
    return {
      value,
      seconds: (performance.now() - t0) / 1000,
      peakRssMb: peakRss / 2 ** 20,
      peakHeapMb: peakHeap / 2 ** 20,
      startRssMb: start.rss / 2 ** 20,
      startHeapMb: start.heapUsed / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

async function parseOnly(file: ImportFile): Promise<number> {
  let n = 0;
  for await (const _ of readRows({ kind: file.kind, stream: createReadStream(file.path) })) n++;
  return n;
}

async function openBenchDatabase(): Promise<Database> {
  const database = process.env.DATABASE_URL
    ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL })
    : await openDatabase({ kind: 'embedded' });
  await migrate(database.pool);
  await syncShippedInstruments(database.db);
  return database;
}

async function newOrg(database: Database, label: string): Promise<string> {
  const slug = `bench-import-${label}-${Date.now().toString(36)}`;
  const org = await database.db
    .insertInto('organisations')
    .values({ slug, name: `Bench ${label}`, status: 'member' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    code: `B-${i}`,
    firstName: '',
    ageBand: '',
    gender: '',
    ethnicity: '',
    mainSubstances: [],
    localAuthority: '',
    consents: [{ kind: 'record' as const, given: true, decidedOn: '2000-01-01', wordingVersion: 'bench' }],
  }));
  await insertParticipants(database.db, org.id, people, null);
  return org.id;
}

export async function runEvidenceImportBench(): Promise<string> {
  const big = Number(process.env.EVIDENCE_BENCH_BIG ?? 1_000_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rc-bench-import-'));
  const database = await openBenchDatabase();
  const results: { label: string; rows: number; mb: number; parse: Measured<number>; imp: Measured<number> }[] = [];
  try {
    const files: { label: string; file: ImportFile; rows: number }[] = [
      { label: 'CSV, 100,000 rows', file: { path: path.join(dir, 'a100k.csv'), kind: 'csv' }, rows: 100_000 },
      { label: 'XLSX, 100,000 rows', file: { path: path.join(dir, 'a100k.xlsx'), kind: 'xlsx' }, rows: 100_000 },
      {
        label: `CSV, ${big.toLocaleString('en-GB')} rows`,
        file: { path: path.join(dir, 'abig.csv'), kind: 'csv' },
        rows: big,
      },
    ];
    for (const f of files) {
      if (f.file.kind === 'csv') await writeCsv(f.file.path, f.rows);
      else await writeXlsx(f.file.path, f.rows);
      const orgId = await newOrg(database, f.file.kind + f.rows);
      const parse = await measure(() => parseOnly(f.file));
      const imp = await measure(async () => {
        const report = await importFile(database.db, {
          orgId,
          actorId: null,
          target: 'assessments',
          file: f.file,
          mapping: MAPPING,
          mode: 'all_or_nothing',
          dryRun: false,
        });
        if (report.outcome !== 'imported' || report.imported !== f.rows)
          throw new Error(
            `bench import failed: ${JSON.stringify({ ...report, problems: report.problems.slice(0, 3) })}`,
          );
        return report.imported;
      });
      results.push({ label: f.label, rows: f.rows, mb: (await stat(f.file.path)).size / 2 ** 20, parse, imp });
      console.error(
        `${f.label}: parse ${parse.seconds.toFixed(1)} s, import ${imp.seconds.toFixed(1)} s, peak RSS ${imp.peakRssMb.toFixed(0)} MB`,
      );
    }
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
  const engine = engineLabel();
  await saveResult(`evidence-import-${engine}`, { engine, results });
  const f = (n: number, d = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
  const lines = [
    `Engine: ${engine}. Each file is imported into its own organisation (${PEOPLE.toLocaleString('en-GB')} participants) in one transaction; the baseline only reads the same file.`,
    '',
    '| file | size MB | read only: rows/s | import: rows/s | ratio | import s | peak RSS MB (start) | peak heap MB (start) | read only: peak heap MB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.label} | ${f(r.mb, 1)} | ${f(r.rows / r.parse.seconds)} | ${f(r.rows / r.imp.seconds)} | ${f(r.parse.seconds / r.imp.seconds, 2)} | ${f(r.imp.seconds, 1)} | ${f(r.imp.peakRssMb)} (${f(r.imp.startRssMb)}) | ${f(r.imp.peakHeapMb)} (${f(r.imp.startHeapMb)}) | ${f(r.parse.peakHeapMb)} |`,
    ),
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await runEvidenceImportBench());
