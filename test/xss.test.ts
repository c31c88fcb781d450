// A script payload stored in every text field of the demo is printed as text on every page
// that anonymous visitors, members and coordinators can open, never as markup.
import { appModules } from '../src/app.ts';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemo } from '../src/modules/demo/index.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';
import { Client, startTestApp, type TestApp } from './support/app.ts';
import { sql } from 'kysely';
import { poisonTextColumns, RAW_PAYLOAD_PATTERNS, XSS_PAYLOAD } from './support/xss.ts';

let t: TestApp;
let poisoned: string[];
before(async () => {
  t = await startTestApp({ demo: true });
  await seedDemo(t.database.db, appModules(t.database));
  const leeds = await t.database.db
    .selectFrom('organisations')
    .select('slug')
    .where('name', '=', 'Leeds Recovery Café')
    .executeTakeFirstOrThrow();
  // the lead invites someone, so pending invitations hold text as well
  const lead = new Client(t.app);
  await lead.signIn('lead@demo.example', DEMO_PASSWORD);
  await lead.get(`/orgs/${leeds.slug}`);
  await lead.post(`/orgs/${leeds.slug}/team/invite`, { email: 'invitee@test.example', role: 'worker' });
  poisoned = await poisonTextColumns(t.database.db);
});
after(() => t.close());

test('the payload went into the free-text fields', () => {
  for (const col of [
    'organisations.name',
    'organisations.summary',
    'organisations.town',
    'organisations.region',
    'people.display_name',
    'people.email',
  ]) {
    assert.ok(poisoned.includes(col), `${col} holds the payload`);
  }
});

async function pagesFor(c: Client, slug: string): Promise<string[]> {
  return t.app.routeTable
    .filter((r) => r.method === 'GET' && !r.url.includes(':token') && !r.url.includes(':file'))
    .map((r) => r.url.replace(':org', slug).replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000'));
}

for (const who of ['anonymous', 'lead@demo.example', 'coordinator@demo.example']) {
  test(`no page shows the payload as markup to ${who}`, async () => {
    const c = new Client(t.app);
    if (who !== 'anonymous') {
      // the email was poisoned too: sign in with the address as it is stored now
      const person = await t.database.db
        .selectFrom('people')
        .select('id')
        .where('email', 'like', `%${who}`)
        .executeTakeFirstOrThrow();
      await c.signInAs(t.database.db, person.id);
    }
    const leeds = await t.database.db
      .selectFrom('organisations')
      .select('slug')
      .where('slug', '=', 'leeds-recovery-cafe')
      .executeTakeFirstOrThrow();
    let escapedSeen = 0;
    for (const url of await pagesFor(c, leeds.slug)) {
      const res = await c.get(url);
      // Only HTML is rendered as markup; calendars, CSV and JSON go out with their own type and nosniff.
      if (!String(res.headers['content-type'] ?? '').startsWith('text/html')) continue;
      for (const raw of RAW_PAYLOAD_PATTERNS)
        assert.doesNotMatch(res.body, raw, `${url} printed the payload as markup`);
      if (res.body.includes('&lt;script>alert(&quot;xss&quot;)&lt;/script>')) escapedSeen++;
    }
    assert.ok(escapedSeen > 0, 'some page showed the payload, escaped (so the check is not vacuous)');
  });
}

// Shared learning: pages addressed by real ids (resources, stories, questions), search
// snippets, and tags (text[] columns the generic poisoning above does not reach).
test('learning pages, snippets and tags show the payload as text', async () => {
  const db = t.database.db;
  await sql`update learning_resources set topics = array[${XSS_PAYLOAD}], chime = array[${XSS_PAYLOAD}],
    story = jsonb_build_object('what', ${XSS_PAYLOAD}::text, 'why', ${XSS_PAYLOAD}::text)`.execute(db);
  await sql`update learning_questions set tags = array[${XSS_PAYLOAD}]`.execute(db);
  const resources = await db.selectFrom('learning_resources').select('id').limit(60).execute();
  const questions = await db.selectFrom('learning_questions').select('id').execute();
  const leeds = await db
    .selectFrom('organisations')
    .select('slug')
    .where('slug', '=', 'leeds-recovery-cafe')
    .executeTakeFirstOrThrow();
  const coordinator = await db
    .selectFrom('people')
    .select('id')
    .where('email', 'like', '%coordinator@demo.example')
    .executeTakeFirstOrThrow();
  const lead = await db
    .selectFrom('people')
    .select('id')
    .where('email', 'like', '%lead@demo.example')
    .executeTakeFirstOrThrow();
  const urls = [
    '/learning',
    '/learning/library',
    '/learning/library?q=xss',
    '/learning/library?q=alert+script',
    '/learning/library?q=guide',
    '/learning/questions',
    `/orgs/${leeds.slug}/learning`,
    `/orgs/${leeds.slug}/mentoring`,
    '/network/learning/stories',
    '/network/learning/questions',
    '/network/learning/mentoring',
    ...resources.map((r) => `/learning/library/${r.id}`),
    ...questions.map((q) => `/learning/questions/${q.id}`),
  ];
  for (const personId of [coordinator.id, lead.id]) {
    const c = new Client(t.app);
    await c.signInAs(db, personId);
    let escapedSeen = 0;
    for (const url of urls) {
      const res = await c.get(url);
      for (const raw of RAW_PAYLOAD_PATTERNS)
        assert.doesNotMatch(res.body, raw, `${url} printed the payload as markup`);
      if (/&lt;script(>|&gt;)alert/.test(res.body)) escapedSeen++;
    }
    assert.ok(escapedSeen > 10, `learning pages showed the payload, escaped (${escapedSeen})`);
  }
});
