// Logos through HTTP: a lead uploads one; it is re-encoded (PNG, at most 400 px, no metadata),
// shown on the public profile and the cover of the evidence pack (HTML and PDF); hostile files
// (not an image, a decompression bomb, an animation, too large) are refused with a message and
// nothing stored; only the lead may change it; CSRF holds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { Client, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { appModules } from '../../../app.ts';
import { DEMO_PASSWORD, seedDemo } from '../../demo/index.ts';
import { multipart } from '../../evidence/test/evidence-helpers.ts';

let t: TestApp;
let lead: Client;
const SLUG = 'leeds-recovery-cafe';
const PAGE = `/orgs/${SLUG}/profile/logo`;

before(async () => {
  t = await startTestApp({ demo: true });
  await seedDemo(t.database.db, appModules(t.database));
  lead = new Client(t.app);
  await lead.signIn('lead@demo.example', DEMO_PASSWORD);
});
after(() => t.close());

async function upload(c: Client, content: Buffer, name = 'logo.png') {
  const page = await c.get(PAGE);
  const csrf = /_csrf=([^"&]+)/.exec(page.body)?.[1] ?? '';
  const body = multipart({}, { field: 'logo', name, type: 'application/octet-stream', content });
  return c.request({
    method: 'POST',
    url: `${PAGE}?_csrf=${csrf}`,
    payload: body.payload,
    headers: { 'content-type': body.contentType },
  });
}

const stored = async () =>
  t.database.db
    .selectFrom('org_logos as l')
    .innerJoin('organisations as o', 'o.id', 'l.org_id')
    .select(['l.png', 'l.width', 'l.height'])
    .where('o.slug', '=', SLUG)
    .executeTakeFirst();

/** A photo-sized JPEG with camera details in it. */
const photo = () =>
  sharp({ create: { width: 1200, height: 600, channels: 3, background: { r: 20, g: 110, b: 90 } } })
    .withMetadata({ exif: { IFD0: { Copyright: 'Someone', Artist: 'A camera owner' } } })
    .jpeg()
    .toBuffer();

test('a lead uploads a logo: it is made a PNG of at most 400 px with no metadata, and shows on the profile and pack', async () => {
  const res = await upload(lead, await photo(), 'photo.jpg');
  assert.equal(res.statusCode, 303, res.body.slice(0, 1000));
  const logo = (await stored())!;
  assert.deepEqual([logo.width, logo.height], [400, 200]);
  const meta = await sharp(logo.png).metadata();
  assert.equal(meta.format, 'png');
  assert.equal(meta.exif, undefined, 'no camera details kept');
  const served = await new Client(t.app).get(`/organisations/${SLUG}/logo.png`);
  assert.equal(served.statusCode, 200);
  assert.equal(served.headers['content-type'], 'image/png');
  assert.ok(served.rawPayload.equals(Buffer.from(logo.png)));
  const profile = await new Client(t.app).get(`/organisations/${SLUG}`);
  assert.match(
    profile.body,
    /<img class="org-logo" src="\/organisations\/leeds-recovery-cafe\/logo\.png\?v=\d+" alt="Leeds Recovery Café logo"/,
  );
  const pack = await lead.get(`/orgs/${SLUG}/insight/pack`);
  assert.match(pack.body, /class="org-logo"/);
  const pdf = (await lead.get(`/orgs/${SLUG}/insight/pack.pdf`)).rawPayload.toString('latin1');
  assert.match(pdf, /\/Subtype \/Image/, 'the logo is on the PDF cover');
  // pdfkit writes text with letters beyond ASCII as UTF-16 (big-endian, with its byte-order mark)
  const alt = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Leeds Recovery Café logo', 'utf16le').swap16()]);
  assert.ok(pdf.includes(`/Alt (${alt.toString('latin1')})`), 'with its alternative text');
});

test('hostile and wrong files are refused with a message, and the logo already there stays', async () => {
  const before = (await stored())!;
  const bomb = await sharp({ create: { width: 10000, height: 10000, channels: 3, background: { r: 0, g: 0, b: 0 } } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  assert.ok(bomb.length < 2 * 1024 * 1024, 'a small file claiming 100 million pixels');
  const gif = await sharp({ create: { width: 10, height: 20, channels: 3, background: 'red' } })
    .gif()
    .toBuffer()
    .then((frame) => sharp(frame, { animated: true }).gif().toBuffer());
  for (const [content, name, message] of [
    [Buffer.from('<svg onload="alert(1)"></svg>'), 'logo.svg', /not an image we can read|PNG, JPEG or WebP/],
    [Buffer.from('just some text, renamed'), 'logo.png', /not an image we can read/],
    [bomb, 'bomb.png', /too large in pixels/],
    [gif, 'logo.gif', /PNG, JPEG or WebP/],
    [Buffer.concat([Buffer.from((await photo()).subarray(0, 200))]), 'cut.jpg', /damaged|not an image/],
  ] as const) {
    const res = await upload(lead, content, name);
    assert.equal(res.statusCode, 400, `${name}: ${res.statusCode}`);
    assert.match(res.body, message, name);
    assert.match(res.body, /class="error-summary"/);
  }
  const huge = await upload(lead, Buffer.alloc(3 * 1024 * 1024, 1), 'huge.png');
  assert.equal(huge.statusCode, 413);
  assert.match(huge.body, /2 MB or smaller/);
  assert.ok((await stored())!.png.equals(Buffer.from(before.png)), 'nothing changed');
});

test('only the lead changes it; without the form token nothing happens; removing it takes it off the profile', async () => {
  const worker = new Client(t.app);
  await worker.signIn('worker@demo.example', DEMO_PASSWORD);
  assert.equal((await worker.get(PAGE)).statusCode, 404);
  const forged = multipart({}, { field: 'logo', name: 'x.png', type: 'image/png', content: await photo() });
  const noToken = await lead.request({
    method: 'POST',
    url: PAGE,
    payload: forged.payload,
    headers: { 'content-type': forged.contentType },
  });
  assert.equal(noToken.statusCode, 403);
  const other = new Client(t.app);
  await other.signIn('coordinator@demo.example', DEMO_PASSWORD);
  assert.notEqual((await other.post(`${PAGE}/remove`, {})).statusCode, 303);
  assert.ok(await stored(), 'still there');
  await lead.get(PAGE);
  assert.equal((await lead.post(`${PAGE}/remove`, {})).statusCode, 303);
  assert.equal(await stored(), undefined);
  assert.equal((await new Client(t.app).get(`/organisations/${SLUG}/logo.png`)).statusCode, 404);
  assert.doesNotMatch((await new Client(t.app).get(`/organisations/${SLUG}`)).body, /class="org-logo"/);
  assert.equal((await new Client(t.app).get('/organisations/..%2F..%2Fetc/logo.png')).statusCode, 404);
});

test('a multipart body the parser cannot read (cut off before its end) is a 400 with the form, not a 500', async () => {
  const before = await stored();
  const page = await lead.get(PAGE);
  const csrf = /_csrf=([^"&]+)/.exec(page.body)?.[1] ?? '';
  const whole = multipart({}, { field: 'logo', name: 'x.png', type: 'image/png', content: await photo() });
  const cut = whole.payload.subarray(0, whole.payload.length - 12); // no closing boundary
  const res = await lead.request({
    method: 'POST',
    url: `${PAGE}?_csrf=${csrf}`,
    payload: cut,
    headers: { 'content-type': whole.contentType },
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Choose a logo to upload/);
  assert.deepEqual((await stored())?.png, before?.png, 'nothing changed');
});
