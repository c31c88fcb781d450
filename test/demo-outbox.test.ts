// The demo outbox holds live sign-in links: it is served only on a demo instance (--demo), says
// plainly that it is a demo outbox, and its files can be read by the app's own user alone.
import assert from 'node:assert/strict';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Client, startTestApp, type TestApp } from './support/app.ts';
import { buildPerson } from './support/factories.ts';

describe('on a demo instance', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ demo: true });
  });
  after(() => t.close());

  test('the outbox page says it is a demo outbox and why it is public', async () => {
    const res = await t.app.inject({ url: '/dev/outbox' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /This is a demo outbox/);
    assert.match(res.body, /only on a demo site/);
  });

  test('outbox files are written readable by the app alone (0600)', async () => {
    const p = await buildPerson(t.database.db);
    await new Client(t.app).post('/sign-in/email', { email: p.email });
    await t.app.jobs.runWaiting('accounts.send-link');
    const dir = path.join(t.dataDir, 'outbox');
    const files = await readdir(dir);
    assert.ok(files.length >= 2);
    for (const f of files) assert.equal((await stat(path.join(dir, f))).mode & 0o777, 0o600, f);
    assert.equal((await stat(dir)).mode & 0o077, 0, 'the folder is private too');
  });
});

test('without --demo there is no outbox page', async () => {
  const t = await startTestApp();
  try {
    const res = await t.app.inject({ url: '/dev/outbox' });
    assert.equal(res.statusCode, 404);
  } finally {
    await t.close();
  }
});
