// Import templates through HTTP: each downloads as CSV and as Excel with a notes sheet; a template
// filled in with its own examples imports with every column already chosen; only those who import
// can download one, and nothing else is served under the templates address.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOrg, buildPerson } from '../../../../test/support/factories.ts';
import { multipart } from '../test/evidence-helpers.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof buildOrg>>;
let worker: Client;
before(async () => {
  t = await startTestApp();
  org = await buildOrg(t.database.db, { name: 'Template Recovery' });
  const person = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'worker' }] });
  worker = new Client(t.app);
  await worker.signInAs(t.database.db, person.id);
});
after(() => t.close());

const base = () => `/orgs/${org.slug}/imports`;

async function upload(fileName: string, content: Buffer | string, target: string) {
  const page = await worker.get(base());
  const csrf = /_csrf=([^"&]+)/.exec(page.body)![1]!;
  const body = multipart({ target }, { field: 'file', name: fileName, type: 'application/octet-stream', content });
  const res = await worker.request({
    method: 'POST',
    url: `${base()}?_csrf=${csrf}`,
    payload: body.payload,
    headers: { 'content-type': body.contentType },
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
  return String(res.headers.location);
}

/** Each column select on the mapping page, with the heading it preselected ('' for none). */
function preselected(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const select of html.split('<select').slice(1)) {
    const name = /name="(map_[a-z0-9_]+)"/.exec(select)?.[1];
    const picked = /<option value="([^"]*)" selected>/.exec(select.slice(0, select.indexOf('</select>')))?.[1];
    if (name) fields[name] = (picked ?? '').replace(/&amp;/g, '&');
  }
  return fields;
}

async function readWorkbook(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const sheet = workbook.getWorksheet(name);
    assert.ok(sheet, `a sheet called ${name}`);
    const out: string[][] = [];
    sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return out;
  };
  return { workbook, rows };
}

test('the imports page offers a template for each kind of import, in both formats', async () => {
  const page = await worker.get(base());
  for (const target of ['participants', 'assessments', 'activities'])
    for (const format of ['csv', 'xlsx']) {
      const href = `${base()}/templates/${target}.${format}`;
      assert.match(page.body, new RegExp(`href="${href}"`), href);
      const res = await worker.get(href);
      assert.equal(res.statusCode, 200, href);
      assert.match(
        String(res.headers['content-disposition']),
        new RegExp(`attachment; filename="[a-z]+-template\\.${format}"`),
      );
      assert.match(String(res.headers['content-type']), format === 'csv' ? /^text\/csv/ : /spreadsheetml/);
    }
});

test('a participants CSV template is the heading row only, and filled in it imports with every column chosen', async () => {
  const res = await worker.get(`${base()}/templates/participants.csv`);
  assert.ok(res.body.startsWith('\uFEFF'), 'a byte-order mark, so Excel reads it as UTF-8');
  const lines = res.body.slice(1).trim().split('\r\n');
  assert.equal(lines.length, 1, 'no sample row that would be imported as a person');
  const headings = lines[0]!.split(',');
  assert.deepEqual(headings.slice(0, 2), ['Participant code', 'First name']);
  assert.ok(headings.includes('Consent to keep a record'));
  // the examples from the Excel template's notes, typed in under the headings
  const { rows } = await readWorkbook((await worker.get(`${base()}/templates/participants.xlsx`)).rawPayload);
  const notes = rows('Notes');
  const header = notes.findIndex((r) => r[0] === 'Column');
  const examples = new Map(notes.slice(header + 1).map((r) => [r[0]!, r[3] ?? '']));
  assert.equal(notes.slice(header + 1).length, headings.length, 'a note for every column');
  const row = headings.map((h) => examples.get(h) ?? '');
  const run = await upload('filled.csv', `${res.body}${row.join(',')}\r\n`, 'participants');
  const page = await worker.get(run);
  const chosen = preselected(page.body);
  for (const [name, heading] of Object.entries(chosen)) assert.notEqual(heading, '', `${name} was chosen for us`);
  assert.equal((await worker.post(`${run}/check`, chosen)).statusCode, 200);
  assert.equal((await worker.post(`${run}/commit`, { mode: 'all_or_nothing' })).statusCode, 200);
  const stored = await t.database.db
    .selectFrom('evidence_participants')
    .select(['code', 'first_name', 'consent_record'])
    .where('org_id', '=', org.id)
    .execute();
  assert.deepEqual(stored, [{ code: 'LRC-0042', first_name: 'Sam', consent_record: true }]);
});

test("the questionnaire template has a column per question of the organisation's questionnaires, notes saying what each takes, and imports filled in", async () => {
  const res = await worker.get(`${base()}/templates/assessments.xlsx`);
  const { workbook, rows } = await readWorkbook(res.rawPayload);
  assert.equal(workbook.worksheets[0]!.name, 'Your data', 'the sheet an import reads comes first');
  const headings = rows('Your data')[0]!;
  assert.deepEqual(headings.slice(0, 4), ['Participant code', 'Questionnaire', 'Date', 'Time point']);
  for (let q = 1; q <= 10; q++) assert.ok(headings.includes(`BARC-10 question ${q}`), `BARC-10 question ${q}`);
  const notes = rows('Notes');
  const noteOf = (heading: string) => notes.find((r) => r[0] === heading)!;
  assert.equal(noteOf('Participant code')[1], 'Every row');
  assert.equal(noteOf('BARC-10 question 1')[1], 'For that questionnaire');
  assert.match(noteOf('BARC-10 question 1')[2]!, /number from 1 to 6/);
  assert.match(noteOf('Date')[2]!, /day first/);
  // someone to answer it, then one BARC-10 row typed in from the examples
  await upload('person.csv', 'Participant code,Consent to keep a record\r\nLRC-0077,Yes\r\n', 'participants').then(
    async (run) => {
      const chosen = preselected((await worker.get(run)).body);
      await worker.post(`${run}/check`, chosen);
      assert.equal((await worker.post(`${run}/commit`, { mode: 'all_or_nothing' })).statusCode, 200);
    },
  );
  const examples = new Map(notes.map((r) => [r[0]!, r[3] ?? '']));
  const sheet = workbook.getWorksheet('Your data')!;
  sheet.addRow(
    headings.map((h) =>
      h === 'Participant code'
        ? 'LRC-0077'
        : h === 'Questionnaire'
          ? 'BARC-10'
          : h.startsWith('BARC-10') || !/question/.test(h)
            ? (examples.get(h) ?? '')
            : '',
    ),
  );
  const filled = Buffer.from(await workbook.xlsx.writeBuffer());
  const run = await upload('filled.xlsx', filled, 'assessments');
  const chosen = preselected((await worker.get(run)).body);
  for (const heading of ['Participant code', 'Questionnaire', 'Date', 'BARC-10 question 10'])
    assert.ok(Object.values(chosen).includes(heading), `${heading} chosen for us`);
  const checked = await worker.post(`${run}/check`, chosen);
  assert.equal(checked.statusCode, 200, checked.body.slice(0, 2000));
  assert.equal((await worker.post(`${run}/commit`, { mode: 'all_or_nothing' })).statusCode, 200);
  const stored = await t.database.db
    .selectFrom('evidence_assessments')
    .select(['instrument_key', 'assessed_on'])
    .where('org_id', '=', org.id)
    .execute();
  assert.deepEqual(
    stored.map((s) => [s.instrument_key, String(s.assessed_on).slice(0, 10)]),
    [['barc10', '2026-02-03']],
  );
});

test('only people who import can download a template; other addresses under it are not found', async () => {
  const volunteer = await buildPerson(t.database.db, { memberships: [{ orgId: org.id, role: 'volunteer' }] });
  const v = new Client(t.app);
  await v.signInAs(t.database.db, volunteer.id);
  assert.notEqual((await v.get(`${base()}/templates/participants.csv`)).statusCode, 200);
  const other = await buildOrg(t.database.db, { name: 'Someone Else Recovery' });
  assert.equal((await worker.get(`/orgs/${other.slug}/imports/templates/participants.csv`)).statusCode, 404);
  assert.notEqual((await new Client(t.app).get(`${base()}/templates/participants.csv`)).statusCode, 200);
  for (const bad of ['people.csv', 'participants.pdf', 'participants', 'participants.csv.exe', '..%2Fparticipants.csv'])
    assert.equal((await worker.get(`${base()}/templates/${bad}`)).statusCode, 404, bad);
});
