// Bad input that used to be a 500 (issue 10 item 17): a NUL byte or a run of dashes in a search,
// a malformed spreadsheet, a CSV that can't be read. Each gets a clear message and a 4xx.
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { Client, startTestApp, type TestApp } from './support/app.ts';
import { buildOrg, buildPerson } from './support/factories.ts';
import { multipart } from '../src/modules/evidence/test/evidence-helpers.ts';

let t: TestApp;
let c: Client;
let slug: string;
let csrf: string;
before(async () => {
  t = await startTestApp();
  const org = await buildOrg(t.database.db, { name: 'Bad Files Org' });
  slug = org.slug;
  const worker = await buildPerson(t.database.db, {
    networkRole: 'coordinator',
    memberships: [{ orgId: org.id, role: 'lead' }],
  });
  c = new Client(t.app);
  await c.signInAs(t.database.db, worker.id);
  csrf = /_csrf=([^"&]+)/.exec((await c.get(`/orgs/${slug}/imports`)).body)![1]!;
});
after(() => t.close());

for (const url of ['/find-support', '/learning/library', '/network', '/api/v1/directory']) {
  test(`a NUL byte in ${url}?q= is a 400 with a plain message`, async () => {
    const res = await c.get(`${url}?q=recovery%00cafe`);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /a hidden character \(a null byte\)/);
  });
  test(`a run of dashes in ${url}?q= is answered, not a 500`, async () => {
    for (const q of ['------', '--', '-%20-%20-', '!-!-', '%E2%80%94%E2%80%94']) {
      const res = await c.get(`${url}?q=${q}`);
      assert.ok(res.statusCode < 500, `${q}: ${res.statusCode}`);
    }
  });
}

/** A zip with one stored entry: looks like an XLSX from outside, is nothing like one inside. */
function fakeZip(): Buffer {
  const name = Buffer.from('xl/workbook.xml');
  const data = deflateRawSync(Buffer.from('<not really a workbook'));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(22, 22);
  local.writeUInt16LE(name.length, 26);
  return Buffer.concat([local, name, data]);
}

const badFiles: [string, string, string, Buffer][] = [
  [
    'random bytes called .xlsx',
    'sheet.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)),
  ],
  [
    'a broken zip called .xlsx',
    'broken.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fakeZip(),
  ],
  [
    'a truncated zip header',
    'short.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    Buffer.from('PK\u0003\u0004'),
  ],
  [
    'a CSV of binary noise',
    'noise.csv',
    'text/csv',
    Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 104729) % 256)),
  ],
  [
    'a CSV with an unclosed quote',
    'quote.csv',
    'text/csv',
    Buffer.from('code,date,score\n"HS-1,2024-01-01,3\nHS-2,2024-01-02,4\n'),
  ],
  ['a CSV with NUL bytes', 'nul.csv', 'text/csv', Buffer.from('code,date\u0000,score\nHS-1\u0000,2024-01-01,3\n')],
  ['an empty CSV', 'empty.csv', 'text/csv', Buffer.alloc(0)],
];

for (const [what, name, type, content] of badFiles) {
  test(`uploading ${what} gets a clear message and a 4xx, never a 500`, async () => {
    for (const target of ['assessments', 'participants']) {
      const body = multipart({ target }, { field: 'file', name, type, content });
      const res = await c.request({
        method: 'POST',
        url: `/orgs/${slug}/imports?_csrf=${csrf}`,
        payload: body.payload,
        headers: { 'content-type': body.contentType },
      });
      assert.ok(res.statusCode < 500, `${target}: upload answered ${res.statusCode}`);
      let page = res;
      if (res.statusCode === 303) page = await c.get(String(res.headers.location));
      assert.ok(
        page.statusCode >= 400 && page.statusCode < 500,
        `${target}: ${page.statusCode} ${page.body
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .slice(0, 300)}`,
      );
      assert.doesNotMatch(page.body, /something went wrong on our side/);
      assert.match(page.body, /There is a problem|couldn.t read|can.t read|isn.t|empty/i);
    }
  });
}

// Found by the route fuzz (test/fuzz/): a multipart body cut off before its closing boundary made
// the parser throw a plain Error, a 500, on every upload route that did not catch it.
test('an upload cut off before its closing boundary is a 400 with the page, never a 500', async () => {
  const whole = multipart(
    { target: 'participants' },
    { field: 'file', name: 'a.csv', type: 'text/csv', content: 'a,b\n' },
  );
  const bodies = [
    { payload: whole.payload.subarray(0, whole.payload.length - 10), contentType: whole.contentType },
    {
      payload: Buffer.from('--x\r\nContent-Disposition: form-data; name="q"\r\n\r\nv\r\n'),
      contentType: 'multipart/form-data; boundary=x',
    },
  ];
  for (const url of [`/orgs/${slug}/imports`, '/network/instruments', `/orgs/${slug}/profile/logo`]) {
    for (const { payload, contentType } of bodies) {
      const res = await c.request({
        method: 'POST',
        url: `${url}?_csrf=${csrf}`,
        payload,
        headers: { 'content-type': contentType },
      });
      assert.equal(res.statusCode, 400, `${url}: ${res.statusCode}`);
      assert.doesNotMatch(res.body, /something went wrong on our side/);
    }
  }
});
