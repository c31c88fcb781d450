// Events in Chromium: a lead creates an event with one place; on a phone with JavaScript off, a
// person finds it and books with an access need, gets the email with its calendar file, and
// cancels by its link; the next person waiting is offered the place, takes it, and the lead
// ticks them on the register. axe runs on every page (in a JavaScript-on twin of each page).
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { deflateSync, crc32 } from 'node:zlib';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { listConsentedFeedbackComments } from '../../src/modules/events/index.ts';
import { expectAccessible, newSession, useBrowserSuite, visit } from './support.ts';

const suite = useBrowserSuite();
const SHOTS = process.env.SCREENSHOT_DIR;

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** A phone with JavaScript off, as many people's are in practice, and no horizontal scrolling. */
async function phone(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 375, height: 740 },
    javaScriptEnabled: false,
  });
  return { context, page: await context.newPage() };
}

/** axe needs JavaScript: check the page the phone is on in a twin context with the same cookies. */
async function axeTwin(browser: Browser, phoneContext: BrowserContext, url: string, label: string) {
  const twin = await browser.newContext({
    baseURL: suite.baseUrl,
    viewport: { width: 375, height: 740 },
    bypassCSP: true,
    storageState: await phoneContext.storageState(),
  });
  const p = await twin.newPage();
  await p.goto(url);
  await expectAccessible(p, label);
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, `${label} scrolls sideways at 375px`);
  await twin.close();
}

async function mailsTo(email: string) {
  const dir = path.join(suite.server.dataDir, 'outbox');
  const files = (await readdir(dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .reverse();
  const out: { to: string; subject: string; text: string; attachments?: { filename: string; content: string }[] }[] =
    [];
  for (const f of files) {
    const m = JSON.parse(await readFile(path.join(dir, f), 'utf8'));
    if (m.to === email) out.push(m);
  }
  return out;
}
/** A small real PNG (a warm band of colour), for the gallery. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows.set([230 - y, 120 + (x % 60), 60], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const linkIn = (text: string) => /\/events\/r\/[A-Za-z0-9_-]+/.exec(text)![0];

test('find, book with an access need, cancel by the link; the next person gets the place; the register', async () => {
  const lead = await newSession(suite.browser, suite.baseUrl, {
    email: 'lead@demo.example',
    password: DEMO_PASSWORD,
    width: 1280,
  });
  await visit(lead.page, '/orgs/leeds-recovery-cafe/events');
  await shot(lead.page, 'organiser-list-1280');
  await lead.page.getByRole('link', { name: 'Create an event' }).click();
  await expectAccessible(lead.page, 'new event form');
  await lead.page.getByLabel('Title').fill('Tea and a chat: newcomers welcome');
  await lead.page.getByLabel('What is it?').fill('A relaxed hour for anyone **new** to recovery.');
  await lead.page.getByLabel('Venue name').fill('The Front Room');
  await lead.page.getByLabel('Address').fill('12 Briggate, Leeds');
  await lead.page.getByLabel('Postcode').fill('LS1 6HD');
  await lead.page.getByLabel('Start date').fill('2030-03-31');
  await lead.page.getByLabel('Start time').fill('19:00');
  await lead.page.getByLabel('End time').fill('20:00');
  await lead.page.getByLabel('Places in person').fill('1');
  await lead.page.getByRole('button', { name: 'Save' }).click();
  await lead.page.waitForURL(/\/orgs\/leeds-recovery-cafe\/events\/[0-9a-f-]{36}$/);
  await expectAccessible(lead.page, 'organiser event page');
  const eventId = /events\/([0-9a-f-]{36})$/.exec(lead.page.url())![1]!;

  // On a phone, JavaScript off: find it and book with an access need.
  const ana = await phone(suite.browser, suite.baseUrl);
  await ana.page.goto('/events');
  await axeTwin(suite.browser, ana.context, '/events', 'events list at 375px');
  await shot(ana.page, 'events-list-375');
  await ana.page.getByRole('link', { name: 'Tea and a chat: newcomers welcome' }).click();
  await axeTwin(suite.browser, ana.context, ana.page.url(), 'event page at 375px');
  await shot(ana.page, 'event-page-375');
  assert.match(await ana.page.locator('main').innerText(), /Sunday 31 March 2030, 7pm to 8pm/);
  await ana.page.getByLabel('Your name').fill('Ana Newcomer');
  await ana.page.getByLabel('Your email address').fill('ana@test.example');
  await ana.page.getByLabel('Anything that would help you take part?').fill('A seat near the door, please');
  await ana.page.getByRole('button', { name: 'Book my place' }).click();
  await ana.page.waitForURL(/\/events\/r\//);
  assert.match(await ana.page.locator('main').innerText(), /You're booked/);
  await axeTwin(suite.browser, ana.context, ana.page.url(), 'booking page at 375px');
  await shot(ana.page, 'booking-375');

  const [confirmation] = await mailsTo('ana@test.example');
  assert.match(confirmation!.subject, /You're booked/);
  assert.match(
    confirmation!.attachments?.[0]?.content ?? '',
    /BEGIN:VCALENDAR[\s\S]*DTSTART;TZID=Europe\/London:20300331T190000/,
  );

  // Ben finds it full and joins the waiting list.
  const ben = await phone(suite.browser, suite.baseUrl);
  await ben.page.goto(`/events/${eventId}`);
  await ben.page.getByLabel('Your name').fill('Ben Waiting');
  await ben.page.getByLabel('Your email address').fill('ben@test.example');
  await ben.page.getByRole('button', { name: 'Join the waiting list' }).click();
  await ben.page.waitForURL(/\/events\/r\//);
  assert.match(await ben.page.locator('main').innerText(), /waiting list/);

  // Ana can't come: the link in her email, no account.
  await ana.page.goto(linkIn(confirmation!.text));
  await ana.page.getByRole('button', { name: "I can't come" }).click();
  await ana.page.waitForURL(/\/events\/r\//);
  assert.match(await ana.page.locator('main').innerText(), /can't come/);

  const [offer] = await mailsTo('ben@test.example');
  assert.match(offer!.subject, /A place is free for you/);
  await ben.page.goto(linkIn(offer!.text));
  await axeTwin(suite.browser, ben.context, ben.page.url(), 'offer at 375px');
  await shot(ben.page, 'offer-375');
  await ben.page.getByRole('button', { name: 'Take the place' }).click();
  assert.match(await ben.page.locator('main').innerText(), /You're booked/);

  // The lead sees the access need (hers is gone with her booking) and ticks Ben on a phone-sized register.
  await lead.page.goto(`/orgs/leeds-recovery-cafe/events/${eventId}`);
  await shot(lead.page, 'organiser-event-1280');
  const register = await newSession(suite.browser, suite.baseUrl, {
    email: 'lead@demo.example',
    password: DEMO_PASSWORD,
    width: 375,
  });
  await visit(register.page, `/orgs/leeds-recovery-cafe/events/${eventId}/attendance`);
  await register.page.getByLabel('Find by name').fill('ben');
  await register.page.getByRole('button', { name: 'Find' }).click();
  await register.page.getByRole('button', { name: /Mark here Ben Waiting/ }).click();
  await expectAccessible(register.page, 'register after ticking');
  assert.match(await register.page.locator('main').innerText(), /1 here of 1 booked/);
  await shot(register.page, 'register-375');

  // The same pages at 1280 px, as an organiser at a desk sees them.
  await visit(lead.page, `/events/${eventId}`);
  await shot(lead.page, 'event-page-1280');
  await visit(lead.page, `/orgs/leeds-recovery-cafe/events/${eventId}/attendance`);
  await shot(lead.page, 'register-1280');
  await visit(lead.page, `/orgs/leeds-recovery-cafe/events/${eventId}/move`);
  await expectAccessible(lead.page, 'move to a new date');
  await shot(lead.page, 'move-1280');

  // Afterwards: the day is over. Ben tells us how it was, from his phone, and agrees to be quoted.
  await suite.server.server.database.db
    .updateTable('events')
    .set({ starts_at: new Date(Date.now() - 3 * 3600_000), ends_at: new Date(Date.now() - 3600_000) })
    .where('id', '=', eventId)
    .execute();
  await ben.page.goto(`${linkIn(offer!.text)}/feedback`);
  await axeTwin(suite.browser, ben.context, ben.page.url(), 'feedback form at 375px');
  await ben.page.getByLabel('5 – really good').check();
  await ben.page
    .getByLabel('What struck a chord with you?')
    .fill('Nobody rushed me. I said more than I meant to, and it was fine.');
  await ben.page.getByLabel('Yes, with my first name').check();
  await ben.page.getByLabel('First name to use (if you chose that)').fill('Ben');
  await shot(ben.page, 'feedback-375');
  await ben.page.getByRole('button', { name: 'Send' }).click();
  assert.match(await ben.page.locator('main').innerText(), /Thank you/);
  const words = await listConsentedFeedbackComments(suite.server.server.database.db);
  assert.ok(
    words.some(
      (w) =>
        w.text.startsWith('Nobody rushed me') &&
        w.attribution.kind === 'first_name' &&
        w.attribution.firstName === 'Ben' &&
        w.eventId === eventId,
    ),
    'the words reach the voice seam with their credit',
  );

  // The organiser adds sketch notes to the gallery; first forgetting the consent box.
  await visit(lead.page, `/orgs/leeds-recovery-cafe/events/${eventId}`);
  await lead.page
    .getByLabel('Picture', { exact: true })
    .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: png(320, 180) });
  await lead.page.getByLabel('Sketch notes').check();
  await lead.page
    .getByLabel("Describe the picture for people who can't see it")
    .fill('Hand-drawn notes: a winding road, the words "you are not alone", and a cup of tea.');
  await lead.page.getByRole('button', { name: 'Add the picture' }).click();
  assert.match(
    await lead.page.locator('.error-summary').innerText(),
    /everyone who can be recognised in it has agreed/,
  );
  await expectAccessible(lead.page, 'gallery upload with an error');
  await lead.page
    .getByLabel('Picture', { exact: true })
    .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: png(320, 180) });
  await lead.page.getByLabel('Sketch notes').check();
  await lead.page
    .getByLabel("Describe the picture for people who can't see it")
    .fill('Hand-drawn notes: a winding road, the words "you are not alone", and a cup of tea.');
  await lead.page.getByLabel('Caption (optional)').fill('Sketch notes from the evening');
  await lead.page.getByLabel('Everyone who can be recognised in it has agreed to it being shared here').check();
  await lead.page.getByRole('button', { name: 'Add the picture' }).click();
  await lead.page.waitForURL(/#pictures$/);
  await expectAccessible(lead.page, 'organiser page with a picture and feedback');
  assert.match(await lead.page.locator('main').innerText(), /Nobody rushed me/);
  await shot(lead.page, 'organiser-after-1280');

  // Anyone on a phone sees the picture with its description.
  await ana.page.goto(`/events/${eventId}`);
  const img = ana.page.getByRole('img', { name: /Hand-drawn notes: a winding road/ });
  assert.equal(await img.count(), 1);
  await axeTwin(suite.browser, ana.context, ana.page.url(), 'event page with its gallery at 375px');
  await shot(ana.page, 'event-after-375');

  for (const c of [lead, ana, ben, register]) await c.context.close();
});

test('the demo events look right at both widths', async () => {
  for (const width of [375, 1280]) {
    const s = await newSession(suite.browser, suite.baseUrl, { width });
    await visit(s.page, '/events');
    await shot(s.page, `demo-events-${width}`);
    await s.page.getByRole('link', { name: 'Recovery walk round the park' }).click();
    await expectAccessible(s.page, `full walk at ${width}`);
    assert.match(await s.page.locator('main').innerText(), /full – you can join the waiting list/);
    await shot(s.page, `demo-walk-${width}`);
    // "Coming up" on the home page and "Next events" on a member's profile
    await visit(s.page, '/');
    await expectAccessible(s.page, `home page at ${width}`);
    assert.ok((await s.page.getByRole('heading', { name: 'Coming up' }).count()) === 1);
    await shot(s.page, `home-${width}`);
    await visit(s.page, '/organisations/leeds-recovery-cafe');
    await expectAccessible(s.page, `profile at ${width}`);
    assert.match(await s.page.locator('main').innerText(), /Next events/);
    await shot(s.page, `profile-${width}`);
    await s.context.close();
  }
});
