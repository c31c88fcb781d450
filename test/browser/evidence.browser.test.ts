// Evidence in a real browser at phone width (375 px): a worker records ONS4 and BARC-10 with
// taps, makes a self-completion link, and a participant answers through it on their own phone;
// the link then refuses a second use. axe-core runs on every page visited.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { expectAccessible, newSession, visit, useBrowserSuite } from './support.ts';

const suite = useBrowserSuite();

const PHONE = 375;

async function fitsThePhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE, `${page.url()} is ${width}px wide`);
}

/** Taps the answer at this position for one question (the radio button covers its box). */
async function answer(page: Page, itemKey: string, index: number) {
  await page.locator(`#f-${itemKey}${index === 0 ? '' : `-${index}`}`).click();
}

test('a worker records ONS4 and BARC-10 on a phone; a participant completes one by link, once', async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl, {
    email: 'worker@demo.example',
    password: DEMO_PASSWORD,
    width: PHONE,
  });
  await visit(page, '/orgs/leeds-recovery-cafe/evidence');
  await fitsThePhone(page);
  await page.getByRole('link', { name: 'Participants' }).first().click();
  await expectAccessible(page, 'participants');
  await fitsThePhone(page);

  // a new participant, so the history holds only what this test records
  await page.getByRole('link', { name: 'Add a participant' }).click();
  await expectAccessible(page, 'add a participant');
  await page.getByLabel('First name or nickname (optional)').fill('Browser');
  for (const name of ['consent_record', 'consent_network', 'consent_contact'])
    await page.locator(`label[for="f-${name}"]`).click(); // "Yes"
  await page.getByRole('button', { name: 'Add participant' }).click();
  await page.waitForURL(/\/participants\/[0-9a-f-]{36}$/);
  await expectAccessible(page, 'participant page');
  await fitsThePhone(page);
  const participantUrl = page.url();

  await page.getByRole('link', { name: /Record ONS4/ }).click();
  await expectAccessible(page, 'ONS4 entry');
  await fitsThePhone(page);
  for (const [key, value] of [
    ['ons4_satis', 6],
    ['ons4_worth', 7],
    ['ons4_happy', 5],
    ['ons4_anxious', 8],
  ] as const)
    await answer(page, key, value);
  await page.getByRole('button', { name: 'Save ONS4' }).click();
  await page.waitForURL(/#history$/);
  await expectAccessible(page, 'after ONS4');
  assert.match(await page.locator('.banner').innerText(), /Life satisfaction 6, Worthwhile 7, Happiness 5, Anxiety 8/);

  await page.getByRole('link', { name: /Record BARC-10/ }).click();
  await expectAccessible(page, 'BARC-10 entry');
  await fitsThePhone(page);
  // one tap per question
  const values = [6, 5, 4, 3, 2, 1, 6, 5, 4, 3];
  for (const [i, v] of values.entries()) await answer(page, `barc10_${i + 1}`, v - 1);
  await page.getByRole('button', { name: 'Save BARC-10' }).click();
  await page.waitForURL(/#history$/);
  assert.match(await page.locator('.banner').innerText(), /Recovery capital \(BARC-10 total\) 39/);

  // a link for them to fill in ONS4 on their own phone
  await page.locator('input[name="instrument"][value="ons4"]').check();
  await page.getByRole('button', { name: 'Make a link' }).click();
  await expectAccessible(page, 'link made');
  await fitsThePhone(page);
  const link = (await page.locator('.link-box').innerText()).trim();
  assert.match(link, /\/complete\/[A-Za-z0-9_-]{40,}$/);
  await context.close();

  const phone = await newSession(suite.browser, suite.baseUrl, { width: PHONE });
  const path = new URL(link).pathname;
  await visit(phone.page, path);
  await fitsThePhone(phone.page);
  assert.doesNotMatch(await phone.page.locator('main').innerText(), /Browser|LRC-/);
  const box = await phone.page.locator('#f-ons4_satis-9').boundingBox();
  assert.ok(box && box.height >= 44 && box.width >= 44, `tap targets are at least 44px (${JSON.stringify(box)})`);
  // without answering everything: an error summary linking to the missing question
  await answer(phone.page, 'ons4_satis', 9);
  await phone.page.getByRole('button', { name: 'Send my answers' }).click();
  await expectAccessible(phone.page, 'self-completion with errors');
  assert.match(await phone.page.locator('.error-summary').innerText(), /question 2/);
  for (const [key, value] of [
    ['ons4_worth', 8],
    ['ons4_happy', 7],
    ['ons4_anxious', 1],
  ] as const)
    await answer(phone.page, key, value);
  // they ask to see how their answers compare with the worker's earlier entry
  await phone.page.getByLabel('Show me how my answers compare with my earlier ones').check();
  await phone.page.getByRole('button', { name: 'Send my answers' }).click();
  await expectAccessible(phone.page, 'thank you, with their progress');
  await fitsThePhone(phone.page);
  assert.match(await phone.page.locator('h1').innerText(), /Thank you/);
  assert.ok(await phone.page.getByRole('heading', { name: 'How your answers compare' }).isVisible());
  assert.match(await phone.page.locator('.progress').innerText(), /Life satisfaction \(ONS4\)\s+9 on /);
  assert.doesNotMatch(await phone.page.locator('main').innerText(), /Browser|LRC-/);
  await visit(phone.page, path, 410);
  assert.match(await phone.page.locator('h1').innerText(), /already been used/);
  await phone.context.close();

  // the worker sees all three, scored
  const again = await newSession(suite.browser, suite.baseUrl, {
    email: 'worker@demo.example',
    password: DEMO_PASSWORD,
    width: PHONE,
  });
  await visit(again.page, participantUrl);
  const history = await again.page.locator('#history + .history').innerText();
  assert.match(history, /Life satisfaction: 9/);
  assert.match(history, /Filled in by them/);
  assert.match(history, /BARC-10 total\): 39/);
  await again.context.close();
});

test('a worker on a phone deletes a questionnaire after a confirmation page, then restores it', async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl, {
    email: 'worker@demo.example',
    password: DEMO_PASSWORD,
    width: PHONE,
  });
  await page.goto('/orgs/leeds-recovery-cafe/participants');
  await page.locator('main table a[href*="/participants/"]').first().click();
  const participantUrl = page.url();
  const deleteLink = page.getByRole('link', { name: /^Delete / }).first();
  const named = (await deleteLink.innerText()).replace(/^Delete\s*/, '');
  await deleteLink.click();
  await expectAccessible(page, 'delete a questionnaire, asked first');
  await fitsThePhone(page);
  assert.match(await page.locator('h1').innerText(), /^Delete .+\?$/);
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await page.waitForURL(/#deleted$/);
  await expectAccessible(page, 'participant page with a deleted questionnaire');
  await page.getByRole('button', { name: `Restore ${named}` }).click();
  await page.waitForURL((u) => u.href.startsWith(participantUrl));
  assert.match(await page.locator('.banner').innerText(), /back on .+ record and counts again/);
  await context.close();
});

test("a worker on a phone sees a participant's progress, opens the one-page report, and it prints on one page", async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl, {
    email: 'worker@demo.example',
    password: DEMO_PASSWORD,
    width: PHONE,
  });
  await page.goto('/orgs/leeds-recovery-cafe/participants');
  await page.locator('main table a[href*="/participants/"]').first().click();
  await expectAccessible(page, 'participant page with progress');
  await fitsThePhone(page);
  const progress = page.getByRole('heading', { name: 'How their scores have changed' });
  assert.ok(await progress.isVisible(), 'the progress section is on their page');
  const firstChart = page.locator('.progress svg[role="img"]').first();
  assert.match((await firstChart.locator('title').textContent()) ?? '', / over time$/);
  await page.getByRole('link', { name: /one-page report of their progress/ }).click();
  await expectAccessible(page, 'progress report');
  await fitsThePhone(page);
  assert.match(await page.locator('h1').innerText(), /^How .+’s answers have changed$/);
  // the table behind each chart opens for anyone who would rather read the numbers
  await page.getByText('The scores as a table').first().click();
  assert.ok(await page.locator('.progress-measure table').first().isVisible());
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
  assert.equal(pages.length, 1, `the report prints on one A4 page (${pages.length})`);
  await context.close();
});

test('a worker on a phone corrects a session, deletes it after being asked, and puts it back', async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl, {
    email: 'worker@demo.example',
    password: DEMO_PASSWORD,
    width: PHONE,
  });
  await visit(page, '/orgs/leeds-recovery-cafe/activities');
  const change = page.locator('main table a[href$="/edit"]').first();
  await change.click();
  await expectAccessible(page, 'change a session');
  await fitsThePhone(page);
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/session-change-375.png`, fullPage: true });
  const came = page.getByLabel('How many came');
  const was = Number(await came.inputValue());
  await came.fill(String(was + 1));
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL(/\/activities$/);
  assert.match(await page.locator('.banner').innerText(), /session changed/);

  await page.locator('main table a[href$="/edit"]').first().click();
  assert.equal(Number(await page.getByLabel('How many came').inputValue()), was + 1);
  await page.getByRole('link', { name: /^Delete the / }).click();
  await expectAccessible(page, 'delete a session, asked first');
  await fitsThePhone(page);
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await expectAccessible(page, 'session deleted');
  await fitsThePhone(page);
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/session-deleted-375.png`, fullPage: true });
  await page.getByRole('button', { name: 'Put it back' }).click();
  await page.waitForURL(/\/activities$/);
  assert.match(await page.locator('.banner').innerText(), /session saved/);
  await context.close();
});

test('a link is copied with one tap; a participant whose connection drops finds their answers kept', async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl, {
    email: 'worker@demo.example',
    password: DEMO_PASSWORD,
    width: PHONE,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/orgs/leeds-recovery-cafe/participants');
  await page.locator('main table a[href*="/participants/"]').first().click();
  await page.locator('input[name="instrument"][value="barc10"]').check();
  await page.getByRole('button', { name: 'Make a link' }).click();
  await expectAccessible(page, 'link made, with copy and email');
  await fitsThePhone(page);
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/link-made-375.png`, fullPage: true });
  const link = (await page.locator('.link-box').innerText()).trim();
  await page.getByRole('button', { name: 'Copy the link' }).click();
  await page.getByText('The link is copied').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await context.close();

  const phone = await newSession(suite.browser, suite.baseUrl, { width: PHONE });
  const path = new URL(link).pathname;
  await visit(phone.page, path);
  assert.match(await phone.page.locator('main').innerText(), /Question 3 of 10/);
  if (process.env.SCREENSHOTS)
    await phone.page.screenshot({ path: `${process.env.SCREENSHOTS}/barc-self-375.png`, fullPage: true });
  await answer(phone.page, 'barc10_1', 4);
  await answer(phone.page, 'barc10_2', 2);
  // the connection drops as they send it
  await phone.context.setOffline(true);
  await phone.page
    .getByRole('button', { name: 'Send my answers' })
    .click()
    .catch(() => undefined);
  await phone.page.waitForTimeout(200);
  await phone.context.setOffline(false);
  await phone.page.goto(path);
  assert.equal(await phone.page.locator('#f-barc10_1-4').isChecked(), true, 'the first answer came back');
  assert.equal(await phone.page.locator('#f-barc10_2-2').isChecked(), true, 'the second answer came back');
  for (let i = 3; i <= 10; i++) await answer(phone.page, `barc10_${i}`, 3);
  await phone.page.getByRole('button', { name: 'Send my answers' }).click();
  assert.match(await phone.page.locator('h1').innerText(), /Thank you/);
  await expectAccessible(phone.page, 'thank you, with help now');
  const kept = await phone.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rc-answers:')));
  assert.deepEqual(kept, [], 'nothing is left on their phone');
  await phone.context.close();
});

test('the retention rule page (lead) and the records of processing (coordinator) are accessible', async () => {
  const lead = await newSession(suite.browser, suite.baseUrl, {
    email: 'lead@demo.example',
    password: DEMO_PASSWORD,
    width: PHONE,
  });
  await visit(lead.page, '/orgs/leeds-recovery-cafe/retention');
  await fitsThePhone(lead.page);
  await lead.page.getByRole('button', { name: 'Save' }).click();
  await expectAccessible(lead.page, 'retention rule saved');
  await lead.context.close();
  const coordinator = await newSession(suite.browser, suite.baseUrl, {
    email: 'coordinator@demo.example',
    password: DEMO_PASSWORD,
    width: PHONE,
  });
  await visit(coordinator.page, '/network/records-of-processing');
  await fitsThePhone(coordinator.page);
  await visit(coordinator.page, '/privacy');
  await coordinator.context.close();
});
