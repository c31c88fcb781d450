// The platform in a real browser: public pages, signing in as each kind of person, a lead
// inviting someone who joins through the emailed link, and stored scripts never running.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { poisonTextColumns } from '../support/xss.ts';
import { expectAccessible, newSession, visit, useBrowserSuite } from './support.ts';

const suite = useBrowserSuite();

test('public pages are accessible, with the demo banner and a skip link', async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl);
  for (const url of [
    '/',
    '/about',
    '/about/data',
    '/privacy',
    '/accessibility',
    '/sign-in',
    '/sign-in/email',
    '/password/forgot',
    '/dev/outbox',
  ]) {
    await visit(page, url);
    assert.equal(await page.locator('.demo-banner').count(), 1, `${url} shows the demo banner`);
  }
  await visit(page, '/no-such-page', 404);
  await page.goto('/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
  await context.close();
});

test('a wrong password shows an error summary that links to the field', async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl);
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill('lead@demo.example');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectAccessible(page, 'sign-in with an error');
  assert.match(await page.locator('.error-summary').innerText(), /email address or password is not right/);
  await context.close();
});

for (const [email, pages] of [
  [
    'coordinator@demo.example',
    ['/account', '/network', '/network?status=applicant', '/network/orgs/leeds-recovery-cafe', '/network/api-tokens'],
  ],
  [
    'lead@demo.example',
    [
      '/account',
      '/orgs/leeds-recovery-cafe',
      '/orgs/leeds-recovery-cafe/audit',
      '/orgs/leeds-recovery-cafe/api-tokens',
    ],
  ],
  ['volunteer@demo.example', ['/account', '/orgs/leeds-recovery-cafe']],
] as const) {
  test(`${email} signs in and their pages are accessible`, async () => {
    const { context, page } = await newSession(suite.browser, suite.baseUrl, { email, password: DEMO_PASSWORD });
    for (const url of pages) await visit(page, url);
    await page.goto('/account');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(`${suite.baseUrl}/`);
    assert.match(await page.locator('main').innerText(), /You've signed out/);
    await context.close();
  });
}

test('a lead invites a new volunteer, who joins through the emailed link', async () => {
  const lead = await newSession(suite.browser, suite.baseUrl, { email: 'lead@demo.example', password: DEMO_PASSWORD });
  await lead.page.goto('/orgs/leeds-recovery-cafe');
  await lead.page.getByLabel('Email address').fill('new.friend@test.example');
  await lead.page.getByLabel('Volunteer', { exact: true }).check();
  await lead.page.getByRole('button', { name: 'Send invitation' }).click();
  await expectAccessible(lead.page, 'workspace after inviting');
  assert.match(await lead.page.locator('.banner').innerText(), /sent an invitation to new.friend@test.example/);

  const invitee = await newSession(suite.browser, suite.baseUrl);
  await visit(invitee.page, '/dev/outbox');
  const link = await invitee.page
    .locator('.outbox-message', { hasText: 'new.friend@test.example' })
    .first()
    .getByRole('link')
    .getAttribute('href');
  await visit(invitee.page, new URL(link!).pathname);
  await invitee.page.getByRole('button', { name: /Join/ }).click();
  await expectAccessible(invitee.page, 'invitation with errors');
  assert.match(await invitee.page.locator('.error-summary').innerText(), /Enter your name/);
  await invitee.page.getByLabel('Your name').fill('Fran Friend');
  await invitee.page.getByLabel('Choose a password').fill('kind words matter');
  await invitee.page.getByLabel('Type it again').fill('kind words matter');
  await invitee.page.getByRole('button', { name: /Join/ }).click();
  await invitee.page.waitForURL(/\/orgs\/leeds-recovery-cafe/);
  await expectAccessible(invitee.page, 'workspace of the new volunteer');
  assert.match(await invitee.page.locator('main').innerText(), /You are volunteer here/);

  // the lead removes them again, after being asked
  await lead.page.goto('/orgs/leeds-recovery-cafe');
  await lead.page.getByRole('link', { name: 'Remove Fran Friend' }).click();
  await expectAccessible(lead.page, 'remove confirmation');
  await lead.page.getByRole('button', { name: 'Yes, remove Fran Friend' }).click();
  assert.match(await lead.page.locator('.banner').innerText(), /Fran Friend is no longer part of Leeds Recovery Café/);
  await lead.context.close();
  await invitee.context.close();
});

test('the account and workspace pages work on a 375-pixel phone screen', async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl, {
    email: 'lead@demo.example',
    password: DEMO_PASSWORD,
    width: 375,
  });
  for (const url of ['/', '/account', '/orgs/leeds-recovery-cafe']) {
    await visit(page, url);
    const overflow = await page.evaluate(() => {
      const wide = [...document.querySelectorAll('body *')].filter(
        (e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap'),
      );
      return {
        by: document.documentElement.scrollWidth - window.innerWidth,
        what: wide.slice(0, 3).map((e) => `${e.tagName}.${e.className}`),
      };
    });
    assert.ok(overflow.by <= 1, `${url} scrolls sideways by ${overflow.by}px (${overflow.what.join(', ')})`);
  }
  await context.close();
});

// Last: it writes a script payload into every text field.
test('scripts stored in any text field never run in the browser', async () => {
  await poisonTextColumns(suite.server.server.database.db);
  const { context, page } = await newSession(suite.browser, suite.baseUrl); // a dialog would throw
  const fired: string[] = [];
  page.on('dialog', (d) => {
    fired.push(d.message());
    void d.dismiss();
  });
  const coordinator = await suite.server.server.database.db
    .selectFrom('people')
    .select('id')
    .where('email', 'like', '%coordinator@demo.example')
    .executeTakeFirstOrThrow();
  const { createSession } = await import('../../src/platform/auth/session.store.ts');
  await context.addCookies([
    {
      name: 'rc_session',
      value: await createSession(suite.server.server.database.db, coordinator.id, 'browser test'),
      url: suite.baseUrl,
    },
  ]);
  for (const url of ['/dev/outbox', '/', '/account', '/network/orgs/leeds-recovery-cafe', '/network']) {
    await page.goto(url);
    await page.waitForLoadState('load');
  }
  assert.deepEqual(fired, []);
  assert.ok((await page.content()).includes('&lt;script'), 'the payload is on the page, as text');
  await context.close();
});
