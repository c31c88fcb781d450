// The privacy notice and the coordinators' records of processing, through HTTP.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildOrg, buildPerson } from '../../../test/support/factories.ts';
import { PROCESSING_REGISTER } from './processing-register.ts';

let t: TestApp;
before(async () => (t = await startTestApp()));
after(() => t.close());

test('the privacy notice names the controllers, the Article 9 condition, retention, rights and a contact', async () => {
  const res = await new Client(t.app).get('/privacy');
  assert.equal(res.statusCode, 200);
  for (const words of [/data controller/, /Article 9\(2\)\(a\)/, /6 years/, /30 days/, /ico\.org\.uk/, /erased/])
    assert.match(res.body, words);
  assert.doesNotMatch(res.body, /\.tsx?\b|src\//, 'no file names on a user page');
});

test('records of processing: coordinators only, with live counts and the retention rules chosen', async () => {
  const db = t.database.db;
  const org = await buildOrg(db);
  await db.insertInto('evidence_retention_rules').values({ org_id: org.id, inactive_years: 3 }).execute();
  const coordinator = await buildPerson(db, { networkRole: 'coordinator' });
  const lead = await buildPerson(db, { memberships: [{ orgId: org.id, role: 'lead' }] });
  const c = new Client(t.app);
  await c.signInAs(db, coordinator.id);
  const res = await c.get('/network/records-of-processing');
  assert.equal(res.statusCode, 200);
  for (const a of PROCESSING_REGISTER) assert.ok(res.body.includes(a.name.replace(/,/g, ',')), a.name);
  assert.match(res.body, /<td[^>]*>3 years<\/td>\s*<td[^>]*>1<\/td>/);
  assert.match(res.body, /Article 30/);
  const l = new Client(t.app);
  await l.signInAs(db, lead.id);
  assert.notEqual((await l.get('/network/records-of-processing')).statusCode, 200);
  assert.notEqual((await new Client(t.app).get('/network/records-of-processing')).statusCode, 200);
});

test('the register names the tables that hold people and their records', async () => {
  const named = new Set(PROCESSING_REGISTER.flatMap((a) => a.tables));
  for (const table of ['people', 'evidence_participants', 'evidence_assessments', 'evidence_consents', 'audit_log'])
    assert.ok(named.has(table as never), table);
});
