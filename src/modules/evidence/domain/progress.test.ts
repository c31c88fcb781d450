import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BARC10, ONS4 } from './shipped-instruments.ts';
import { describeProgress, measureTitle, progressByMeasure } from './progress.ts';

const barc = (date: string, total: number, timePoint: string | null = null) => ({
  instrumentKey: 'barc10',
  date,
  timePoint,
  scores: { recovery_capital: total },
  definition: BARC10,
});
const words = (iso: string) => iso;

test('a series per measure, oldest first, whatever order the questionnaires come in', () => {
  const ons = {
    instrumentKey: 'ons4',
    date: '2026-02-01',
    timePoint: null,
    scores: Object.fromEntries(ONS4.measures.map((m, i) => [m.key, i + 3])),
    definition: ONS4,
  };
  const series = progressByMeasure([barc('2026-05-05', 38), ons, barc('2026-02-03', 29, 'start')]);
  const recovery = series.find((s) => s.id === 'barc10.recovery_capital')!;
  assert.deepEqual(
    recovery.points.map((p) => [p.date, p.score, p.timePoint]),
    [
      ['2026-02-03', 29, 'start'],
      ['2026-05-05', 38, null],
    ],
  );
  assert.equal(series.length, 1 + ONS4.measures.length);
  assert.deepEqual(recovery.range, BARC10.measures[0]!.range);
});

test('a questionnaire whose definition is unknown is left out rather than guessed', () => {
  assert.deepEqual(progressByMeasure([{ ...barc('2026-01-01', 30), definition: undefined }]), []);
});

test('the change in words: latest first, then the first, out of the scale, and which way is better', () => {
  const [recovery] = progressByMeasure([barc('2026-02-03', 29), barc('2026-03-03', 33), barc('2026-05-05', 38)]);
  assert.equal(
    describeProgress(recovery!, words),
    '38 on 2026-05-05. Up 9 points out of 50 since the first, 29 on 2026-02-03. Higher is better.',
  );
  const [down] = progressByMeasure([barc('2026-02-03', 29), barc('2026-05-05', 28)]);
  assert.match(describeProgress(down!, words), /Down 1 point out of 50 since the first/);
  const [same] = progressByMeasure([barc('2026-02-03', 29), barc('2026-05-05', 29)]);
  assert.match(describeProgress(same!, words), /The same as the first, 29 on 2026-02-03/);
  const [one] = progressByMeasure([barc('2026-02-03', 29)]);
  assert.equal(describeProgress(one!, words), '29 on 2026-02-03, the only one so far. Higher is better.');
});

test('a measure is named with its questionnaire once', () => {
  assert.equal(
    measureTitle({ measure: 'Recovery capital (BARC-10 total)', instrument: 'BARC-10' }),
    'Recovery capital (BARC-10)',
  );
  assert.equal(measureTitle({ measure: 'Anxiety', instrument: 'ONS4' }), 'Anxiety (ONS4)');
  assert.equal(measureTitle({ measure: 'Feeling connected', instrument: 'Feeling connected' }), 'Feeling connected');
});

test('two on the same day are in the order they were recorded', () => {
  const [series] = progressByMeasure([
    { ...barc('2026-05-05', 40), recordedAt: new Date('2026-05-05T15:00:00Z') },
    { ...barc('2026-05-05', 30), recordedAt: new Date('2026-05-05T09:00:00Z') },
  ]);
  assert.deepEqual(
    series!.points.map((p) => p.score),
    [30, 40],
  );
});
