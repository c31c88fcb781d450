// Funding: importing a 100,000-grant 360Giving JSON package (checked grant by grant, then
// written in one transaction), with rows per second and peak memory. Baseline in the same
// run: JSON.parse of the same file (the cost of reading it at all, holding it whole).
// Run: `npm run bench -- funding-import` (embedded) or with DATABASE_URL (PostgreSQL).
// FUNDING_BENCH_GRANTS sets the size (default 100,000).
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { importGrants } from '../src/modules/funding/grants/import-grants.service.ts';
import { engineLabel, saveResult } from './harness.ts';

const GRANTS = Number(process.env.FUNDING_BENCH_GRANTS ?? 100_000);

async function writePackage(file: string, n: number) {
  const out = createWriteStream(file);
  out.write(
    '{"version":"1.4","title":"Bench","publisher":{"name":"Bench funder","identifier":"360G-BENCH"},"license":"https://creativecommons.org/licenses/by/4.0/","grants":[\n',
  );
  for (let i = 0; i < n; i++) {
    const g = {
      id: `360G-BENCH-${i}`,
      title: `Grant ${i} for ${i % 7 === 0 ? 'recovery café' : 'community'} work`,
      description: 'Funding for a community project run by local people over two years.',
      currency: 'GBP',
      amountAwarded: 1000 + (i % 5000),
      awardDate: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 9}`,
      fundingOrganization: [{ id: `GB-CHC-${1000000 + (i % 50)}`, name: `Funder ${i % 50}` }],
      recipientOrganization: [{ id: `GB-CHC-${2000000 + i}`, name: `Recipient ${i}` }],
      grantProgramme: [{ title: `Programme ${i % 12}` }],
      beneficiaryLocation: [{ name: `Area ${i % 300}` }],
    };
    if (!out.write(`${i ? ',' : ''}${JSON.stringify(g)}\n`)) await once(out, 'drain');
  }
  out.end(']}');
  await once(out, 'finish');
}

async function measure<T>(fn: () => Promise<T>) {
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
  const value = await fn();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  return { value, seconds, peakRssMb: peakRss / 1e6, peakHeapMb: peakHeap / 1e6, startRssMb: start.rss / 1e6 };
}

export async function runFundingImportBench(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rc-funding-bench-'));
  const file = path.join(dir, 'grants.json');
  await writePackage(file, GRANTS);
  const bytes = (await stat(file)).size;
  const database = await openDatabase(
    process.env.DATABASE_URL
      ? { kind: 'postgres', url: process.env.DATABASE_URL }
      : { kind: 'embedded', dataDir: path.join(dir, 'db') },
  );
  try {
    await migrate(database.pool);
    const baseline = await measure(
      async () => (JSON.parse(await readFile(file, 'utf8')) as { grants: unknown[] }).grants.length,
    );
    const run = await measure(() =>
      importGrants(database.db, {
        fileName: 'grants.json',
        open: () => createReadStream(file, { highWaterMark: 256 * 1024 }),
        importedBy: null,
      }),
    );
    if (!run.value.ok) throw new Error(JSON.stringify(run.value).slice(0, 500));
    const again = await measure(() =>
      importGrants(database.db, {
        fileName: 'grants.json',
        open: () => createReadStream(file, { highWaterMark: 256 * 1024 }),
        importedBy: null,
      }),
    );
    const rows = [
      [
        'JSON.parse of the file (baseline)',
        baseline.seconds,
        GRANTS / baseline.seconds,
        baseline.peakRssMb,
        baseline.peakHeapMb,
      ],
      ['import, first time (check + write)', run.seconds, GRANTS / run.seconds, run.peakRssMb, run.peakHeapMb],
      ['import again (nothing changes)', again.seconds, GRANTS / again.seconds, again.peakRssMb, again.peakHeapMb],
    ] as const;
    await saveResult(`funding-import-${engineLabel()}`, { grants: GRANTS, bytes, rows });
    return [
      `${GRANTS.toLocaleString('en-GB')} grants, ${(bytes / 1e6).toFixed(1)} MB, engine ${engineLabel()}.`,
      '',
      '| run | seconds | grants/s | peak RSS MB | peak heap MB | × baseline time |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(
        (r) =>
          `| ${r[0]} | ${r[1].toFixed(1)} | ${Math.round(r[2]).toLocaleString('en-GB')} | ${r[3].toFixed(0)} | ${r[4].toFixed(0)} | ${(r[1] / baseline.seconds).toFixed(1)} |`,
      ),
    ].join('\n');
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}
