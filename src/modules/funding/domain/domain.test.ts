// The funding module's pure logic, exactly: money, identifiers, budgets, reminders, the value
// statement, and the streaming JSON reader against JSON.parse.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkBudget } from './budget.ts';
import { isRealDate, reminderStep } from './deadlines.ts';
import { identifiersFor, normaliseIdentifier } from './identifiers.ts';
import { formatMoney, parseMoney, penceOf } from './money.ts';
import { buildValueStatement } from './value-statement.ts';
import { scanJsonPackage } from '../import/json-stream.ts';

test('money: typed amounts to pence, and back', () => {
  assert.equal(parseMoney('12,500'), 1_250_000);
  assert.equal(parseMoney('£12500.5'), 1_250_050);
  assert.equal(parseMoney('0.01'), 1);
  for (const bad of ['', '-5', '1.234', 'abc', '1,2,3', '1e5', '12 500']) assert.equal(parseMoney(bad), undefined, bad);
  assert.equal(formatMoney(1_250_000), '£12,500');
  assert.equal(formatMoney(1_250_050), '£12,500.50');
  assert.equal(penceOf('12500.50'), 1_250_050);
});

test('identifiers: charity, OSCR, NI and Companies House numbers as 360Giving writes them', () => {
  assert.deepEqual(identifiersFor('1234567', ''), ['GB-CHC-1234567']);
  assert.deepEqual(identifiersFor('SC012345', ''), ['GB-SC-SC012345']);
  assert.deepEqual(identifiersFor('NIC100123', ''), ['GB-NIC-100123']);
  assert.deepEqual(identifiersFor('', '1234567'), ['GB-COH-01234567']);
  assert.equal(normaliseIdentifier(' gb-coh-1234567 '), 'GB-COH-01234567');
});

test('a budget balances to the penny or is refused with the gap', () => {
  const lines = [
    { orgId: 'a', orgName: 'A', pence: 4_000_000 },
    { orgId: 'b', orgName: 'B', pence: 2_000_000 },
  ];
  assert.deepEqual(checkBudget(6_000_000, lines), { ok: true });
  const short = checkBudget(6_000_001, lines);
  assert.equal(short.ok, false);
  assert.match(!short.ok ? short.message : '', /£0.01 is not given to any partner yet/);
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 1e9 }), { maxLength: 20 }),
      fc.integer({ min: 1, max: 2e10 }),
      (ps, total) =>
        checkBudget(
          total,
          ps.map((p, i) => ({ orgId: String(i), orgName: String(i), pence: p })),
        ).ok ===
        (ps.reduce((s, p) => s + p, 0) === total),
    ),
  );
});

test('reminders: 14 and 3 days before; none after the deadline or far ahead', () => {
  assert.equal(reminderStep('2026-01-01', '2026-01-15'), 14);
  assert.equal(reminderStep('2026-01-01', '2026-01-16'), undefined);
  assert.equal(reminderStep('2026-01-01', '2026-01-04'), 3);
  assert.equal(reminderStep('2026-01-01', '2026-01-01'), undefined);
  assert.equal(reminderStep('2026-03-28', '2026-03-31'), 3, 'across the clocks changing');
  assert.equal(isRealDate('2026-02-30'), false);
  assert.equal(isRealDate('2028-02-29'), true);
});

test('the value statement: no ratio without costs or an outcome, and it says what is missing', () => {
  const base = {
    participants: 40,
    sessions: 90,
    attendance: 700,
    volunteerHours: 300,
    lifeSatisfaction: null,
    runningCostsPence: null,
    costsYear: '',
  };
  const none = buildValueStatement(base);
  assert.equal(none.perPound, null);
  assert.equal(none.missing.length, 2);
  assert.match(none.missing.join(' '), /running costs/);
  const costsOnly = buildValueStatement({ ...base, runningCostsPence: 2_000_000 });
  assert.equal(costsOnly.perPound, null, 'costs but no valued outcome: no ratio');
  const full = buildValueStatement({
    ...base,
    runningCostsPence: 2_000_000,
    lifeSatisfaction: { n: 20, meanChange: 1, ciLow: 0.5, ciHigh: 1.5 },
  });
  assert.ok(full.perPound);
  // 1 × 20 × £13,000 × 15,400/13,000 = £308,000 gross × 0.75 × 1 × 0.75 = £173,250; costs £20,000 + 300 h × £18.64 = £25,592.
  assert.equal(full.worth[0]!.value, '£173,250');
  assert.equal(full.perPound.central, `£${(173_250 / 25_592).toFixed(2)}`);
  assert.ok(
    full.worth.every((l) => l.method.length > 10),
    'every figure with its method',
  );
  assert.equal(
    buildValueStatement({ ...base, lifeSatisfaction: { n: 1, meanChange: 3, ciLow: 0, ciHigh: 6 } }).worth.length,
    1,
    'one person is not a change',
  );
});

test('the streaming JSON reader gives the same grants and metadata as JSON.parse, however the bytes are cut', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }), {
        maxLength: 6,
      }),
      fc.dictionary(
        fc.string({ minLength: 1, maxLength: 5 }).filter((k) => k !== 'grants'),
        fc.jsonValue({ maxDepth: 2 }),
        { maxKeys: 3 },
      ),
      fc.integer({ min: 1, max: 17 }),
      async (grants, meta, size) => {
        const text = Buffer.from(JSON.stringify({ ...meta, grants }, null, size % 3));
        const chunks: Uint8Array[] = [];
        for (let i = 0; i < text.length; i += size) chunks.push(text.subarray(i, i + size));
        const got: unknown[] = [];
        const gotMeta: Record<string, unknown> = {};
        for await (const item of scanJsonPackage(chunks)) {
          if (item.type === 'grant') got.push(JSON.parse(item.text));
          else gotMeta[item.key] = item.value;
        }
        assert.deepEqual(got, JSON.parse(JSON.stringify(grants)));
        assert.deepEqual(gotMeta, JSON.parse(JSON.stringify(meta)));
      },
    ),
    { numRuns: 200 },
  );
});
