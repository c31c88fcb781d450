// Who sees what. Access needs (and dietary needs, and who booked) are for the organisers only:
// every GET route of the app is visited by everyone else (anonymous, a volunteer of the hosting
// organisation, another organisation's lead, a network coordinator for an organisation's event,
// another booking's link) and none of them sees the words. Counts are public; names are not.
// Then the audiences, and the gallery's consent, types and access.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ANONYMOUS } from '../../../platform/auth/actor.ts';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOrg, buildPerson } from '../../../../test/support/factories.ts';
import { insertEvent } from '../events.repository.ts';
import { listConsentedFeedbackComments } from '../index.ts';
import { registerForEvent } from '../registration.service.ts';
import { registrationToken } from '../registration-link.ts';
import { booking, depsOf, fields } from './helpers.ts';

let t: TestApp;
let orgA: Awaited<ReturnType<typeof buildOrg>>;
let orgB: Awaited<ReturnType<typeof buildOrg>>;
const clients: Record<'anonymous' | 'volunteerOfA' | 'leadOfB' | 'coordinator' | 'leadOfA' | 'outsider', Client> =
  {} as never;

before(async () => {
  t = await startTestApp();
  orgA = await buildOrg(t.database.db, { name: 'Privacy Org A' });
  orgB = await buildOrg(t.database.db, { name: 'Privacy Org B' });
  const people = {
    leadOfA: await buildPerson(t.database.db, { memberships: [{ orgId: orgA.id, role: 'lead' }] }),
    volunteerOfA: await buildPerson(t.database.db, { memberships: [{ orgId: orgA.id, role: 'volunteer' }] }),
    leadOfB: await buildPerson(t.database.db, { memberships: [{ orgId: orgB.id, role: 'lead' }] }),
    coordinator: await buildPerson(t.database.db, { networkRole: 'coordinator' }),
    outsider: await buildPerson(t.database.db, {}),
  };
  for (const [k, p] of Object.entries(people)) {
    const c = new Client(t.app);
    await c.signInAs(t.database.db, p.id);
    clients[k as keyof typeof people] = c;
  }
  clients.anonymous = new Client(t.app);
});
after(async () => t.close());

const SECRET = 'Wheelchair-user-needs-ramp-7731';
const DIET = 'No-nuts-please-4410';
const NAME = 'Zephyrine Quillfeather';

/** Fills a route's parameters with the real things under test. */
function urlFor(pattern: string, ids: Record<string, string>): string {
  return pattern.replace(/:([a-zA-Z]+)/g, (_m, p: string) => ids[p] ?? '00000000-0000-4000-8000-000000000000');
}

describe('access needs, dietary needs and names stay with the organisers', () => {
  let orgEvent: string;
  let networkEvent: string;
  let otherToken: string;
  const ids = (event: string) => ({
    org: orgA.slug,
    slug: orgA.slug,
    event,
    registration: '',
    token: otherToken,
    file: 'styles.css',
  });

  before(async () => {
    const deps = depsOf(t);
    orgEvent = await insertEvent(t.database.db, orgA.id, null, fields({ capacity_in_person: 1 }));
    networkEvent = await insertEvent(t.database.db, null, null, fields({ capacity_in_person: 3 }));
    const input = (name: string, email: string, secret: string) => ({
      name,
      email,
      places: 1,
      mode: 'in_person' as const,
      access_needs: secret,
      dietary_needs: secret ? DIET : '',
      heard_from: '',
      custom_answers: [],
      wait_if_full: true,
    });
    await registerForEvent(deps, ANONYMOUS, orgEvent, input(NAME, 'zq@test.example', SECRET));
    // someone waiting, whose own link is then tried for the other person's words
    const other = await registerForEvent(deps, ANONYMOUS, orgEvent, input('Other Waiter', 'ow@test.example', ''));
    otherToken = other.token;
    await registerForEvent(deps, ANONYMOUS, networkEvent, input(NAME, 'zq@test.example', SECRET));
  });

  test('organisers see them (so the checks below can fail)', async () => {
    const page = await clients.leadOfA.get(`/orgs/${orgA.slug}/events/${orgEvent}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(SECRET));
    assert.match(page.body, new RegExp(NAME));
    assert.match(
      (await clients.leadOfA.get(`/orgs/${orgA.slug}/events/${orgEvent}/register.csv`)).body,
      new RegExp(SECRET),
    );
    assert.match((await clients.coordinator.get(`/network/events/${networkEvent}`)).body, new RegExp(SECRET));
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', orgEvent)
      .execute();
    assert.ok(audits.some((a) => a.action === 'events.registrations.view'));
    assert.ok(audits.some((a) => a.action === 'events.register.export'));
  });

  test('every GET route, for everyone else: no access need, dietary need or name', async () => {
    const routes = t.app.routeTable.filter((r) => r.method === 'GET');
    const who: [string, Client, string][] = [
      ['anonymous', clients.anonymous, orgEvent],
      ['anonymous', clients.anonymous, networkEvent],
      ['an outsider', clients.outsider, orgEvent],
      ['a volunteer of the host', clients.volunteerOfA, orgEvent],
      ["another organisation's lead", clients.leadOfB, orgEvent],
      ["a network coordinator, for an organisation's event", clients.coordinator, orgEvent],
      ["the host's lead, for the network's event", clients.leadOfA, networkEvent],
    ];
    let visited = 0;
    for (const [label, c, event] of who) {
      for (const r of routes) {
        const url = urlFor(r.url, ids(event));
        const res = await c.get(url);
        assert.ok(res.statusCode < 500, `${label}: GET ${url} answered ${res.statusCode}`);
        for (const secret of [SECRET, DIET, NAME]) {
          assert.ok(!res.body.includes(secret), `${label} saw "${secret}" on GET ${r.url}`);
        }
        visited++;
      }
    }
    assert.ok(visited > 100);
  });

  test('the public sees counts, not names; no email or calendar file carries an access need', async () => {
    const page = await clients.anonymous.get(`/events/${orgEvent}`);
    assert.match(page.body, /full – you can join the waiting list/);
    for (const m of (await t.mailer.outbox(500)) as unknown as {
      text: string;
      attachments?: { content: string }[];
    }[]) {
      assert.ok(!m.text.includes(SECRET));
      for (const a of m.attachments ?? []) assert.ok(!a.content.includes(SECRET));
    }
    assert.ok((await listConsentedFeedbackComments(t.database.db)).every((c) => !c.text.includes(SECRET)));
  });
});

describe('audiences: a clear no, and nothing written', () => {
  const count = async (id: string) =>
    Number(
      (
        await t.database.db
          .selectFrom('event_registrations')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('event_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  test("a network event: not for a signed-in person outside the network; yes for any member organisation's people", async () => {
    const id = await insertEvent(t.database.db, orgA.id, null, fields({ audience: 'network' }));
    for (const c of [clients.anonymous, clients.outsider]) {
      await c.get('/events');
      assert.equal((await c.get(`/events/${id}`)).statusCode, 404);
      assert.equal(await c.post(`/events/${id}/book`, booking('Not Member')).then((r) => r.statusCode), 404);
      assert.ok(!(await c.get('/events')).body.includes(id));
      assert.equal((await c.get(`/events/${id}/calendar.ics`)).statusCode, 404);
    }
    assert.ok(
      !(await clients.anonymous.get('/events/calendar.ics')).body.includes(id),
      'members-only events stay out of the public feed',
    );
    assert.equal(await count(id), 0);
    await clients.leadOfB.get(`/events/${id}`);
    assert.equal((await clients.leadOfB.post(`/events/${id}/book`, booking('Member Of B'))).statusCode, 303);
    assert.equal(await count(id), 1);
  });

  test("one organisation's event: another organisation's people cannot see or book it", async () => {
    const id = await insertEvent(t.database.db, orgA.id, null, fields({ audience: 'organisation' }));
    await clients.leadOfB.get('/events');
    assert.equal((await clients.leadOfB.get(`/events/${id}`)).statusCode, 404);
    assert.equal((await clients.leadOfB.post(`/events/${id}/book`, booking('Lead Of B'))).statusCode, 404);
    assert.equal(await count(id), 0);
    await clients.volunteerOfA.get(`/events/${id}`);
    assert.equal((await clients.volunteerOfA.post(`/events/${id}/book`, booking('Volunteer Of A'))).statusCode, 303);
    assert.equal(await count(id), 1);
  });

  test('an expired offer: a clear message and nothing changes', async () => {
    const id = await insertEvent(t.database.db, orgA.id, null, fields({ capacity_in_person: 1 }));
    const c = new Client(t.app);
    await c.get(`/events/${id}`);
    await c.post(`/events/${id}/book`, booking('Exp First'));
    await c.post(`/events/${id}/book`, booking('Exp Second'));
    const second = await t.database.db
      .selectFrom('event_registrations')
      .select('id')
      .where('event_id', '=', id)
      .where('name', '=', 'Exp Second')
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('event_registrations')
      .set({ status: 'offered', offer_expires_at: new Date(Date.now() - 60_000) })
      .where('id', '=', second.id)
      .execute();
    await t.database.db
      .updateTable('event_registrations')
      .set({ status: 'cancelled' })
      .where('event_id', '=', id)
      .where('name', '=', 'Exp First')
      .execute();
    const link = `/events/r/${registrationToken(t.config.sessionSecret, second.id)}`;
    const res = await c.post(`${link}/accept`);
    assert.equal(res.statusCode, 303);
    assert.match((await c.get(link)).body, /time to take this place has run out/);
    const row = await t.database.db
      .selectFrom('event_registrations')
      .select('status')
      .where('id', '=', second.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'offered', 'left for the expiry job to pass on');
  });
});

describe('the gallery: alt text, consent, real pictures, and only for organisers to add', () => {
  const PNG = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('rest of a png'),
  ]);
  function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer; type?: string }) {
    const boundary = '----rcEventsBoundary';
    const parts = Object.entries(fields).map(
      ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    );
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="picture"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'image/png'}\r\n\r\n`;
    return {
      payload: Buffer.concat([Buffer.from(parts.join('') + head), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  }
  const images = async (eventId: string) =>
    t.database.db
      .selectFrom('event_gallery_images')
      .select(['id', 'alt_text'])
      .where('event_id', '=', eventId)
      .execute();

  test('refused without consent, without alt text, or when it is not a picture; stored and shown when all is right', async () => {
    const id = await insertEvent(t.database.db, orgA.id, null, fields());
    const c = clients.leadOfA;
    const page = await c.get(`/orgs/${orgA.slug}/events/${id}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const upload = (
      who: Client,
      f: Record<string, string>,
      file: { name: string; bytes: Buffer; type?: string },
      org = orgA.slug,
    ) =>
      who.request({
        method: 'POST',
        url: `/orgs/${org}/events/${id}/pictures?_csrf=${encodeURIComponent(csrf)}`,
        ...multipart(f, file),
      });
    const good = { kind: 'photo', alt_text: 'Twelve people on a hill, waving', caption: 'At the top', consent: 'yes' };

    const noConsent = await upload(c, { ...good, consent: '' }, { name: 'a.png', bytes: PNG });
    assert.equal(noConsent.statusCode, 400);
    assert.match(noConsent.body, /everyone who can be recognised in it has agreed/);
    const noAlt = await upload(c, { ...good, alt_text: '   ' }, { name: 'a.png', bytes: PNG });
    assert.equal(noAlt.statusCode, 400);
    assert.match(noAlt.body, /Describe the picture/);
    const svg = await upload(c, good, {
      name: 'a.png',
      bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    });
    assert.equal(svg.statusCode, 400);
    assert.match(svg.body, /JPEG, PNG or WebP/);
    const huge = await upload(c, good, {
      name: 'a.png',
      bytes: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 10)]),
    });
    assert.equal(huge.statusCode, 413);
    assert.match(huge.body, /5 MB or smaller/);
    // another organisation's lead cannot add to it, even with a token of their own
    const theirPage = await clients.leadOfB.get(`/orgs/${orgB.slug}/events`);
    const theirCsrf = /name="_csrf" value="([^"]+)"/.exec(theirPage.body)?.[1] ?? csrf;
    const stranger = await clients.leadOfB.request({
      method: 'POST',
      url: `/orgs/${orgB.slug}/events/${id}/pictures?_csrf=${encodeURIComponent(theirCsrf)}`,
      ...multipart(good, { name: 'a.png', bytes: PNG }),
    });
    assert.equal(stranger.statusCode, 404);
    assert.equal((await images(id)).length, 0, 'nothing written');

    const ok = await upload(c, good, { name: 'a.png', bytes: PNG });
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
    const [img] = await images(id);
    assert.ok(img);
    const pub = await clients.anonymous.get(`/events/${id}`);
    assert.match(pub.body, /Pictures from the day/);
    assert.match(
      pub.body,
      new RegExp(`<img src="/events/${id}/pictures/${img.id}" alt="Twelve people on a hill, waving"`),
    );
    const bytes = await clients.anonymous.get(`/events/${id}/pictures/${img.id}`);
    assert.equal(bytes.statusCode, 200);
    assert.equal(bytes.headers['content-type'], 'image/png');
    assert.equal(bytes.headers['x-content-type-options'], 'nosniff');
    assert.equal(bytes.rawPayload.equals(PNG), true);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', img.id)
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['events.gallery.add'],
    );

    // removed by the organiser only
    assert.equal(
      (await clients.leadOfB.post(`/orgs/${orgB.slug}/events/${id}/pictures/${img.id}/delete`)).statusCode,
      404,
    );
    await c.get(`/orgs/${orgA.slug}/events/${id}`);
    assert.equal((await c.post(`/orgs/${orgA.slug}/events/${id}/pictures/${img.id}/delete`)).statusCode, 303);
    assert.equal((await images(id)).length, 0);
    assert.equal((await clients.anonymous.get(`/events/${id}/pictures/${img.id}`)).statusCode, 404);
  });

  test("a members-only event's pictures are missing to the public", async () => {
    const id = await insertEvent(t.database.db, orgA.id, null, fields({ audience: 'organisation' }));
    const [row] = await t.database.db
      .insertInto('event_gallery_images')
      .values({
        event_id: id,
        org_id: orgA.id,
        kind: 'photo',
        alt_text: 'x',
        consent_confirmed: true,
        content_type: 'image/png',
        data: PNG,
      })
      .returning('id')
      .execute();
    assert.equal((await clients.anonymous.get(`/events/${id}/pictures/${row!.id}`)).statusCode, 404);
    assert.equal((await clients.leadOfB.get(`/events/${id}/pictures/${row!.id}`)).statusCode, 404);
    const own = await clients.volunteerOfA.get(`/events/${id}/pictures/${row!.id}`);
    assert.equal(own.statusCode, 200);
    assert.match(String(own.headers['cache-control']), /private/);
    // a picture asked for under another event is missing too
    const elsewhere = await insertEvent(t.database.db, orgA.id, null, fields());
    assert.equal((await clients.volunteerOfA.get(`/events/${elsewhere}/pictures/${row!.id}`)).statusCode, 404);
  });
});
