// Releases of the outside figures: the calendar, the precision rule, the job and the command.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { buildOrg } from '../../../test/support/factories.ts';
import type { Deps } from '../../platform/deps.ts';
import { todayInUk } from '../../platform/time.ts';
import { nextReleaseDate, releaseIsDue, releaseSentence } from './domain/release-calendar.ts';
import { roundToStep, statisticStep } from './domain/outside-precision.ts';
import { buildOutsideView } from './insight.service.ts';
import { publishFiguresJob } from './release.job.ts';
import { runFiguresCommand } from './release.command.ts';
import { addPairedPeople } from './test/insight-data.ts';

let db: TestDatabase;
before(async () => {
  db = await freshDatabase();
});
after(() => db.close());

test('the calendar: monthly on the 1st, due when the month has none', () => {
  assert.equal(nextReleaseDate('2026-11-01'), '2026-12-01');
  assert.equal(nextReleaseDate('2026-12-15'), '2027-01-01');
  assert.equal(releaseIsDue(undefined, '2026-12-02'), true);
  assert.equal(releaseIsDue('2026-12-01', '2026-12-31'), false);
  assert.equal(releaseIsDue('2026-11-01', '2026-12-01'), true);
  assert.equal(
    releaseSentence({ releasedOn: '2026-11-01', nextReleaseOn: '2026-12-01' }),
    'Figures as at 1 November 2026, next update 1 December 2026.',
  );
});

test('the precision: 0.2 for a group shown as 10, 0.1 above; every n in the band fits the rounded mean', () => {
  assert.equal(statisticStep(10), 0.2);
  assert.equal(statisticStep(15), 0.1);
  assert.equal(roundToStep(1.444444, 0.2), 1.4);
  assert.equal(roundToStep(-0.04, 0.1), 0);
  for (const [shown, step] of [
    [10, 0.2],
    [15, 0.1],
    [20, 0.1],
  ] as const) {
    for (let n = Math.max(8, shown - 2); n <= shown + 2; n++) {
      for (let s = -5 * n; s <= 5 * n; s++) {
        const v = roundToStep(s / n, step);
        // Every other n in the band has a whole-number sum with the same published mean.
        for (let m = Math.max(8, shown - 2); m <= shown + 2; m++) {
          const fits = Math.ceil(m * (v - step / 2) - 1e-9) <= Math.floor(m * (v + step / 2) + 1e-9);
          assert.ok(fits, `mean ${v} from ${n} people: no sum fits ${m}`);
        }
      }
    }
  }
});

test('the command publishes a dated release once; the job publishes once a month', async () => {
  const org = await buildOrg(db.db, { name: 'Release Test Group' });
  await addPairedPeople(db.db, org.id, [1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
  assert.equal((await buildOutsideView(db.db)).release, null);
  const out: string[] = [];
  const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
  assert.equal(await runFiguresCommand(['publish', '--on', '2026-01-01'], db.db, io), 0);
  assert.match(out.join('\n'), /Published the figures as at 1 January 2026; the next update is due 1 February 2026\./);
  assert.equal(await runFiguresCommand(['publish', '--on', '2026-01-01'], db.db, io), 0);
  assert.match(out.join('\n'), /already a release dated 1 January 2026/);
  assert.equal(await runFiguresCommand(['publish', '--on', 'soon'], db.db, io), 2);
  assert.equal(await runFiguresCommand(['publish', '--on', '2999-01-01'], db.db, io), 2);
  const first = await buildOutsideView(db.db);
  assert.equal(first.totals.participants.display, '10');
  await addPairedPeople(db.db, org.id, [1, 1, 1]);
  assert.deepEqual(await buildOutsideView(db.db), first, 'nothing changes between releases');
  const deps = { db: db.db } as Deps;
  await publishFiguresJob.run(deps, {}); // this month has none yet
  const second = await buildOutsideView(db.db);
  assert.equal(second.release?.releasedOn, todayInUk());
  assert.equal(second.totals.participants.display, '15');
  await addPairedPeople(db.db, org.id, [1, 1, 1]);
  await publishFiguresJob.run(deps, {}); // same month again: nothing new
  assert.deepEqual(await buildOutsideView(db.db), second);
  assert.equal(publishFiguresJob.schedule, '0 6 1 * *');
  assert.equal(publishFiguresJob.runOnStart, true);
});
