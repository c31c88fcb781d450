// Reminders and feedback requests go once each, even with two runners at the same moment on
// two separate connections (two app processes on one PostgreSQL server, when TEST_DATABASE_URL is set).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import path from 'node:path';
import { openDatabase } from '../../../platform/db/database.ts';
import { createMailer } from '../../../platform/mail/mailer.ts';
import type { Deps } from '../../../platform/deps.ts';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOrg } from '../../../../test/support/factories.ts';
import { insertEvent } from '../events.repository.ts';
import { sendFeedbackRequests, sendReminders } from '../jobs.ts';
import { registerForEvent } from '../registration.service.ts';
import { ANONYMOUS } from '../../../platform/auth/actor.ts';
import { depsOf, fields } from './helpers.ts';
import { eventually } from '../../../platform/jobs/test/probe-module.ts';
import { testDatabaseUrl } from '../../../../test/support/database.ts';
import { sql } from 'kysely';

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
  custom_answers: [],
  wait_if_full: true,
});

test('each reminder goes exactly once, from two runners at once', async () => {
  const deps = depsOf(t);
  const org = await buildOrg(t.database.db);
  const starts = new Date(Date.now() + 30 * 86400_000);
  const id = await insertEvent(
    t.database.db,
    org.id,
    null,
    fields({ starts_at: starts, ends_at: new Date(starts.getTime() + 3600_000), capacity_in_person: 5 }),
  );
  for (const n of ['Rem1', 'Rem2', 'Rem3']) await registerForEvent(deps, ANONYMOUS, id, input(n));
  const second = t.database.url
    ? await openDatabase({ kind: 'postgres', url: t.database.url, maxConnections: 4 })
    : undefined;
  const other: Deps = second ? { ...deps, db: second.db } : deps;
  try {
    const reminders = async (_now: Date) =>
      (await t.mailer.outbox(500)).filter((m) => m.subject.startsWith('Coming up')).length;
    // 8 days before: nothing due
    assert.equal(await sendReminders(deps, new Date(starts.getTime() - 8 * 86400_000)), 0);
    // 6 days before: the 7-day reminder, once each, however many runners
    const sixDays = new Date(starts.getTime() - 6 * 86400_000);
    const sent = await Promise.all([
      sendReminders(deps, sixDays),
      sendReminders(other, sixDays),
      sendReminders(deps, sixDays),
      sendReminders(other, sixDays),
    ]);
    assert.equal(
      sent.reduce((a, b) => a + b, 0),
      3,
    );
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
  const id = await insertEvent(
    t.database.db,
    org.id,
    null,
    fields({ starts_at: starts, ends_at: new Date(starts.getTime() + 3600_000) }),
  );
  await registerForEvent(deps, ANONYMOUS, id, input('Latecomer'));
  assert.equal(await sendReminders(deps, new Date()), 0, 'the 7-day reminder is skipped');
  assert.equal(await sendReminders(deps, new Date(starts.getTime() - 12 * 3600_000)), 1, 'the 1-day one goes');
});

test('a reminder the mail server refused is sent on the next run, once: refusing never uses it up', async () => {
  const deps = depsOf(t);
  const org = await buildOrg(t.database.db);
  const starts = new Date(Date.now() + 30 * 86400_000);
  const id = await insertEvent(
    t.database.db,
    org.id,
    null,
    fields({ title: 'Refused mail', starts_at: starts, ends_at: new Date(starts.getTime() + 3600_000) }),
  );
  for (const n of ['Refused1', 'Refused2']) await registerForEvent(deps, ANONYMOUS, id, input(n));
  // A real SMTP client pointed at a port where nothing listens: every send fails, as when the
  // mail server is down or the process dies mid-send.
  const down: Deps = {
    ...deps,
    mailer: createMailer({ smtpUrl: 'smtp://127.0.0.1:1', outboxDir: path.join(t.dataDir, 'unused') }),
  };
  const sixDays = new Date(starts.getTime() - 6 * 86400_000);
  await assert.rejects(sendReminders(down, sixDays));
  assert.equal(await sendReminders(deps, sixDays), 2, 'both still due');
  assert.equal(await sendReminders(deps, sixDays), 0, 'and then done');
  const got = (await t.mailer.outbox(500)).filter((m) => m.subject === 'Coming up: Refused mail');
  assert.deepEqual(got.map((m) => m.to).sort(), ['refused1@test.example', 'refused2@test.example']);
});

// Two real app processes on one PostgreSQL server, both running the job queue: the reminder job
// is queued many times over while both poll, and each person still gets one reminder. The
// emails are counted in the outbox the two processes write to.
test(
  'two app processes on one PostgreSQL server send each reminder exactly once',
  { skip: !testDatabaseUrl && 'PostgreSQL only' },
  async () => {
    const deps = depsOf(t);
    const org = await buildOrg(t.database.db);
    const starts = new Date(Date.now() + 6 * 86400_000);
    const id = await insertEvent(
      t.database.db,
      org.id,
      null,
      fields({
        title: 'Two process reminder',
        starts_at: starts,
        ends_at: new Date(starts.getTime() + 3600_000),
        capacity_in_person: 10,
      }),
    );
    const names = ['Proc1', 'Proc2', 'Proc3', 'Proc4', 'Proc5'];
    for (const n of names) await registerForEvent(deps, ANONYMOUS, id, input(n));
    // booked ten days ago, so the 7-day reminder is due now
    await t.database.db
      .updateTable('event_registrations')
      .set({ created_at: new Date(Date.now() - 10 * 86400_000) })
      .where('event_id', '=', id)
      .execute();
    const children: ChildProcess[] = [];
    const startChild = async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/platform/jobs/test/instance.child.ts'], {
        env: { ...process.env, DATABASE_URL: t.database.url!, DATA_DIR: t.dataDir },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      await eventually('an instance starts', async () => out.includes('ready'), 60);
    };
    const reminders = async () =>
      (await t.mailer.outbox(1000)).filter((m) => m.subject === 'Coming up: Two process reminder');
    try {
      await Promise.all([startChild(), startChild()]);
      const due = new Date(Date.now() + 1500);
      for (let i = 0; i < 8; i++) await t.app.jobs.send('events.send-reminders', {}, { startAfter: due });
      await eventually('the reminders go', async () => (await reminders()).length >= names.length, 60);
      // every queued run finishes (on either instance) before the outbox is counted, so a slow
      // machine cannot end the wait early
      const completedRuns = async () => {
        const { rows } = await sql<{
          n: number;
        }>`select count(*)::int as n from pgboss.job where name = 'events.send-reminders' and state = 'completed'`.execute(
          t.database.db,
        );
        return rows[0]!.n;
      };
      await eventually('every queued run finishes', async () => (await completedRuns()) >= 8, 90);
      const sent = await reminders();
      assert.equal(sent.length, names.length, 'one reminder each');
      assert.deepEqual(sent.map((m) => m.to).sort(), names.map((n) => `${n.toLowerCase()}@test.example`).sort());
    } finally {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(children.map((c) => (c.exitCode === null ? once(c, 'exit') : undefined)));
    }
  },
);
