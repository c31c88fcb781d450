// Asking for a sign-in link or a password reset does the same work whether or not the address
// has an account: the request only queues a job, and the job looks the person up and sends the
// mail. So the answer, and the time it takes, say nothing about who has an account.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildPerson, linkIn } from '../../../test/support/factories.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const queued = async () =>
  Number(
    (
      await sql<{ n: string }>`select count(*) as n from pgboss.job where name = 'accounts.send-link'`.execute(
        t.database.db,
      )
    ).rows[0]!.n,
  );
/** The page with what differs only by the typed address taken out. */
const shape = (body: string, email: string) =>
  body.replaceAll(email, 'EMAIL').replace(/name="_csrf" value="[^"]+"/g, '');

for (const [path, subject] of [
  ['/sign-in/email', /sign-in link/],
  ['/password/forgot', /Reset your/],
] as const) {
  test(`${path}: the same answer and the same work for an account and a stranger; the job sends the mail`, async () => {
    const p = await buildPerson(t.database.db);
    const stranger = `nobody.${Date.now()}@test.example`;
    const mails = async (to: string) =>
      (await t.mailer.outbox(200)).filter((m) => m.to === to && subject.test(m.subject));

    const before = await queued();
    const known = await new Client(t.app).post(path, { email: p.email });
    const unknown = await new Client(t.app).post(path, { email: stranger });
    assert.equal(known.statusCode, 200);
    assert.equal(unknown.statusCode, 200);
    assert.equal(shape(known.body, p.email), shape(unknown.body, stranger), 'the two pages are the same');
    assert.equal(await queued(), before + 2, 'each request queued one job, account or not');
    assert.equal((await mails(p.email)).length, 0, 'no mail is sent while the request is answered');

    await t.app.jobs.runWaiting('accounts.send-link');
    const sent = await mails(p.email);
    assert.equal(sent.length, 1, 'the job sent the link');
    assert.match(linkIn(sent[0]!.text), path === '/sign-in/email' ? /^\/sign-in\/email\// : /^\/password\/reset\//);
    assert.equal((await mails(stranger)).length, 0, 'nobody is mailed for an address without an account');
  });
}
