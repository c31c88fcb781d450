// An invitation link is not a way to sign in. Someone who already has an account signs in as
// themselves to accept it; someone new chooses a password. It lasts 72 hours and works once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { hashToken } from '../../platform/auth/tokens.ts';
import { eventually } from '../../platform/jobs/test/probe-module.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKind } from '../../../test/support/database.ts';
import { buildOrg, buildPerson, lastMailTo, linkIn, TEST_PASSWORD } from '../../../test/support/factories.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof buildOrg>>;
let lead: Client;
before(async () => {
  t = await startTestApp();
  org = await buildOrg(t.database.db, { name: 'Lantern Recovery' });
  const leadPerson = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'lead' }] });
  lead = new Client(t.app);
  await lead.signIn(leadPerson.email, TEST_PASSWORD);
  await lead.get(`/orgs/${org.slug}`);
});
after(() => t.close());

async function invite(email: string, role = 'worker'): Promise<string> {
  assert.equal((await lead.post(`/orgs/${org.slug}/team/invite`, { email, role })).statusCode, 303);
  return linkIn((await lastMailTo(() => t.mailer.outbox(200), email)).text);
}
const membership = (personId: string) =>
  t.database.db
    .selectFrom('memberships')
    .select('role')
    .where('org_id', '=', org.id)
    .where('person_id', '=', personId)
    .executeTakeFirst();

test('an existing account is asked to sign in as themselves; the link alone never signs anyone in', async () => {
  const existing = await buildPerson(t.database.db);
  const path = await invite(existing.email);
  const stranger = new Client(t.app);
  const page = await stranger.get(path);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`Sign in as ${existing.email.replace('.', '\\.')} to accept`));
  const res = await stranger.post(path);
  assert.equal(res.statusCode, 303);
  assert.match(String(res.headers.location), /^\/sign-in\?next=/);
  assert.equal(stranger.cookies.has('rc_session'), false, 'no session from the link');
  assert.equal(await membership(existing.id), undefined, 'nobody joined');

  const someoneElse = await buildPerson(t.database.db);
  const other = new Client(t.app);
  await other.signIn(someoneElse.email, TEST_PASSWORD);
  const wrong = await other.post(path);
  assert.equal(wrong.statusCode, 403);
  assert.match(wrong.body, /This invitation is for/);
  assert.equal(await membership(existing.id), undefined);
  assert.equal(await membership(someoneElse.id), undefined);

  const owner = new Client(t.app);
  await owner.signIn(existing.email, TEST_PASSWORD);
  const sessionBefore = owner.cookies.get('rc_session');
  const ok = await owner.post(path);
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, `/orgs/${org.slug}`);
  assert.equal(owner.cookies.get('rc_session'), sessionBefore, 'the same session: accepting signs nobody in');
  assert.equal((await membership(existing.id))?.role, 'worker');
  assert.equal((await owner.post(path)).statusCode, 410, 'once used, it is gone');
});

test('an invitation lasts 72 hours, then is refused', async () => {
  const email = `late.${Date.now()}@test.example`;
  const path = await invite(email);
  const row = await t.database.db
    .selectFrom('email_tokens')
    .select(['created_at', 'expires_at'])
    .where('token_hash', '=', hashToken(path.split('/').pop()!))
    .executeTakeFirstOrThrow();
  const hours = (row.expires_at.getTime() - row.created_at.getTime()) / 3_600_000;
  assert.ok(Math.abs(hours - 72) < 0.1, `lasts ${hours} hours`);
  await t.database.db
    .updateTable('email_tokens')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where('token_hash', '=', hashToken(path.split('/').pop()!))
    .execute();
  const res = await new Client(t.app).post(path, {
    name: 'Late Person',
    password: 'lantern light walks',
    confirm: 'lantern light walks',
  });
  assert.equal(res.statusCode, 410);
});

const newcomer = (name: string) => ({ name, password: `${name} good password`, confirm: `${name} good password` });

test('two people accepting one new-person invitation at once: only one wins', async () => {
  const email = `twice.${Date.now()}@test.example`;
  const path = await invite(email);
  const a = new Client(t.app);
  const b = new Client(t.app);
  await a.get(path);
  await b.get(path);
  const answers = await Promise.all([a.post(path, newcomer('First')), b.post(path, newcomer('Second'))]);
  assert.deepEqual(answers.map((r) => r.statusCode).sort(), [303, 410]);
  const people = await t.database.db.selectFrom('people').select('id').where('email', '=', email).execute();
  assert.equal(people.length, 1);
  assert.equal((await new Client(t.app).post(path, newcomer('Third'))).statusCode, 410);
});

test(
  'the loser of that race, having read the link before the winner finished, is told the link is used, not sent to sign in',
  { skip: testDatabaseKind === 'embedded' && 'the embedded engine runs one query at a time, so nothing interleaves' },
  async () => {
    // The window: the loser's page reads the link (still valid), the winner commits the link
    // used and the account made, then the loser looks for an account and finds the winner's.
    // Holding the people table makes the loser wait inside that window, every time.
    const email = `window.${Date.now()}@test.example`;
    const path = await invite(email);
    const loser = new Client(t.app);
    await loser.get(path);
    let answer: Promise<Awaited<ReturnType<Client['post']>>> | undefined;
    await t.database.db.transaction().execute(async (winner) => {
      await sql`lock table people in access exclusive mode`.execute(winner);
      answer = loser.post(path, newcomer('Loser'));
      await eventually('the loser waits for the people table', async () => {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pg_locks where not granted and relation = 'people'::regclass`.execute(
          t.database.db,
        );
        return rows[0]!.n > 0;
      });
      await winner
        .updateTable('email_tokens')
        .set({ used_at: new Date() })
        .where('token_hash', '=', hashToken(path.split('/').pop()!))
        .execute();
      await buildPerson(winner, { email, name: 'Winner' });
    });
    const res = await answer!;
    assert.equal(res.statusCode, 410, `answered ${res.statusCode} ${res.headers.location ?? ''}`);
    assert.match(res.body, /already been used/);
  },
);
