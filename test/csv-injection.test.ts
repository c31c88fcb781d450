// Every CSV the app writes, with text starting with each character a spreadsheet treats as the
// start of a formula (= + - @ tab carriage return) in organisation names and other text fields:
// no such text cell goes out unneutralised, and numbers go out as plain numbers. The routes are
// enumerated from the app, so a new CSV route fails here until it is covered.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { appModules } from '../src/app.ts';
import type { Deps } from '../src/platform/deps.ts';
import { insertEvent } from '../src/modules/events/events.repository.ts';
import { fields } from '../src/modules/events/test/helpers.ts';
import { addPairedPeople, addSessions } from '../src/modules/insight/test/insight-data.ts';
import { Client, startTestApp, type TestApp } from './support/app.ts';
import { buildOrg, buildPerson } from './support/factories.ts';

const PREFIXES = ['=', '+', '-', '@', '\t', '\r'];
const payload = (p: string) => `${p}2+3+cmd|' /C calc'!A0`;
const DANGEROUS = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/;

let t: TestApp;
let coordinator: Client;
const leads = new Map<string, Client>();
const orgs: { slug: string; eventId: string }[] = [];
let networkEventId = '';

before(async () => {
  t = await startTestApp();
  const db = t.database.db;
  coordinator = new Client(t.app);
  await coordinator.signInAs(db, (await buildPerson(db, { networkRole: 'coordinator' })).id);
  for (const [i, p] of PREFIXES.entries()) {
    const org = await buildOrg(db, { name: payload(p) });
    // Ten people, so the organisation is in every forest plot; one organisation got worse, so a
    // negative mean goes out as a number.
    await addPairedPeople(
      db,
      org.id,
      i === 2 ? [-1, -2, -1, -2, -1, -2, -1, -1, -2, -1] : [0, 1, 2, 3, 1, 2, 3, 1, 2, 2],
    );
    await addSessions(db, org.id, [{ on: '2025-02-03', attendance: 12, hours: 6 }]);
    await sql`update evidence_participants set first_name = ${payload(p)}, local_authority = ${payload(p)} where org_id = ${org.id}`.execute(
      db,
    );
    await sql`update evidence_activity_types set name = ${payload(p)} where org_id = ${org.id}`.execute(db);
    const lead = new Client(t.app);
    await lead.signInAs(db, (await buildPerson(db, { memberships: [{ orgId: org.id, role: 'lead' }] })).id);
    leads.set(org.slug, lead);
    const eventId = await insertEvent(db, org.id, null, fields({ title: payload(p) }));
    assert.equal(
      (await lead.post(`/orgs/${org.slug}/events/${eventId}/attendance/walk-in`, { name: payload(p), places: '1' }))
        .statusCode,
      303,
    );
    // Forms trim what is typed; an import or an older row may still start with a tab or CR.
    await sql`update event_registrations set name = ${payload(p)}, access_needs = ${payload(p)} where event_id = ${eventId}`.execute(
      db,
    );
    orgs.push({ slug: org.slug, eventId });
  }
  networkEventId = await insertEvent(db, null, null, fields({ title: payload('=') }));
  for (const i of PREFIXES.keys())
    assert.equal(
      (
        await coordinator.post(`/network/events/${networkEventId}/attendance/walk-in`, {
          name: `walk-in ${i}`,
          places: '1',
        })
      ).statusCode,
      303,
    );
  for (const [i, p] of PREFIXES.entries())
    await sql`update event_registrations set name = ${payload(p)} where event_id = ${networkEventId} and name = ${`walk-in ${i}`}`.execute(
      db,
    );
  const job = appModules(t.database)
    .flatMap((m) => m.jobs ?? [])
    .find((j) => j.name === 'insight.publish-figures');
  if (job)
    await job.run(
      {
        db,
        config: t.config,
        mailer: t.mailer,
        jobs: { send: async () => {} },
        links: { workspace: [], network: [] },
      } as Deps,
      { on: '2026-11-01' },
    );
});
after(() => t.close());

/** The concrete addresses for one CSV route, and who may fetch them. */
function urlsFor(route: string): { who: Client; url: string }[] {
  const first = orgs[0]!;
  const lead = leads.get(first.slug)!;
  switch (route) {
    case '/impact/open-data.csv':
    case '/impact/codebook.csv':
      return [{ who: new Client(t.app), url: route }];
    case '/network/insight/open-data.csv':
      return [
        { who: coordinator, url: route },
        { who: coordinator, url: `${route}?orgs=${orgs.map((o) => o.slug).join(',')}` },
      ];
    case '/orgs/:org/insight/open-data.csv':
      return orgs.map((o) => ({ who: leads.get(o.slug)!, url: `/orgs/${o.slug}/insight/open-data.csv` }));
    case '/orgs/:org/events/:event/register.csv':
      return orgs.map((o) => ({ who: leads.get(o.slug)!, url: `/orgs/${o.slug}/events/${o.eventId}/register.csv` }));
    case '/network/events/:event/register.csv':
      return [{ who: coordinator, url: `/network/events/${networkEventId}/register.csv` }];
    case '/orgs/:org/export/:table':
      return [
        'participants',
        'consents',
        'assessments',
        'assessment_answers',
        'assessment_scores',
        'activities',
        'volunteer_hours',
        'summaries',
        'measures',
        'codebook',
      ].flatMap((table) =>
        orgs.map((o) => ({ who: leads.get(o.slug) ?? lead, url: `/orgs/${o.slug}/export/${table}` })),
      );
    default:
      return [];
  }
}

test('every CSV the app writes neutralises text that a spreadsheet would run, and writes numbers as numbers', async () => {
  const csvRoutes = [
    ...new Set(
      t.app.routeTable
        .filter((r) => r.method === 'GET' && (r.url.endsWith('.csv') || r.url === '/orgs/:org/export/:table'))
        .map((r) => r.url),
    ),
  ];
  assert.ok(csvRoutes.length >= 6, csvRoutes.join(' '));
  const seen = new Set<string>();
  let negativeNumbers = 0;
  for (const route of csvRoutes) {
    const urls = urlsFor(route);
    assert.ok(urls.length > 0, `a CSV route this test does not cover yet: ${route}`);
    for (const { who, url } of urls) {
      const res = await who.get(url);
      assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 200)}`);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      const rows = parse(res.body.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];
      for (const row of rows) {
        for (const cell of row) {
          if (DANGEROUS.test(cell))
            assert.match(cell, NUMBER, `${url}: a text cell a spreadsheet would run: ${JSON.stringify(cell)}`);
          if (cell.startsWith("'") && PREFIXES.some((p) => cell === `'${payload(p)}`)) seen.add(`${route} ${cell[1]}`);
          if (/^-\d/.test(cell)) negativeNumbers += 1;
        }
      }
    }
  }
  // Each prefix reached every route that shows text typed by people, neutralised (not dropped).
  for (const route of [
    '/impact/open-data.csv',
    '/network/insight/open-data.csv',
    '/orgs/:org/insight/open-data.csv',
    '/orgs/:org/events/:event/register.csv',
    '/network/events/:event/register.csv',
    '/orgs/:org/export/:table',
  ]) {
    for (const p of PREFIXES)
      assert.ok(seen.has(`${route} ${p}`), `${route}: ${JSON.stringify(p)} text was not written as neutralised text`);
  }
  assert.ok(negativeNumbers > 0, 'negative numbers are written as numbers');
});
