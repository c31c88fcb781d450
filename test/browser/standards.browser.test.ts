// Standards in a real browser: a lead's self-assessment on a phone (375 px), a coordinator
// assigning two peer researchers, their reviews, the panel's decision and recognition on the
// public page. axe-core on every page; nothing overflows the phone.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { expectAccessible, newSession, useBrowserSuite } from './support.ts';

const suite = useBrowserSuite();
const PHONE = 375;
const KEYS = ['C1', 'C2', 'H1', 'H2', 'I1', 'I2', 'M1', 'M2', 'E1', 'E2'];
const SHOTS = process.env.SCREENSHOT_DIR;

async function check(page: Page, label: string, width = PHONE) {
  await expectAccessible(page, label);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= width, `${label} is ${scroll}px wide at ${width}px`);
  if (SHOTS) {
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/standards-${label.replace(/\W+/g, '-')}-${width}.png`, fullPage: true });
  }
}

/** Picks one level for every standard: the radio for `index` (0 emerging … 3 leading). */
async function chooseLevels(page: Page, index: number) {
  for (const key of KEYS) await page.locator(`#f-level_${key}${index === 0 ? '' : `-${index}`}`).check();
}

test('the whole cycle: self-assessment, two peer reviews, decision, recognition', async () => {
  const lead = await newSession(suite.browser, suite.baseUrl, {
    email: 'lead@demo.example',
    password: DEMO_PASSWORD,
    width: PHONE,
  });
  await lead.page.goto(`${suite.baseUrl}/orgs/leeds-recovery-cafe`);
  await lead.page.getByRole('link', { name: 'Standards' }).first().click();
  await check(lead.page, 'org standards');
  await lead.page.getByRole('link', { name: 'Continue your self-assessment' }).click();
  await check(lead.page, 'self-assessment form');

  // Send with levels missing: told which, and nothing lost.
  await lead.page
    .getByLabel('What you do (optional)')
    .first()
    .fill('A café every Saturday, run by people in recovery.');
  await lead.page.getByRole('button', { name: 'Send for peer review' }).click();
  await lead.page
    .getByRole('heading', { name: 'There is a problem' })
    .waitFor()
    .catch(() => {});
  await check(lead.page, 'self-assessment errors');
  assert.equal(
    await lead.page.getByLabel('What you do (optional)').first().inputValue(),
    'A café every Saturday, run by people in recovery.',
  );

  await chooseLevels(lead.page, 2);
  await lead.page.getByRole('button', { name: 'Send for peer review' }).click();
  await lead.page.getByText('Sent for peer review').waitFor();
  await check(lead.page, 'sent self-assessment');
  const assessmentUrl = lead.page.url();
  const assessmentId = assessmentUrl.split('/').pop()!;

  const coordinator = await newSession(suite.browser, suite.baseUrl, {
    email: 'coordinator@demo.example',
    password: DEMO_PASSWORD,
    width: 1280,
  });
  await coordinator.page.goto(`${suite.baseUrl}/network/standards`);
  await check(coordinator.page, 'coordinator standards', 1280);
  await coordinator.page.goto(`${suite.baseUrl}/network/standards/assessments/${assessmentId}`);
  await check(coordinator.page, 'coordinator assessment', 1280);
  // Pat volunteers at Leeds: refused with the reason.
  const pat = coordinator.page.locator('#f-reviewer option', { hasText: 'Pat Researcher' });
  await coordinator.page.locator('#f-reviewer').selectOption((await pat.getAttribute('value'))!);
  await coordinator.page.getByRole('button', { name: 'Assign' }).click();
  await coordinator.page.getByText('belong to the organisation being reviewed').first().waitFor();
  for (const name of ['Kim Reviewer', 'Ash Reviewer']) {
    const option = coordinator.page.locator('#f-reviewer option', { hasText: name });
    await coordinator.page.locator('#f-reviewer').selectOption((await option.getAttribute('value'))!);
    await coordinator.page.getByRole('button', { name: 'Assign' }).click();
    await coordinator.page.getByText('Reviewer assigned').waitFor();
  }

  for (const email of ['researcher.two@demo.example', 'researcher.three@demo.example']) {
    const reviewer = await newSession(suite.browser, suite.baseUrl, { email, password: DEMO_PASSWORD, width: PHONE });
    await reviewer.page.goto(`${suite.baseUrl}/reviews`);
    await check(reviewer.page, 'my reviews');
    await reviewer.page.getByRole('link', { name: 'Leeds Recovery Café' }).click();
    await check(reviewer.page, 'review form');
    await chooseLevels(reviewer.page, 1);
    await reviewer.page.getByLabel('Date of the visit').fill('2026-11-20');
    await reviewer.page.getByLabel('Who you met').fill('The lead and three volunteers');
    await reviewer.page.getByRole('button', { name: 'Send your review' }).click();
    await reviewer.page.getByText('Your review is sent').waitFor();
    await reviewer.context.close();
  }

  await coordinator.page.goto(`${suite.baseUrl}/network/standards/assessments/${assessmentId}`);
  await coordinator.page.getByLabel('Recognised').check();
  await coordinator.page.getByLabel('Feedback for the organisation').fill('Warm, safe and led by lived experience.');
  await coordinator.page.getByRole('button', { name: 'Record the decision' }).click();
  await coordinator.page.getByText('Decision recorded').waitFor();
  await check(coordinator.page, 'decided', 1280);

  await lead.page.goto(assessmentUrl);
  await lead.page.getByText('The panel’s decision').waitFor();
  await check(lead.page, 'decision for the lead');
  await lead.page.goto(`${suite.baseUrl}/standards`);
  await check(lead.page, 'public standards');
  assert.ok(await lead.page.getByRole('link', { name: 'Leeds Recovery Café' }).count());
  await lead.context.close();
  await coordinator.context.close();
});
