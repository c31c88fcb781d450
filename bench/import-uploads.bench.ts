// Hostile uploads against a live app: how long /healthz takes to answer while each file is
// uploaded (and refused, or read through in the parsing worker), against /healthz with nothing
// else going on, in the same run. Then memory: reading a 200,000-row CSV row by row through the
// worker against just reading its bytes. Run: `npm run bench -- import-uploads`.
import { Readable } from 'node:stream';
import { Client, startTestApp } from '../test/support/app.ts';
import { buildOrg, buildPerson } from '../test/support/factories.ts';
import { multipart } from '../src/modules/evidence/test/evidence-helpers.ts';
import { readRows } from '../src/modules/evidence/imports/engine/read-rows.ts';
import { engineLabel, saveResult } from './harness.ts';

const wide = (n: number) => Array.from({ length: n }, (_, i) => `h${i}`).join(',') + '\n';
const FILES: Array<[string, string, () => Buffer]> = [
  ['20,000 headings (refused)', 'a.csv', () => Buffer.from(wide(20_000))],
  ['1.2 million headings, 9.4 MB (refused)', 'b.csv', () => Buffer.from(wide(1_200_000))],
  [
    '250,001 rows (refused after reading)',
    'c.csv',
    () => Buffer.from('Code,Consent to record\n' + 'R,Yes\n'.repeat(250_001)),
  ],
  [
    '200,000 valid rows, 2.2 MB (read through)',
    'd.csv',
    () => Buffer.from('Code,Consent to record\n' + Array.from({ length: 200_000 }, (_, i) => `P${i},Yes\n`).join('')),
  ],
];

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const ms = (n: number) => n.toFixed(1);

export async function runImportUploadsBench(): Promise<string> {
  const t = await startTestApp();
  try {
    const db = t.database.db;
    const org = await buildOrg(db, { name: 'Bench Uploads' });
    const lead = await buildPerson(db, { memberships: [{ orgId: org.id, role: 'lead' }] });
    const c = new Client(t.app);
    await c.signInAs(db, lead.id);
    const csrf = /_csrf=([^"&]+)/.exec((await c.get(`/orgs/${org.slug}/imports`)).body)![1]!;
    const health = async () => {
      const start = performance.now();
      await t.app.inject({ method: 'GET', url: '/healthz' });
      return performance.now() - start;
    };
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) idle.push(await health());
    const rows: string[] = [];
    rows.push(
      `| nothing else (baseline) | ${ms(pct(idle, 0.5))} | ${ms(pct(idle, 0.95))} | ${ms(Math.max(...idle))} | 1.0 | |`,
    );
    for (const [label, name, make] of FILES) {
      const body = multipart({ target: 'participants' }, { field: 'file', name, type: 'text/csv', content: make() });
      let done = false;
      const uploadStart = performance.now();
      const upload = c
        .request({
          method: 'POST',
          url: `/orgs/${org.slug}/imports?_csrf=${csrf}`,
          payload: body.payload,
          headers: { 'content-type': body.contentType },
        })
        .then((r) => {
          done = true;
          return r;
        });
      const during: number[] = [];
      while (!done) {
        during.push(await health());
        await new Promise((r) => setTimeout(r, 5));
      }
      const res = await upload;
      const took = (performance.now() - uploadStart) / 1000;
      rows.push(
        `| ${label}: ${res.statusCode} in ${took.toFixed(1)} s | ${ms(pct(during, 0.5))} | ${ms(pct(during, 0.95))} | ${ms(Math.max(...during))} | ${(Math.max(...during) / pct(idle, 0.5)).toFixed(1)} | ${during.length} |`,
      );
    }
    // Memory: the same 200,000-row file read as bytes only, then row by row through the worker.
    const big = FILES[3]![2]();
    const chunks = () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < big.length; i += 64 * 1024) yield big.subarray(i, i + 64 * 1024);
        })(),
      );
    const peakDuring = async (work: () => Promise<void>) => {
      global.gc?.();
      const start = process.memoryUsage();
      let heap = start.heapUsed;
      let rss = start.rss;
      const timer = setInterval(() => {
        const m = process.memoryUsage();
        heap = Math.max(heap, m.heapUsed);
        rss = Math.max(rss, m.rss);
      }, 10);
      await work();
      clearInterval(timer);
      const m = process.memoryUsage();
      return {
        heap: (Math.max(heap, m.heapUsed) - start.heapUsed) / 2 ** 20,
        rss: (Math.max(rss, m.rss) - start.rss) / 2 ** 20,
      };
    };
    const bytesOnly = await peakDuring(async () => {
      let n = 0;
      for await (const chunk of chunks()) n += (chunk as Buffer).length;
      void n;
    });
    const rowByRow = await peakDuring(async () => {
      let n = 0;
      for await (const _row of readRows({ kind: 'csv', stream: chunks() })) n += 1;
      void n;
    });
    const memory = [
      '| read | heap growth MB (main thread) | RSS growth MB (process, worker included) |',
      '| --- | --- | --- |',
      `| bytes only (baseline) | ${bytesOnly.heap.toFixed(1)} | ${bytesOnly.rss.toFixed(1)} |`,
      `| every row through the worker | ${rowByRow.heap.toFixed(1)} | ${rowByRow.rss.toFixed(1)} |`,
      `| file size | ${(big.length / 2 ** 20).toFixed(1)} MB | |`,
    ];
    const out = [
      `Engine: ${engineLabel()}. /healthz answer time in ms while each upload is received (app.inject, same process).`,
      '',
      '| while uploading | p50 ms | p95 ms | max ms | max / idle p50 | /healthz calls |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      ...memory,
    ].join('\n');
    await saveResult('import-uploads', { table: out });
    return out;
  } finally {
    await t.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await runImportUploadsBench());
