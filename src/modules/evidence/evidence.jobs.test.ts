// The evidence module's scheduled jobs, called directly as the queue would call them.
import assert from 'node:assert/strict';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildOrg, buildPerson } from '../../../test/support/factories.ts';
import type { Deps } from '../../platform/deps.ts';
import { insertCompletionLink } from './assessments/assessments.repository.ts';
import { evidenceModule } from './index.ts';
import { buildParticipant } from './test/evidence-helpers.ts';

let t: TestApp;
before(async () => (t = await startTestApp()));
after(() => t.close());

const DAY = 86_400_000;
const job = (name: string) => evidenceModule.jobs!.find((j) => j.name === name)!;
const deps = () => ({ db: t.database.db, config: t.config }) as Deps;

test('the evidence jobs are declared with a daily UK-time schedule', () => {
  assert.deepEqual(
    evidenceModule.jobs!.map((j) => [j.name, j.schedule]),
    [
      ['evidence.sweep-uploads', '40 3 * * *'],
      ['evidence.expire-completion-links', '50 3 * * *'],
      ['evidence.purge-deleted-assessments', '55 3 * * *'],
      ['evidence.apply-retention', '10 4 * * *'],
    ],
  );
});

test('the sweep deletes uploads older than a day and keeps newer ones', async () => {
  const dir = path.join(t.dataDir, 'imports');
  await job('evidence.sweep-uploads').run(deps(), {}); // no folder yet: nothing to do, no error
  await mkdir(dir, { recursive: true });
  for (const [name, ageDays] of [
    ['old.csv', 2],
    ['recent.xlsx', 0.5],
    ['just-over.csv', 1.01],
  ] as const) {
    const file = path.join(dir, name);
    await writeFile(file, 'code\nP1\n');
    const when = new Date(Date.now() - ageDays * DAY);
    await utimes(file, when, when);
  }
  await mkdir(path.join(dir, 'a-folder'));
  await job('evidence.sweep-uploads').run(deps(), {});
  assert.deepEqual((await readdir(dir)).sort(), ['a-folder', 'recent.xlsx']);
});

test('spent self-completion links are forgotten a month after they expired, open ones stay', async () => {
  const org = await buildOrg(t.database.db, { slug: 'jobs-org' });
  const person = await buildPerson(t.database.db, { email: 'jobs-lead@example.org' });
  const participant = await buildParticipant(t.database.db, org.id, 'J-1');
  const link = (tokenHash: string, expiresAt: Date) =>
    insertCompletionLink(t.database.db, {
      tokenHash,
      orgId: org.id,
      participantId: participant,
      instrumentKey: 'ons4',
      instrumentVersion: '1',
      timePoint: '',
      createdBy: person.id,
      expiresAt,
    });
  await link('open', new Date(Date.now() + 3 * DAY));
  await link('expired-last-week', new Date(Date.now() - 7 * DAY));
  await link('expired-two-months-ago', new Date(Date.now() - 60 * DAY));
  await job('evidence.expire-completion-links').run(deps(), {});
  const left = await t.database.db
    .selectFrom('evidence_completion_links')
    .select('token_hash')
    .orderBy('token_hash')
    .execute();
  assert.deepEqual(
    left.map((r) => r.token_hash),
    ['expired-last-week', 'open'],
  );
});
