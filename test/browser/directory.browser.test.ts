// The directory in Chromium, with axe on every page: find support, the coverage map (whose
// table matches its hexes), and an expression of interest going from the public form to
// approval to the new lead signing in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { expectAccessible, newSession, visit, useBrowserSuite } from './support.ts';

const suite = useBrowserSuite();

test('find support: results near LS6, and a clear message for a postcode outside Great Britain', async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl);
  await visit(page, '/find-support');
  await page.getByLabel('Postcode').fill('LS6 3HN');
  await page.getByRole('button', { name: 'Search' }).click();
  await expectAccessible(page, 'find support results');
  assert.match(await page.locator('#results').innerText(), /near LS6 \(Leeds\)/);
  assert.match(await page.locator('ol.cards li').first().innerText(), /Leeds Recovery Café/);
  await page.getByLabel('Postcode').fill('BT1 1AA');
  await page.getByRole('button', { name: 'Search' }).click();
  await expectAccessible(page, 'find support, outside Great Britain');
  assert.match(await page.locator('.error-summary').innerText(), /outside Great Britain/);
  await visit(page, '/organisations/leeds-recovery-cafe');
  await context.close();
});

test('the coverage map renders, is axe clean, and its table matches its hexes', async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl);
  await visit(page, '/our-network');
  const hexes = await page.$$eval('svg.hexmap-svg a', (as) =>
    as.map((a) => [a.getAttribute('data-code'), a.getAttribute('href'), a.querySelector('title')?.textContent ?? '']),
  );
  const rows = await page.$$eval('#coverage-table tbody tr', (trs) =>
    trs.map((tr) => [
      tr.getAttribute('data-code'),
      tr.querySelector('a')?.getAttribute('href'),
      tr.querySelector('td.numeric')?.textContent ?? '',
    ]),
  );
  assert.equal(hexes.length, 361);
  assert.equal(rows.length, 361);
  const byCode = new Map(
    hexes.map(([code, href, title]) => [code ?? '', { href, count: /: (\d+) /.exec(title ?? '')?.[1] }]),
  );
  for (const [code, href, count] of rows) assert.deepEqual(byCode.get(code ?? ''), { href, count }, String(code));
  const box = await page.locator('svg.hexmap-svg').boundingBox();
  assert.ok(box && box.width > 100 && box.height > 100, 'the map has a size on screen');
  await page.locator('#coverage-table a', { hasText: /^Leeds$/ }).click();
  await expectAccessible(page, 'area page');
  assert.match(await page.locator('main').innerText(), /Leeds Recovery Café/);
  await context.close();
});

test('an expression of interest goes from the public form to approval to the new lead signing in', async () => {
  const applicant = await newSession(suite.browser, suite.baseUrl);
  await visit(applicant.page, '/join');
  await applicant.page.getByRole('button', { name: 'Send expression of interest' }).click();
  await expectAccessible(applicant.page, 'join form with errors');
  const summary = await applicant.page.locator('.error-summary').innerText();
  for (const m of [
    /Choose whether you are applying/,
    /Enter your name/,
    /Enter an email address/,
    /Tell us what you do/,
    /Confirm that we may keep/,
  ])
    assert.match(summary, m);
  await applicant.page.getByLabel('For an organisation').check();
  await applicant.page.getByLabel('Name of your organisation').fill('Halifax Hope Café');
  await applicant.page.getByLabel('Your name').fill('Robin Hart');
  await applicant.page.getByLabel('Your email address').fill('robin@halifax-hope.example');
  await applicant.page.getByLabel('Postcode where you are based').fill('HX1 1AA');
  await applicant.page.getByLabel('What do you do?').fill('A recovery café on Fridays and a walking group.');
  await applicant.page
    .getByLabel('How does lived experience lead your organisation?')
    .fill('All our volunteers are in recovery.');
  await applicant.page.getByLabel(/I agree/).check();
  await applicant.page.getByRole('button', { name: 'Send expression of interest' }).click();
  await applicant.page.waitForURL(/\/join\/thank-you/);
  await expectAccessible(applicant.page, 'thank you page');

  const coordinator = await newSession(suite.browser, suite.baseUrl, {
    email: 'coordinator@demo.example',
    password: DEMO_PASSWORD,
  });
  await visit(coordinator.page, '/network/applications');
  await coordinator.page.getByRole('link', { name: 'Halifax Hope Café' }).click();
  await expectAccessible(coordinator.page, 'application page');
  await coordinator.page.getByRole('link', { name: 'Approve Halifax Hope Café' }).click();
  await expectAccessible(coordinator.page, 'approve, asked first');
  assert.match(await coordinator.page.locator('h1').innerText(), /Approve Halifax Hope Café\?/);
  await coordinator.page.getByRole('button', { name: 'Yes, approve' }).click();
  await coordinator.page.waitForURL(/\/network\/orgs\/halifax-hope-cafe/);
  await expectAccessible(coordinator.page, 'organisation after approval');
  assert.match(await coordinator.page.locator('.banner').innerText(), /Halifax Hope Café is now a member/);

  await visit(applicant.page, '/dev/outbox');
  const link = await applicant.page
    .locator('.outbox-message', { hasText: /invited you to join Halifax Hope Café/ })
    .first()
    .getByRole('link')
    .getAttribute('href');
  await visit(applicant.page, new URL(link!).pathname);
  await applicant.page.getByLabel('Your name').fill('Robin Hart');
  await applicant.page.getByLabel('Choose a password').fill('hope grows here 2026');
  await applicant.page.getByLabel('Type it again').fill('hope grows here 2026');
  await applicant.page.getByRole('button', { name: /Join/ }).click();
  await applicant.page.waitForURL(/\/orgs\/halifax-hope-cafe/);
  await expectAccessible(applicant.page, 'new lead workspace');
  assert.match(await applicant.page.locator('main').innerText(), /You are lead here/);
  await visit(applicant.page, '/orgs/halifax-hope-cafe/profile');
  await visit(applicant.page, '/orgs/halifax-hope-cafe/services/new');
  await applicant.context.close();

  // later, the new lead signs in with the password they chose
  const again = await newSession(suite.browser, suite.baseUrl, {
    email: 'robin@halifax-hope.example',
    password: 'hope grows here 2026',
  });
  await visit(again.page, '/orgs/halifax-hope-cafe');
  await again.context.close();
  await coordinator.context.close();
});
