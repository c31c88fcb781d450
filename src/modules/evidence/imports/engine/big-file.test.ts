// A 200,000-row CSV generated on the fly (never held in memory or on disk) to show that reading
// and importing stream: the heap stays well below what holding the file would need. Nothing is
// asserted about time.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readRows } from './read-rows.ts';
import { runImport } from './run-import.ts';
import { PARTICIPANTS_SCHEMA } from './target-schemas.ts';
import { memoryLookups } from './test-support.ts';

const ROWS = 200_000;

/** Yields the CSV in chunks of 1,000 lines; about 14 MB of text in all. */
function bigParticipantsCsv(rows: number): Readable {
  return Readable.from(
    (function* () {
      yield 'Code,First name,Age band,Consent to record,Consent date\r\n';
      for (let start = 1; start <= rows; start += 1000) {
        let chunk = '';
        for (let n = start; n < start + 1000 && n <= rows; n += 1)
          chunk += `P${String(n).padStart(6, '0')},Name ${n},25-34,Yes,03/02/2024\r\n`;
        yield chunk;
      }
    })(),
  );
}

const MB = 1024 * 1024;

test(`reading ${ROWS.toLocaleString('en-GB')} CSV rows streams`, async () => {
  const before = process.memoryUsage().heapUsed;
  let count = 0;
  let peak = before;
  for await (const row of readRows({ kind: 'csv', stream: bigParticipantsCsv(ROWS) })) {
    count += 1;
    if (count % 20_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    if (count === ROWS) assert.equal(row.rowNumber, ROWS + 1);
  }
  assert.equal(count, ROWS);
  // Holding the rows as objects would take several hundred MB; streaming stays far below.
  assert.ok(peak - before < 100 * MB, `heap grew by ${Math.round((peak - before) / MB)} MB`);
});

test(`a dry-run import of ${ROWS.toLocaleString('en-GB')} rows keeps only small per-row state`, async () => {
  const before = process.memoryUsage().heapUsed;
  const report = await runImport({
    rows: readRows({ kind: 'csv', stream: bigParticipantsCsv(ROWS) }),
    mapping: {
      code: 'Code',
      first_name: 'First name',
      age_band: 'Age band',
      consent_record: 'Consent to record',
      consent_date: 'Consent date',
    },
    target: PARTICIPANTS_SCHEMA,
    lookups: memoryLookups({}),
    sink: { write: async () => {} },
    mode: 'all_or_nothing',
    dryRun: true,
    today: '2024-06-30',
  });
  const grown = process.memoryUsage().heapUsed - before;
  assert.equal(report.rowsRead, ROWS);
  assert.equal(report.validRows, ROWS);
  assert.equal(report.outcome, 'dry_run');
  // The duplicate-key hashes are the only per-row state: roughly 100 bytes each, ~20 MB here.
  assert.ok(grown < 150 * MB, `heap grew by ${Math.round(grown / MB)} MB`);
});
