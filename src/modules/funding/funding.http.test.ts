// Funding through HTTP and the CLI: importing 360Giving files (valid, twice, invalid, hostile,
// huge, wrongly encoded), matching grants to members, the opportunities board and reminders,
// consortium bids with every route checked against outsiders and invitees, the combined pack
// against `connectors pool`, and the value statement's honesty about missing costs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildOrg, buildPerson, TEST_PASSWORD } from '../../../test/support/factories.ts';
import { runPoolCommand } from '../insight/index.ts';
import { setRegistrationNumbers } from '../directory/index.ts';
import { importGrants } from './grants/import-grants.service.ts';
import { openBuffer } from './import/read-file.ts';
import { remindDeadlines } from './opportunities/reminders.job.ts';
import { runGrantImportCommand } from './grants/import.command.ts';
import type { Deps } from '../../platform/deps.ts';

const FIXTURE = readFileSync(new URL('./fixtures/demo-grants.json', import.meta.url));
const SHARED = '/work/shared/data/360giving';
let t: TestApp;
let lead: Client;
let partner: Client;
let invitee: Client;
let outsider: Client;
let coordinator: Client;
let anonymous: Client;
let orgA: Awaited<ReturnType<typeof buildOrg>>;
let orgB: Awaited<ReturnType<typeof buildOrg>>;
let orgC: Awaited<ReturnType<typeof buildOrg>>;
let orgD: Awaited<ReturnType<typeof buildOrg>>;
let leadEmail: string;
let partnerEmail: string;

function multipart(file: { name: string; content: Buffer }, fields: Record<string, string> = {}) {
  const boundary = `----rc${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(client: Client, name: string, content: Buffer, fields: Record<string, string> = {}) {
  const page = await client.get('/network/funding/import');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const m = multipart({ name, content }, fields);
  return client.request({
    method: 'POST',
    url: `/network/funding/import?_csrf=${encodeURIComponent(csrf)}`,
    payload: m.payload,
    headers: { 'content-type': m.contentType },
  });
}

const grantCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('funding_grants')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

before(async () => {
  t = await startTestApp();
  const db = t.database.db;
  orgA = await buildOrg(db, { name: 'Alpha Recovery Café' });
  orgB = await buildOrg(db, { name: 'Beta Peer Network' });
  orgC = await buildOrg(db, { name: 'Gamma Collective' });
  orgD = await buildOrg(db, { name: 'Delta Outsiders' });
  await setRegistrationNumbers(db, orgA.id, '9991101', '');
  await setRegistrationNumbers(db, orgB.id, '', '9991102'); // leading zero dropped: still matches GB-COH-09991102
  const a = await buildPerson(db, { memberships: [{ orgId: orgA.id, role: 'lead' }] });
  const b = await buildPerson(db, { memberships: [{ orgId: orgB.id, role: 'lead' }] });
  const c = await buildPerson(db, { memberships: [{ orgId: orgC.id, role: 'lead' }] });
  const d = await buildPerson(db, { memberships: [{ orgId: orgD.id, role: 'lead' }] });
  const k = await buildPerson(db, { networkRole: 'coordinator' });
  leadEmail = a.email;
  partnerEmail = b.email;
  lead = new Client(t.app);
  partner = new Client(t.app);
  invitee = new Client(t.app);
  outsider = new Client(t.app);
  coordinator = new Client(t.app);
  anonymous = new Client(t.app);
  await lead.signIn(a.email, TEST_PASSWORD);
  await partner.signIn(b.email, TEST_PASSWORD);
  await invitee.signIn(c.email, TEST_PASSWORD);
  await outsider.signIn(d.email, TEST_PASSWORD);
  await coordinator.signIn(k.email, TEST_PASSWORD);
});
after(() => t.close());

// ---- import ---------------------------------------------------------------------------------

test('the fixture package imports; importing it again adds nothing', async () => {
  const first = await upload(coordinator, 'demo-grants.json', FIXTURE);
  assert.equal(first.statusCode, 200, first.body.slice(0, 300));
  assert.match(first.body, /10 grants from Recovery Connectors demo data: 10 new, 0 changed, 0 already here/);
  assert.equal(await grantCount(), 10);
  const again = await upload(coordinator, 'demo-grants.json', FIXTURE);
  assert.match(
    again.body,
    /10 grants from Recovery Connectors demo data: 0 new, 0 changed, 10 already here and unchanged/,
  );
  assert.equal(await grantCount(), 10);
  const sources = await t.database.db.selectFrom('funding_sources').selectAll().execute();
  assert.equal(sources.length, 1, 'the same file is one source');
  const rows = await t.database.db.selectFrom('funding_grants').select(['source_id']).execute();
  assert.ok(
    rows.every((r) => r.source_id === sources[0]!.id),
    'every row carries its publisher and licence',
  );
});

test('a changed amount in a re-import updates that grant only', async () => {
  const pkg = JSON.parse(FIXTURE.toString());
  pkg.grants[3].amountAwarded = 4900;
  const r = await upload(coordinator, 'demo-grants.json', Buffer.from(JSON.stringify(pkg)));
  assert.match(r.body, /0 new, 1 changed, 9 already here/);
  const g = await t.database.db
    .selectFrom('funding_grants')
    .select('amount_pence')
    .where('grant_id', '=', pkg.grants[3].id)
    .executeTakeFirstOrThrow();
  assert.equal(g.amount_pence, 490_000);
  pkg.grants[3].amountAwarded = 4800;
  await upload(coordinator, 'demo-grants.json', Buffer.from(JSON.stringify(pkg)));
});

test('a missing required field or a bad date names the grant and the field, and writes nothing', async () => {
  const pkg = JSON.parse(FIXTURE.toString());
  pkg.grants = pkg.grants.map((g: Record<string, unknown>, i: number) => ({ ...g, id: `360G-NEWONE-${i}` }));
  delete pkg.grants[2].description;
  pkg.grants[5].awardDate = '31/12/2024';
  const before = await grantCount();
  const r = await upload(coordinator, 'bad.json', Buffer.from(JSON.stringify(pkg)));
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /Nothing was imported/);
  assert.match(r.body, /Grant 3, grant 360G-NEWONE-2: Description \(description\) is missing/);
  assert.match(r.body, /Grant 6, grant 360G-NEWONE-5: Award Date \(awardDate\) &quot;31\/12\/2024&quot; is not a date/);
  assert.equal(await grantCount(), before, 'not one of the 8 valid grants was written');
});

test("the Data Quality Tool's bad fixture gives its ten messages", async () => {
  const r = await upload(coordinator, 'e.json', readFileSync(path.join(SHARED, 'error-all-validation-errors.json')));
  assert.equal(r.statusCode, 400);
  assert.match(r.body, /10 problems with the file/);
  for (const field of [
    'description',
    'title',
    'currency',
    'amountAwarded',
    'awardDate',
    'url',
    'plannedDates',
    'actualDates.0',
    'recipientOrganization.0.id',
    'fundingOrganization',
  ]) {
    assert.ok(r.body.includes(`(${field})`), field);
  }
});

test('real funders’ files: the ALWF spreadsheet gives the same grants and amounts as its 360Giving conversion', async () => {
  const db = t.database.db;
  const x = await importGrants(db, {
    fileName: 'alwf.xlsx',
    open: openBuffer(readFileSync(path.join(SHARED, 'alwf-grants-2011-2020.xlsx'))),
    publisherName: 'Andrew Lloyd Webber Foundation',
    licence: 'https://creativecommons.org/licenses/by/4.0/',
    importedBy: null,
  });
  assert.ok(x.ok, JSON.stringify(x).slice(0, 500));
  assert.equal(x.grants, 475);
  assert.equal(x.added, 475);
  const total = await db
    .selectFrom('funding_grants')
    .select((eb) => eb.fn.sum<string>('amount_pence').as('s'))
    .where('funder_id', '=', 'GB-CHC-1015648')
    .executeTakeFirstOrThrow();
  assert.equal(Number(total.s), 2_175_779_327, '£21,757,793.27, as SOURCE.md says');
  const json = await importGrants(db, {
    fileName: 'alwf.json',
    open: openBuffer(readFileSync(path.join(SHARED, 'alwf-grants-2011-2020.json'))),
    publisherName: 'Andrew Lloyd Webber Foundation',
    licence: 'https://creativecommons.org/licenses/by/4.0/',
    importedBy: null,
  });
  assert.ok(json.ok);
  assert.equal(json.added, 0, 'the JSON conversion adds no grant the spreadsheet did not');
  const abct = await importGrants(db, {
    fileName: 'abct.xlsx',
    open: openBuffer(readFileSync(path.join(SHARED, 'abct-grants-2013-2021.xlsx'))),
    publisherName: 'A B Charitable Trust',
    licence: 'https://creativecommons.org/licenses/by/4.0/',
    importedBy: null,
  });
  assert.ok(abct.ok && abct.grants === 783);
  assert.deepEqual(abct.ok && abct.ignoredColumns, [
    'Website: Decision Notes',
    'Website: Project Detail',
    'Award Date - website format',
    'Amount Awarded - website format',
  ]);
});

test('a spreadsheet with no publisher or licence is refused until they are given', async () => {
  const csv =
    'Identifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name\n360G-CSV-1,Café nights,Recovery café,GBP,"1,200",2025-01-01,GB-CHC-1,Some group,GB-CHC-2,A funder\n';
  const r = await upload(coordinator, 'g.csv', Buffer.from(csv));
  assert.match(r.body, /does not say who published it/);
  const ok = await upload(coordinator, 'g.csv', Buffer.from(csv), {
    publisher: 'A funder',
    licence: 'https://creativecommons.org/licenses/by/4.0/',
  });
  assert.match(ok.body, /1 grants from A funder: 1 new/);
});

test('hostile files: wrong encodings, cut short, nested, not JSON, huge grants; never a 500, nothing written', async () => {
  const before = await grantCount();
  const latin1 = Buffer.from(
    'Identifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name\n360G-L-1,Caf\xe9,x,GBP,1,2025-01-01,GB-CHC-1,G,GB-CHC-2,F\n',
    'latin1',
  );
  const cases: [string, Buffer, RegExp][] = [
    ['latin1.csv', latin1, /not saved as UTF-8/],
    ['utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"grants":[]}', 'utf16le')]), /UTF-16/],
    ['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Identifier\n1', 'utf16le')]), /UTF-16/],
    ['cut.json', FIXTURE.subarray(0, 2000), /cut short/],
    [
      'deep.json',
      Buffer.from(`{"grants":[${'['.repeat(200_000)}${']'.repeat(200_000)}]}`),
      /nested too deeply|should be a group of fields|not valid/,
    ],
    ['array.json', Buffer.from('[1,2,3]'), /one object with a .{1,6}grants.{1,6} list/],
    ['nogrants.json', Buffer.from('{"title":"x"}'), /no .{1,6}grants.{1,6} list/],
    ['junk.json', Buffer.from('{"grants":[{"id": nope}]}'), /not valid JSON/],
    [
      'huge.json',
      Buffer.from(`{"grants":[{"id":"360G-H","title":"${'x'.repeat(1_100_000)}"}]}`),
      /bigger than any real grant/,
    ],
    ['trailing.json', Buffer.from('{"grants":[{}]} {"more":1}'), /more after the end/],
    ['zip.xlsx', Buffer.from('this is not a zip'), /not a readable Excel/],
    ['headings.csv', Buffer.from('Name,Amount\nA,1\n'), /no .{1,6}Identifier.{1,6} column/],
    ['evil.exe', Buffer.from('MZ'), /Only 360Giving files/],
    [
      'proto.json',
      Buffer.from('{"grants":[{"__proto__":{"admin":true},"id":"360G-P"}]}'),
      /Title \(title\) is missing/,
    ],
  ];
  for (const [name, content, expected] of cases) {
    const r = await upload(coordinator, name, content);
    assert.ok(r.statusCode === 400, `${name}: ${r.statusCode}`);
    assert.match(r.body, expected, name);
  }
  assert.equal(await grantCount(), before);
  assert.equal(({} as Record<string, unknown>).admin, undefined);
});

test('a big file over the upload limit is refused with a way forward', async () => {
  const r = await upload(coordinator, 'big.json', Buffer.alloc(51 * 1024 * 1024, 0x20));
  assert.equal(r.statusCode, 413);
  assert.match(r.body, /bigger than 50 MB/);
});

test('only coordinators import or edit keywords', async () => {
  for (const c of [lead, anonymous]) {
    const r = await c.get('/network/funding/import');
    assert.ok([401, 403, 404].includes(r.statusCode) || r.statusCode === 303, String(r.statusCode));
  }
  const r = await lead.post('/network/funding/keywords', { keyword: 'zzz' });
  assert.notEqual(r.statusCode, 303);
});

test('connectors import grants: imports, re-imports nothing, refuses a bad file with named problems', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rc-grants-cli-'));
  try {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    const env = { DATA_DIR: dir, LOG_LEVEL: 'silent', ...(process.env.TEST_DATABASE_URL ? {} : {}) };
    const file = path.join(dir, 'demo.json');
    await writeFile(file, FIXTURE);
    assert.equal(await runGrantImportCommand([file], env, io), 0, err.join('\n'));
    assert.match(out.join('\n'), /Imported 10 grants .*: 10 new/);
    assert.equal(await runGrantImportCommand([file], env, io), 0);
    assert.match(out.at(-1)!, /0 new, 0 changed, 10 unchanged/);
    const pkg = JSON.parse(FIXTURE.toString());
    delete pkg.grants[0].currency;
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify(pkg));
    assert.equal(await runGrantImportCommand([bad], env, io), 1);
    assert.match(err.join('\n'), /Grant 1, grant 360G-DEMORC-0001: currency \(currency\) is missing/i);
    assert.equal(await runGrantImportCommand([], env, io), 2);
    assert.equal(await runGrantImportCommand([path.join(dir, 'nope.json')], env, io), 1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// ---- who funds recovery -----------------------------------------------------------------------

test('grants match members by identifier; keyword matches are shown as unconfirmed; attribution on every page', async () => {
  const list = await anonymous.get('/funding');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Northern Recovery Fund/);
  assert.match(list.body, /Contains grant data published by Recovery Connectors demo data/);
  assert.match(list.body, /CC0 1\.0/);
  const funder = await anonymous.get('/funding/funders/GB-CHC-9990001');
  assert.equal(funder.statusCode, 200);
  assert.match(funder.body, /Alpha Recovery Café<\/a><br\/><span class="tag">To a member/);
  assert.match(funder.body, /Beta Peer Network/, 'GB-COH-09991102 matches company number 9991102');
  assert.match(
    funder.body,
    /Wharfedale Walking Group<br\/><span class="tag tag-coming">Found by keyword &quot;addiction&quot;: not confirmed/,
  );
  assert.doesNotMatch(
    funder.body,
    /Upper Dale Village Hall/,
    'a grant with no keyword and no member is not about recovery',
  );
  assert.match(funder.body, /Contains grant data published by/);
  const missing = await anonymous.get('/funding/funders/GB-CHC-nope');
  assert.equal(missing.statusCode, 404);
});

test("a member's grants show publicly only when it allows; its own people always see them", async () => {
  assert.equal((await anonymous.get(`/organisations/${orgA.slug}/grants`)).statusCode, 404);
  const own = await lead.get(`/organisations/${orgA.slug}/grants`);
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /Recovery café evenings/);
  await lead.get(`/orgs/${orgA.slug}/funding`);
  assert.equal((await lead.post(`/orgs/${orgA.slug}/funding/show-grants`, { show_grants: 'yes' })).statusCode, 303);
  const pub = await anonymous.get(`/organisations/${orgA.slug}/grants`);
  assert.equal(pub.statusCode, 200);
  assert.match(pub.body, /Contains grant data published by/);
  assert.doesNotMatch(pub.body, /Peer support in Manchester/, "another member's grant is not listed");
  // who can see the grants changed, so it is in the organisation's audit log
  const audited = await t.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('org_id', '=', orgA.id)
    .where('action', 'like', 'funding.grants_%')
    .execute();
  assert.deepEqual(
    audited.map((a) => a.action),
    ['funding.grants_shown'],
  );
});

test('coordinators edit the keyword list and grants are flagged again', async () => {
  await coordinator.get('/network/funding/keywords');
  assert.equal((await coordinator.post('/network/funding/keywords', { keyword: '  Village   HALL ' })).statusCode, 303);
  assert.match((await anonymous.get('/funding/funders/GB-CHC-9990001')).body, /Upper Dale Village Hall/);
  await coordinator.post('/network/funding/keywords/remove', { keyword: 'village hall' });
  assert.doesNotMatch((await anonymous.get('/funding/funders/GB-CHC-9990001')).body, /Upper Dale Village Hall/);
  const bad = await coordinator.post('/network/funding/keywords', { keyword: 'x' });
  assert.equal(bad.statusCode, 400);
});

// ---- opportunities ------------------------------------------------------------------------------

let opportunityId: string;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test('members add opportunities, mark interest and see who else is; a calendar feed has the deadlines', async () => {
  await lead.get('/funding/opportunities/new');
  const bad = await lead.post('/funding/opportunities', {
    funder: 'F',
    programme: 'P',
    deadline: '2026-02-30',
    amount_min: '10',
    amount_max: '5',
    link: 'javascript:alert(1)',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /real date/);
  assert.match(bad.body, /largest grant should be at least/);
  assert.match(bad.body, /web address starting https/);
  const r = await lead.post('/funding/opportunities', {
    funder: 'Pennine Trust',
    programme: 'Together Fund',
    deadline: inDays(10),
    amount_min: '5,000',
    amount_max: '50000',
    link: 'https://example.org/f',
  });
  assert.equal(r.statusCode, 303);
  opportunityId = String(r.headers.location).split('/').pop()!;
  await lead.post(`/orgs/${orgA.slug}/funding/opportunities/${opportunityId}/interest`, { interested: 'yes' });
  await partner.get(`/funding/opportunities/${opportunityId}`);
  await partner.post(`/orgs/${orgB.slug}/funding/opportunities/${opportunityId}/interest`, { interested: 'yes' });
  const seen = await partner.get(`/funding/opportunities/${opportunityId}`);
  assert.match(seen.body, /Alpha Recovery Café/);
  const anon = await anonymous.get(`/funding/opportunities/${opportunityId}`);
  assert.match(
    anon.body,
    /Sign in<\/a> to see which members are interested/,
    'who is interested is for signed-in people',
  );
  assert.doesNotMatch(anon.body, /<li><a href="\/organisations\//);
  // Marking interest for another organisation is refused.
  assert.equal(
    (await partner.post(`/orgs/${orgA.slug}/funding/opportunities/${opportunityId}/interest`, { interested: 'no' }))
      .statusCode,
    404,
  );
  const board = await anonymous.get('/funding/opportunities');
  assert.match(board.body, /Pennine Trust: Together Fund/);
  const ics = await anonymous.get('/funding/opportunities.ics');
  assert.equal(ics.statusCode, 200);
  assert.match(ics.body, /BEGIN:VCALENDAR/);
  assert.match(ics.body, new RegExp(`DTSTART;VALUE=DATE:${inDays(10).replace(/-/g, '')}`));
  assert.match(
    ics.body,
    /SUMMARY:Deadline: Pennine Trust\, Together Fund|SUMMARY:Deadline: Pennine Trust\\, Together Fund/,
  );
  // "Open a bid for this opportunity" arrives with it chosen; an id not on the board chooses nothing.
  const page = await lead.get(`/funding/opportunities/${opportunityId}`);
  assert.match(page.body, new RegExp(`href="/orgs/${orgA.slug}/funding/bids\\?opportunity=${opportunityId}"`));
  assert.match(
    (await lead.get(`/orgs/${orgA.slug}/funding/bids?opportunity=${opportunityId}`)).body,
    new RegExp(`<option value="${opportunityId}"[^>]*selected`),
  );
  assert.doesNotMatch(
    (await lead.get(`/orgs/${orgA.slug}/funding/bids?opportunity=00000000-0000-0000-0000-000000000000`)).body,
    /<option [^>]*selected[^>]*>(?!Not on the board)/,
  );
  assert.equal(
    (await outsider.post('/funding/opportunities', { funder: '' })).statusCode,
    400,
    'a member lead may add',
  );
  assert.notEqual((await anonymous.post('/funding/opportunities', { funder: 'x' })).statusCode, 303);
});

test('a deadline reminder goes once to each interested organisation, with two app processes running', async () => {
  const second = await startTestApp();
  await second.close();
  const deps = (mailer: TestApp['mailer']): Deps => ({
    db: t.database.db,
    mailer,
    config: t.config,
    jobs: { send: async () => undefined },
    links: { workspace: [], network: [] },
  });
  const sent: string[] = [];
  const recording = {
    send: async (m: { to: string; subject: string }) => {
      if (m.subject.includes('Together Fund')) sent.push(m.to);
    },
  } as unknown as TestApp['mailer'];
  const [x, y] = await Promise.all([remindDeadlines(deps(recording)), remindDeadlines(deps(recording))]);
  assert.equal(x + y >= 2, true);
  assert.deepEqual(sent.sort(), [leadEmail, partnerEmail].sort(), 'one email to each interested lead, not two');
  await remindDeadlines(deps(recording));
  assert.equal(sent.length, 2, 'running again sends nothing');
});

test('an opportunity is changed or removed only by who added it, their lead or a coordinator; removing asks first and cannot be replayed', async () => {
  const db = t.database.db;
  const r = await lead.post('/funding/opportunities', {
    funder: 'Moorside Trust',
    programme: 'Small Grants',
    deadline: inDays(20),
    amount_min: '5,000',
    amount_max: '12500.50',
  });
  const id = String(r.headers.location).split('/').pop()!;
  await partner.post(`/orgs/${orgB.slug}/funding/opportunities/${id}/interest`, { interested: 'yes' });

  // Someone else's opportunity: not found, whatever the route; signed out: sent to sign in.
  for (const [method, url] of [
    ['GET', `/funding/opportunities/${id}/edit`],
    ['GET', `/funding/opportunities/${id}/remove`],
  ] as const) {
    assert.equal((await partner.request({ method, url })).statusCode, 404, url);
  }
  assert.doesNotMatch((await partner.get(`/funding/opportunities/${id}`)).body, /Change the details/);
  assert.equal(
    (await partner.post(`/funding/opportunities/${id}`, { funder: 'Hijacked', programme: 'P', deadline: inDays(5) }))
      .statusCode,
    404,
  );
  assert.equal((await partner.post(`/funding/opportunities/${id}/remove`, {})).statusCode, 404);
  assert.notEqual((await anonymous.get(`/funding/opportunities/${id}/edit`)).statusCode, 200);

  // The person who added it: the form holds what is there now, pounds as typed.
  assert.match((await lead.get(`/funding/opportunities/${id}`)).body, /Change the details/);
  const form = await lead.get(`/funding/opportunities/${id}/edit`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="amount_min"[^>]*value="5000"/);
  assert.match(form.body, /name="amount_max"[^>]*value="12500.50"/);
  const bad = await lead.post(`/funding/opportunities/${id}`, {
    funder: 'Moorside Trust',
    programme: '',
    deadline: '2026-13-01',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Enter the programme or fund/);
  assert.equal(
    (await db.selectFrom('funding_opportunities').select('programme').where('id', '=', id).executeTakeFirstOrThrow())
      .programme,
    'Small Grants',
    'nothing written',
  );

  // A moved deadline: reminders already sent go again against the new date.
  await db.insertInto('funding_reminders').values({ opportunity_id: id, org_id: orgB.id, days_before: 14 }).execute();
  const changed = await lead.post(`/funding/opportunities/${id}`, {
    funder: 'Moorside Trust',
    programme: 'Small Grants 2027',
    deadline: inDays(40),
    amount_min: '5000',
    amount_max: '',
  });
  assert.equal(changed.statusCode, 303);
  const page = await anonymous.get(`/funding/opportunities/${id}`);
  assert.match(page.body, /Small Grants 2027/);
  assert.match(page.body, /from £5,000/);
  assert.equal(
    (await db.selectFrom('funding_reminders').select('days_before').where('opportunity_id', '=', id).execute()).length,
    0,
  );
  const audit = await db
    .selectFrom('audit_log')
    .select(['detail'])
    .where('action', '=', 'funding.opportunity_changed')
    .where('subject_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.deepEqual((audit.detail as { before: { programme: string } }).before.programme, 'Small Grants');

  // A coordinator may too.
  assert.equal((await coordinator.get(`/funding/opportunities/${id}/edit`)).statusCode, 200);

  // Removing asks first, says what goes with it, and happens once.
  const confirm = await lead.get(`/funding/opportunities/${id}/remove`);
  assert.match(confirm.body, /Remove Moorside Trust: Small Grants 2027 from the board\?/);
  assert.match(confirm.body, /One member has marked an interest/);
  assert.equal(
    (await db.selectFrom('funding_opportunities').select('id').where('id', '=', id).execute()).length,
    1,
    'the confirmation page removes nothing',
  );
  assert.equal((await lead.post(`/funding/opportunities/${id}/remove`, {})).statusCode, 303);
  assert.equal((await anonymous.get(`/funding/opportunities/${id}`)).statusCode, 404);
  assert.doesNotMatch((await anonymous.get('/funding/opportunities')).body, /Moorside Trust/);
  assert.doesNotMatch((await anonymous.get('/funding/opportunities.ics')).body, /Moorside Trust/);
  assert.equal((await lead.post(`/funding/opportunities/${id}/remove`, {})).statusCode, 404, 'a replay finds nothing');
  assert.equal(
    (
      await db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'funding.opportunity_removed')
        .where('subject_id', '=', id)
        .execute()
    ).length,
    1,
  );
});

// ---- consortium bids ----------------------------------------------------------------------------

let bidId: string;
let bidUrl: string;

test('a lead opens a bid and invites partners; an invitee sees only the invitation until it accepts', async () => {
  await lead.get(`/orgs/${orgA.slug}/funding/bids`);
  const bad = await lead.post(`/orgs/${orgA.slug}/funding/bids`, { title: '', total: '-5' });
  assert.equal(bad.statusCode, 400);
  const r = await lead.post(`/orgs/${orgA.slug}/funding/bids`, {
    title: 'Pennine peer partnership',
    total: '60,000',
    opportunity: opportunityId,
    role: 'Lead partner',
    summary: 'Peer support in two cities.',
  });
  assert.equal(r.statusCode, 303, r.body.slice(0, 400));
  bidUrl = String(r.headers.location);
  bidId = bidUrl.split('/').pop()!;
  await lead.get(bidUrl);
  assert.equal(
    (await lead.post(`${bidUrl}/partners`, { partner: orgB.slug, role: 'Delivery partner' })).statusCode,
    303,
  );
  assert.equal(
    (await lead.post(`${bidUrl}/partners`, { partner: orgC.slug, role: 'Evaluation partner' })).statusCode,
    303,
  );
  const dup = await lead.post(`${bidUrl}/partners`, { partner: orgB.slug, role: 'again' });
  assert.equal(dup.statusCode, 400);
  assert.match(dup.body, /already part of this bid/);
  const inv = await invitee.get(`/orgs/${orgC.slug}/funding/bids/${bidId}`);
  assert.equal(inv.statusCode, 200);
  assert.match(inv.body, /Alpha Recovery Café invites you to bid together/);
  assert.doesNotMatch(inv.body, /Budget|Documents|Notes/);
});

test('every bid route: an outsider, an invitee and a declined partner get 404; anonymous is turned away', async () => {
  const routes = t.app.routeTable.filter((r) => r.url.startsWith('/orgs/:org/funding/bids/:bid'));
  assert.ok(routes.length >= 12, `routes: ${routes.length}`);
  const fill = (url: string, slug: string) =>
    url
      .replace(':org', slug)
      .replace(':bid', bidId)
      .replace(':task', '00000000-0000-0000-0000-000000000000')
      .replace(':document', '00000000-0000-0000-0000-000000000000');
  for (const r of routes) {
    for (const [who, client, slug] of [
      ['outsider', outsider, orgD.slug],
      ['invitee', invitee, orgC.slug],
      ['outsider using the lead slug', outsider, orgA.slug],
    ] as const) {
      if (who === 'invitee' && (r.url.endsWith(':bid') || r.url.endsWith('/respond'))) continue; // the invitation itself
      await client.get('/account');
      const res =
        r.method === 'GET'
          ? await client.get(fill(r.url, slug))
          : await client.post(fill(r.url, slug), { title: 'x', body: 'x', note: 'x', task: 'x', total: '1' });
      assert.equal(res.statusCode, 404, `${who} ${r.method} ${r.url}: ${res.statusCode}`);
    }
    const anon =
      r.method === 'GET'
        ? await anonymous.get(fill(r.url, orgA.slug))
        : await anonymous.post(fill(r.url, orgA.slug), {}, { csrf: false });
    assert.ok(
      anon.statusCode === 401 || anon.statusCode === 403 || anon.statusCode === 303,
      `anonymous ${r.method} ${r.url}: ${anon.statusCode}`,
    );
  }
  const lists = await outsider.get(`/orgs/${orgD.slug}/funding/bids`);
  assert.doesNotMatch(lists.body, /Pennine peer partnership/);
});

test('the partner accepts; a replayed answer changes nothing; a budget that does not balance cannot be saved', async () => {
  await partner.get(`/orgs/${orgB.slug}/funding/bids/${bidId}`);
  assert.equal(
    (await partner.post(`/orgs/${orgB.slug}/funding/bids/${bidId}/respond`, { answer: 'accept' })).statusCode,
    303,
  );
  const replay = await partner.post(`/orgs/${orgB.slug}/funding/bids/${bidId}/respond`, { answer: 'decline' });
  assert.equal(replay.statusCode, 404, 'an accepted partner cannot answer again');
  const page = await partner.get(`/orgs/${orgB.slug}/funding/bids/${bidId}`);
  assert.match(page.body, /Pennine peer partnership/);
  assert.match(page.body, /Only the lead changes the terms/);
  // A partner cannot change the bid's terms.
  assert.equal(
    (await partner.post(`/orgs/${orgB.slug}/funding/bids/${bidId}/budget`, { [`amount_${orgB.id}`]: '60000' }))
      .statusCode,
    404,
  );
  assert.equal(
    (await partner.post(`/orgs/${orgB.slug}/funding/bids/${bidId}/partners`, { partner: orgD.slug })).statusCode,
    404,
  );
  await lead.get(bidUrl);
  const unbalanced = await lead.post(`${bidUrl}/budget`, {
    [`amount_${orgA.id}`]: '35,000',
    [`amount_${orgB.id}`]: '20,000',
    [`amount_${orgC.id}`]: '5000',
  });
  assert.equal(unbalanced.statusCode, 400);
  assert.match(
    unbalanced.body,
    /add up to £55,000, but the bid total is £60,000: £5,000 is not given to any partner yet/,
  );
  assert.equal(
    (await t.database.db.selectFrom('funding_budget_lines').selectAll().where('bid_id', '=', bidId).execute()).length,
    0,
    'nothing saved',
  );
  const over = await lead.post(`${bidUrl}/budget`, {
    [`amount_${orgA.id}`]: '40,000',
    [`amount_${orgB.id}`]: '20,000.01',
  });
  assert.match(over.body, /£0.01 more than the total/);
  const ok = await lead.post(`${bidUrl}/budget`, {
    [`amount_${orgA.id}`]: '40,000',
    [`description_${orgA.id}`]: 'Cafés',
    [`amount_${orgB.id}`]: '20,000',
  });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
});

test('tasks, documents with versions and sign-off by each partner, notes', async () => {
  const base = `/orgs/${orgB.slug}/funding/bids/${bidId}`;
  await partner.get(base);
  assert.equal(
    (await partner.post(`${base}/tasks`, { task: 'Write the plan', owner: orgD.id })).statusCode,
    400,
    'an outsider cannot own a task',
  );
  assert.equal(
    (await partner.post(`${base}/tasks`, { task: 'Write the plan', owner: orgB.id, due: inDays(5) })).statusCode,
    303,
  );
  assert.equal(
    (await partner.post(`${base}/documents`, { doc_title: 'Project plan', doc_body: 'Version one.' })).statusCode,
    303,
  );
  const doc1 = await t.database.db
    .selectFrom('funding_bid_documents')
    .select(['id', 'document_key'])
    .where('bid_id', '=', bidId)
    .executeTakeFirstOrThrow();
  assert.equal((await partner.post(`${base}/documents/${doc1.id}/sign-off`)).statusCode, 303);
  await lead.get(bidUrl);
  assert.equal(
    (
      await lead.post(`${bidUrl}/documents`, {
        document: doc1.document_key,
        doc_title: 'Project plan',
        [`doc_body_${doc1.document_key}`]: 'Version two.',
      })
    ).statusCode,
    303,
  );
  const stale = await lead.post(`${bidUrl}/documents/${doc1.id}/sign-off`);
  assert.equal(stale.statusCode, 400);
  assert.match(stale.body, /Only the latest version/);
  const v2 = await t.database.db
    .selectFrom('funding_bid_documents')
    .select('id')
    .where('document_key', '=', doc1.document_key)
    .where('version', '=', 2)
    .executeTakeFirstOrThrow();
  await lead.post(`${bidUrl}/documents/${v2.id}/sign-off`);
  await lead.post(`${bidUrl}/documents/${v2.id}/sign-off`); // a replay adds nothing
  const page = await lead.get(bidUrl);
  assert.match(page.body, /Project plan, version 2/);
  assert.match(page.body, /Signed off by Alpha Recovery Café \(1 of 2 partners\)/);
  assert.equal((await lead.post(`${bidUrl}/notes`, { note: '<script>alert(1)</script>' })).statusCode, 303);
  assert.doesNotMatch((await lead.get(bidUrl)).body, /<script>alert/);
  // The outsider still reads nothing of it.
  assert.equal((await outsider.get(`/orgs/${orgD.slug}/funding/bids/${bidId}/summary.docx`)).statusCode, 404);
});

test("the combined pack's pooled figure equals connectors pool on the partners' summaries, and leaves out a partner under 8", async () => {
  const db = t.database.db;
  const row = (org: string, n: number, mean: number, sd: number) => ({
    org_id: org,
    instrument_key: 'barc10',
    instrument_version: '1',
    measure_key: 'recovery_capital',
    period_start: '2025-01-01',
    period_end: '2025-12-31',
    n_paired: n,
    mean_change: mean,
    sd_change: sd,
    collection_method: 'paper forms',
  });
  await db
    .insertInto('evidence_summaries')
    .values([row(orgA.id, 24, 4.2, 6.1), row(orgB.id, 31, 2.9, 5.4), row(orgD.id, 40, 9, 2)])
    .execute();
  // A third partner with 5 people joins, to be left out.
  const e = await buildOrg(db, { name: 'Epsilon Small Group' });
  await db
    .insertInto('evidence_summaries')
    .values([row(e.id, 5, 8, 3)])
    .execute();
  await db
    .insertInto('funding_bid_partners')
    .values({ bid_id: bidId, org_id: e.id, role: 'Small partner', status: 'accepted' })
    .execute();
  await lead.post(`${bidUrl}/details`, {
    title: 'Pennine peer partnership',
    total: '60000',
    running_costs: '',
    status: 'drafting',
    summary: 'x',
  });
  // Outside figures come from the latest monthly release.
  const { publishRelease } = await import('../insight/index.ts');
  await publishRelease(db, '2026-11-01');
  const { buildCombinedPack } = await import('./bids/bid.pages.ts');
  const deps = {
    db,
    mailer: t.mailer,
    config: t.config,
    jobs: { send: async () => undefined },
    links: { workspace: [], network: [] },
  } as Deps;
  const pack = await buildCombinedPack(
    deps,
    { id: orgA.id, slug: orgA.slug, name: orgA.name, status: 'member' },
    bidId,
  );
  const pooledTable = pack.sections
    .flatMap((s) => s.blocks)
    .find((b) => b.kind === 'table' && b.caption === 'Pooled estimates by measure');
  assert.ok(pooledTable && pooledTable.kind === 'table');
  const text = JSON.stringify(pack);
  assert.doesNotMatch(text, /Delta Outsiders/, 'an organisation outside the bid is not pooled');
  assert.match(text, /left out/);
  const out: string[] = [];
  const csv = 'org,n,mean_change,sd_change\nA,24,4.2,6.1\nB,31,2.9,5.4\n';
  assert.equal(
    await runPoolCommand(['f.csv', '--json'], {
      stdout: (s) => out.push(s),
      stderr: () => undefined,
      readFile: async () => csv,
    }),
    0,
  );
  const expected = JSON.parse(out.join('')) as { estimate: number };
  const { buildOutsideView } = await import('../insight/index.ts');
  const view = await buildOutsideView(db, [orgA.id, orgB.id, e.id]);
  const m = view.measures.find((x) => x.label.measureKey === 'recovery_capital')!;
  assert.equal(m.organisations, 2, 'the partner with 5 people is left out');
  // Published to one decimal (so no average gives a count away): the same estimate, rounded.
  assert.ok(
    Math.abs(
      m.pooled!.estimate -
        (expected.estimate ?? (expected as unknown as { pooled: { estimate: number } }).pooled.estimate),
    ) <=
      0.05 + 1e-9,
  );
  assert.match(text, /No value for every £1 is shown: the partners have not yet entered the running costs/);
  assert.doesNotMatch(text, /£[\d.]+ for every £1 spent/, 'no ratio without costs');
  await lead.post(`${bidUrl}/details`, {
    title: 'Pennine peer partnership',
    total: '60000',
    running_costs: '0',
    status: 'drafting',
    summary: 'x',
  });
  assert.equal(
    (
      await db
        .selectFrom('funding_bids')
        .select('running_costs_pence')
        .where('id', '=', bidId)
        .executeTakeFirstOrThrow()
    ).running_costs_pence,
    null,
    '£0 costs are refused',
  );
});

test('the packs and the bid summary download as PDF and Word', async () => {
  for (const [file, sig] of [
    ['pack.pdf', '%PDF'],
    ['summary.pdf', '%PDF'],
    ['pack.docx', 'PK'],
    ['summary.docx', 'PK'],
  ] as const) {
    const r = await partner.request({ method: 'GET', url: `/orgs/${orgB.slug}/funding/bids/${bidId}/${file}` });
    assert.equal(r.statusCode, 200, file);
    assert.equal(r.rawPayload.subarray(0, sig.length).toString('latin1'), sig, file);
  }
  const docx = await partner.request({ method: 'GET', url: `/orgs/${orgB.slug}/funding/bids/${bidId}/summary.docx` });
  const { default: JSZip } = await import('jszip');
  const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
  assert.match(xml, /Bid summary: Pennine peer partnership/);
  assert.match(xml, /Version two\./);
  assert.match(xml, /Heading1|Title/);
});

test("an organisation's value statement: no ratio without costs, what is missing is named, costs of £0 refused", async () => {
  const page = await outsider.get(`/orgs/${orgD.slug}/funding`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /No value for every £1 is given yet/);
  assert.match(page.body, /What a year of the work costs to run/);
  assert.match(page.body, /Life satisfaction answered by the same people/);
  const zero = await outsider.post(`/orgs/${orgD.slug}/funding/costs`, { running_costs: '0' });
  assert.equal(zero.statusCode, 400);
  assert.equal(
    (await outsider.post(`/orgs/${orgD.slug}/funding/costs`, { running_costs: '20,000', costs_year: '2025' }))
      .statusCode,
    303,
  );
  const after = await outsider.get(`/orgs/${orgD.slug}/funding`);
  assert.match(after.body, /A value for every £1 also needs a valued outcome/);
  assert.equal(
    (await lead.get(`/orgs/${orgD.slug}/funding`)).statusCode,
    404,
    "another organisation's statement is not readable",
  );
});
