// Funding in a real browser: find an opportunity, mark interest, open a bid, invite a partner
// who accepts, balance the budget, sign off a document, download the combined pack. A lead on
// a phone (375 px), the partner on a laptop (1280 px); axe-core on every page; no overflow.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { expectAccessible, newSession, useBrowserSuite } from './support.ts';

const suite = useBrowserSuite();
const SHOTS = process.env.SCREENSHOT_DIR;

async function check(page: Page, label: string, width: number) {
  await expectAccessible(page, label);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= width, `${label} is ${scroll}px wide at ${width}px`);
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/funding-${label.replace(/\W+/g, '-')}-${width}.png`, fullPage: true });
  }
}

test('find an opportunity, bid together, balance the budget, sign off, download the pack', async () => {
  for (const width of [375, 1280]) {
    const anon = await newSession(suite.browser, suite.baseUrl, { width });
    await anon.page.goto(`${suite.baseUrl}/`);
    await anon.page.getByRole('link', { name: 'Find the money' }).click();
    await check(anon.page, 'who funds recovery', width);
    await anon.page.getByRole('link', { name: 'Northern Recovery Fund (fictional)' }).first().click();
    await check(anon.page, 'funder', width);
  }
  const W = 375;
  const lead = await newSession(suite.browser, suite.baseUrl, {
    email: 'lead@demo.example',
    password: DEMO_PASSWORD,
    width: W,
  });
  const p = lead.page;
  await p.goto(`${suite.baseUrl}/funding/opportunities`);
  await check(p, 'board', W);
  await p.getByRole('link', { name: /Coast and Country Trust \(fictional\): Open Programme/ }).click();
  await check(p, 'opportunity', W);
  await p.getByRole('button', { name: 'Leeds Recovery Café is interested' }).click();
  await p.getByText('is marked as interested').waitFor();
  await p.getByRole('link', { name: 'Open a bid for this opportunity' }).click();
  await check(p, 'bids', W);
  await p.getByLabel('What the bid is called').fill('Coast to city peer support');
  await p.getByLabel('Total you will ask for, in pounds').fill('20,000');
  await p.getByRole('button', { name: 'Open the bid' }).click();
  await p.getByText('The bid is open').waitFor();
  await p.getByLabel('Member organisation').selectOption({ label: 'Manchester Peer Network' });
  await p.getByRole('textbox', { name: 'Their role' }).fill('Delivery partner');
  await p.getByRole('button', { name: 'Send the invitation' }).click();
  await p.getByText('The invitation is sent').waitFor();
  const bidUrl = p.url().replace(/#.*$/, '');
  const bidId = bidUrl.split('/').pop()!;

  const partner = await newSession(suite.browser, suite.baseUrl, {
    email: 'lead.manchester@demo.example',
    password: DEMO_PASSWORD,
    width: 1280,
  });
  await partner.page.goto(`${suite.baseUrl}/orgs/manchester-peer-network/funding/bids/${bidId}`);
  await check(partner.page, 'invitation', 1280);
  await partner.page.getByRole('button', { name: 'Accept and join the bid' }).click();
  await partner.page.getByText('You have joined the bid').waitFor();

  await p.goto(bidUrl);
  const amounts = p.getByLabel('Amount, in pounds');
  await amounts.nth(0).fill('15,000');
  await amounts.nth(1).fill('4,000');
  await p.getByRole('button', { name: 'Save the budget' }).click();
  await p.getByText('is not given to any partner yet').first().waitFor();
  await check(p, 'budget refused', W);
  await p.getByLabel('Amount, in pounds').nth(1).fill('5,000');
  await p.getByRole('button', { name: 'Save the budget' }).click();
  await p.getByText('The budget is saved').waitFor();
  await p.getByRole('textbox', { name: 'Title', exact: true }).fill('Partnership agreement');
  await p.getByRole('textbox', { name: 'Text', exact: true }).fill('We agree to work together on this bid.');
  await p.getByRole('button', { name: 'Add the document' }).click();
  await p.getByText('The document is saved').waitFor();
  await p.getByRole('button', { name: /Sign off version 1 for Leeds Recovery Café/ }).click();
  await p.getByText('Signed off.').waitFor();
  await check(p, 'bid page', W);

  await partner.page.goto(bidUrl.replace('leeds-recovery-cafe', 'manchester-peer-network'));
  await partner.page.getByRole('button', { name: /Sign off version 1 for Manchester Peer Network/ }).click();
  await partner.page.getByText('Signed off.').waitFor();
  await partner.page.getByText('2 of 2 partners').waitFor();
  await check(partner.page, 'partner bid page', 1280);
  const [download] = await Promise.all([
    partner.page.waitForEvent('download'),
    partner.page.getByRole('link', { name: 'combined evidence pack (Word)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'combined-evidence-pack.docx');
  const res = await partner.page.request.get(
    `${bidUrl.replace('leeds-recovery-cafe', 'manchester-peer-network')}/pack.pdf`,
  );
  assert.equal(res.status(), 200);
  assert.equal((await res.body()).subarray(0, 4).toString(), '%PDF');

  await p.goto(`${suite.baseUrl}/orgs/leeds-recovery-cafe/funding`);
  await check(p, 'org funding and value statement', W);
});
