// Insight pages in Chromium with axe: the organisation's dashboard, social value form (with an
// error), its evidence pack, the network dashboard and the public impact page, at desktop and
// phone widths, and printed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { expectAccessible, newSession, visit, useBrowserSuite } from './support.ts';

const suite = useBrowserSuite();

test('the public impact page is accessible, at phone width too, and names its figures', async () => {
  for (const width of [1200, 375]) {
    const { context, page } = await newSession(suite.browser, suite.baseUrl, { width });
    await visit(page, '/impact');
    assert.match(await page.locator('h1').innerText(), /Our impact/);
    await context.close();
  }
});

test("a lead's insight dashboard, social value and evidence pack are accessible, and print", async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl, {
    email: 'lead@demo.example',
    password: DEMO_PASSWORD,
  });
  for (const url of [
    '/orgs/leeds-recovery-cafe/insight',
    '/orgs/leeds-recovery-cafe/insight/social-value?costs=20000',
    '/orgs/leeds-recovery-cafe/insight/pack',
  ])
    await visit(page, url);
  await visit(page, '/orgs/leeds-recovery-cafe/insight/social-value?deadweight=140', 400);
  await page.goto('/orgs/leeds-recovery-cafe/insight');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.site-header nav').isVisible(), false, 'navigation is hidden in print');
  // the dashboard prints its plain words and charts; its tables sit behind "how this was worked
  // out", and open with a click
  assert.ok(
    await page
      .getByText(/went (up|down) by about/)
      .first()
      .isVisible(),
    'the plain words print',
  );
  assert.ok(await page.locator('svg.chart').first().isVisible(), 'charts print');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('details table').first().isVisible(), false, 'tables wait behind a disclosure');
  await page.getByText('How this was worked out').first().click();
  assert.ok(await page.getByRole('table', { name: /Outcomes by measure/ }).isVisible(), 'the statistics open');
  // the evidence pack is the printable whole: every table shows
  await page.goto('/orgs/leeds-recovery-cafe/insight/pack');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('table').first().isVisible(), "the pack's tables print");
  await context.close();
});

test('the network insight page is accessible to a coordinator', async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl, {
    email: 'coordinator@demo.example',
    password: DEMO_PASSWORD,
  });
  await visit(page, '/network/insight');
  await visit(page, '/network/insight/pack');
  await expectAccessible(page, 'network pack');
  await context.close();
});
