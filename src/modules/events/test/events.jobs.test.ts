// Reminders and feedback requests go once each, even with two runners at the same moment on
// two separate connections (two app processes on one PostgreSQL server, when TEST_DATABASE_URL is set).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDatabase } from '../../../platform/db/database.ts';
import type { Deps } from '../../../platform/deps.ts';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOrg } from '../../../../test/support/factories.ts';
import { insertEvent } from '../events.repository.ts';
import { sendFeedbackRequests, sendReminders } from '../jobs.ts';
import { registerForEvent } from '../registration.service.ts';
import { ANONYMOUS } from '../../../platform/auth/actor.ts';
import { depsOf, fields } from './helpers.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(async () => t.close());

const input = (name: string) => ({
  name,
  email: `${name.toLowerCase()}@test.example`,
  places: 1,
  mode: 'in_person' as const,
  access_needs: '',
  dietary_needs: '',
  heard_from: '',
  custom_answer: '',
  wait_if_full: true,
});

test('each reminder goes exactly once, from two runners at once', async () => {
  const deps = depsOf(t);
  const org = await buildOrg(t.database.db);
  const starts = new Date(Date.now() + 30 * 86400_000);
  const id = await insertEvent(t.database.db, org.id, null, fields({ starts_at: starts, ends_at: new Date(starts.getTime() + 3600_000), capacity_in_person: 5 }));
  for (const n of ['Rem1', 'Rem2', 'Rem3']) await registerForEvent(deps, ANONYMOUS, id, input(n));
  const second = t.database.url ? await openDatabase({ kind: 'postgres', url: t.database.url, maxConnections: 4 }) : undefined;
  const other: Deps = second ? { ...deps, db: second.db } : deps;
  try {
    const reminders = async (_now: Date) => (await t.mailer.outbox(500)).filter((m) => m.subject.startsWith('Coming up')).length;
    // 8 days before: nothing due
    assert.equal((await sendReminders(deps, new Date(starts.getTime() - 8 * 86400_000))), 0);
    // 6 days before: the 7-day reminder, once each, however many runners
    const sixDays = new Date(starts.getTime() - 6 * 86400_000);
    const sent = await Promise.all([sendReminders(deps, sixDays), sendReminders(other, sixDays), sendReminders(deps, sixDays), sendReminders(other, sixDays)]);
    assert.equal(sent.reduce((a, b) => a + b, 0), 3);
    assert.equal(await reminders(sixDays), 3);
    // again at 5 days: nothing new
    assert.equal(await sendReminders(other, new Date(starts.getTime() - 5 * 86400_000)), 0);
    // 20 hours before: the 1-day reminder
    const day = new Date(starts.getTime() - 20 * 3600_000);
    await Promise.all([sendReminders(deps, day), sendReminders(other, day)]);
    assert.equal(await reminders(day), 6);
    // feedback requests after the event, once
    const later = new Date(starts.getTime() + 2 * 3600_000);
    const fb = await Promise.all([sendFeedbackRequests(deps, later), sendFeedbackRequests(other, later)]);
    assert.equal(fb[0] + fb[1], 3);
    assert.equal((await t.mailer.outbox(500)).filter((m) => m.subject.startsWith('How was it?')).length, 3);
  } finally {
    await second?.close();
  }
});

test('no "coming up" reminder for a window that had passed when they booked', async () => {
  const deps = depsOf(t);
  const org = await buildOrg(t.database.db);
  const starts = new Date(Date.now() + 3 * 86400_000);
  const id = await insertEvent(t.database.db, org.id, null, fields({ starts_at: starts, ends_at: new Date(starts.getTime() + 3600_000) }));
  await registerForEvent(deps, ANONYMOUS, id, input('Latecomer'));
  assert.equal(await sendReminders(deps, new Date()), 0, 'the 7-day reminder is skipped');
  assert.equal(await sendReminders(deps, new Date(starts.getTime() - 12 * 3600_000)), 1, 'the 1-day one goes');
});
