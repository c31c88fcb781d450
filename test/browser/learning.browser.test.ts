// Shared learning in Chromium at phone width, axe on every page: find a resource by a
// misspelt search, read it, ask a question, another member answers, the asker accepts; a new
// group asks for a mentor and the mentor accepts. Screenshots at 375 and 1280 px go to
// SCREENSHOT_DIR when it is set, for people to look at.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { expectAccessible, newSession, useBrowserSuite, visit } from './support.ts';

const suite = useBrowserSuite();
const SHOTS = process.env.SCREENSHOT_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.screenshot({ path: path.join(SHOTS, `${name}-${page.viewportSize()?.width}.png`), fullPage: true });
}

async function noSidewaysScroll(page: Page, label: string) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(wide, false, `${label} scrolls sideways`);
}

for (const width of [375, 1280]) {
  test(`library at ${width}px: misspelt search, read, ask, answer as another member, accept`, async () => {
    const asker = await newSession(suite.browser, suite.baseUrl, {
      email: 'lead@demo.example',
      password: DEMO_PASSWORD,
      width,
    });
    const page = asker.page;
    await visit(page, '/learning');
    await shot(page, 'learning-hub');
    await page.getByLabel('Search the library').fill('nalaxone trainng');
    await page.getByRole('button', { name: 'Search' }).click();
    await expectAccessible(page, 'search results');
    await noSidewaysScroll(page, 'search results');
    await shot(page, 'learning-search');
    await page.getByRole('link', { name: 'Naloxone training guide for volunteers' }).click();
    await expectAccessible(page, 'resource');
    await noSidewaysScroll(page, 'resource');
    await shot(page, 'learning-resource');
    assert.match(await page.locator('main').innerText(), /reverses an opioid overdose/);
    await page.getByRole('link', { name: 'Ask the network a question about this' }).click();
    await expectAccessible(page, 'ask form');
    await page.getByRole('button', { name: 'Ask the network' }).click();
    await expectAccessible(page, 'ask form with errors');
    assert.match(await page.locator('.error-summary').innerText(), /Write your question/);
    const title = `Where do you keep naloxone kits? (${width})`;
    await page.getByLabel('Your question').fill(title);
    await page.getByLabel('Tags (optional)').fill('naloxone, harm-reduction');
    await page.getByRole('button', { name: 'Ask the network' }).click();
    await page.waitForURL(/\/learning\/questions\/[0-9a-f-]{36}$/);
    await expectAccessible(page, 'question');
    const questionUrl = new URL(page.url()).pathname;

    const answerer = await newSession(suite.browser, suite.baseUrl, {
      email: 'lead.manchester@demo.example',
      password: DEMO_PASSWORD,
      width,
    });
    await visit(answerer.page, '/learning/questions?unanswered=1');
    await answerer.page.getByRole('link', { name: title }).click();
    await expectAccessible(answerer.page, 'question to answer');
    await answerer.page
      .getByLabel('Share what worked for you')
      .fill('In a locked box by the kitchen, with a sign on the door.');
    await answerer.page.getByRole('button', { name: 'Post your answer' }).click();
    await expectAccessible(answerer.page, 'answered');
    await answerer.context.close();

    await visit(page, questionUrl);
    await page.getByRole('button', { name: /This solved it/ }).click();
    await expectAccessible(page, 'accepted');
    await noSidewaysScroll(page, 'question');
    await shot(page, 'learning-question');
    assert.match(await page.locator('main').innerText(), /Solved it/);
    await asker.context.close();
  });
}

test('a new group asks for a mentor at 375px, and the mentor accepts', async () => {
  const db = suite.server.server.database.db;
  // An applicant group from the demo, its lead, and no request yet.
  const group = await db
    .selectFrom('organisations as o')
    .innerJoin('memberships as m', 'm.org_id', 'o.id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['o.slug', 'o.name', 'p.email'])
    .where('o.status', '=', 'applicant')
    .where('m.role', '=', 'lead')
    .orderBy('o.name')
    .executeTakeFirstOrThrow();
  const newcomer = await newSession(suite.browser, suite.baseUrl, {
    email: group.email,
    password: DEMO_PASSWORD,
    width: 375,
  });
  await visit(newcomer.page, `/orgs/${group.slug}/pathway`);
  await newcomer.page.getByRole('button', { name: /We’ve done this\s*:\s*Insurance/ }).click();
  await expectAccessible(newcomer.page, 'pathway');
  await noSidewaysScroll(newcomer.page, 'pathway');
  await shot(newcomer.page, 'learning-pathway');
  await newcomer.page.getByRole('link', { name: 'Ask for a mentor' }).click();
  await expectAccessible(newcomer.page, 'mentor suggestions');
  await shot(newcomer.page, 'learning-mentor');
  const first = newcomer.page.locator('input[name="mentor"]').first();
  const mentorName = (await newcomer.page.locator(`label[for="${await first.getAttribute('id')}"]`).innerText()).trim();
  await first.check();
  await newcomer.page.getByRole('button', { name: 'Ask them' }).click();
  await expectAccessible(newcomer.page, 'asked');
  assert.match(
    await newcomer.page.locator('main').innerText(),
    new RegExp(`asked ${mentorName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );

  const mentor = await db
    .selectFrom('organisations as o')
    .innerJoin('memberships as m', 'm.org_id', 'o.id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['o.slug', 'p.email'])
    .where('o.name', '=', mentorName)
    .where('m.role', '=', 'lead')
    .executeTakeFirstOrThrow();
  const mentorSession = await newSession(suite.browser, suite.baseUrl, {
    email: mentor.email,
    password: DEMO_PASSWORD,
    width: 375,
  });
  await visit(mentorSession.page, `/orgs/${mentor.slug}/mentoring`);
  await shot(mentorSession.page, 'learning-mentoring');
  await mentorSession.page
    .getByRole('button', { name: new RegExp(`Yes, we’ll mentor them \\(${group.name}\\)`) })
    .click();
  await expectAccessible(mentorSession.page, 'accepted');
  await mentorSession.page.getByRole('link', { name: `See ${group.name}’s progress` }).click();
  await expectAccessible(mentorSession.page, 'mentee progress');
  assert.match(await mentorSession.page.locator('main').innerText(), /Insurance\s*Done/);
  await visit(newcomer.page, `/orgs/${group.slug}/pathway`);
  assert.match(
    await newcomer.page.locator('main').innerText(),
    new RegExp(`Your mentor is ${mentorName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
  await newcomer.context.close();
  await mentorSession.context.close();
});

for (const width of [375, 1280]) {
  test(`people who can help, a person's own pathway and the coordinators' pages at ${width}px`, async () => {
    const worker = await newSession(suite.browser, suite.baseUrl, {
      email: 'worker@demo.example',
      password: DEMO_PASSWORD,
      width,
    });
    const page = worker.page;
    await visit(page, '/learning');
    await page.getByRole('link', { name: 'People who can help' }).click();
    await page.getByLabel('Search by skill or experience').fill('bid writng');
    await page.getByRole('button', { name: 'Search' }).click();
    await expectAccessible(page, 'people who can help');
    await noSidewaysScroll(page, 'people who can help');
    assert.match(await page.locator('main').innerText(), /Awards for All/);
    await shot(page, 'learning-people');
    await page.getByRole('link', { name: /Add yourself to the list|Change what you have said/ }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expectAccessible(page, 'helper form with errors');
    assert.match(await page.locator('.error-summary').innerText(), /Say what you can offer/);
    await page.getByLabel('What you can offer').fill(`Running a Sunday walking group (${width})`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/learning\/people$/);
    assert.match(await page.locator('main').innerText(), new RegExp(`Sunday walking group \\(${width}\\)`));
    await shot(page, 'learning-people-listed');
    await visit(page, '/learning/people/me');
    await shot(page, 'learning-people-form');
    await page.getByRole('button', { name: 'Take me off the list' }).click();
    await page.waitForURL(/\/learning\/people$/);
    assert.doesNotMatch(await page.locator('main').innerText(), /Sunday walking group/);
    await worker.context.close();

    const coordinator = await newSession(suite.browser, suite.baseUrl, {
      email: 'coordinator@demo.example',
      password: DEMO_PASSWORD,
      width,
    });
    for (const [url, name] of [
      ['/learning/start', 'learning-start'],
      ['/network/learning/stories', 'learning-stories-review'],
      ['/network/learning/mentoring', 'learning-matches'],
      ['/network/learning/questions', 'learning-moderation'],
      ['/learning/library?kind=story', 'learning-stories'],
      ['/learning/library?q=safegaurding', 'learning-search-typo'],
    ] as const) {
      await visit(coordinator.page, url);
      await expectAccessible(coordinator.page, url);
      await noSidewaysScroll(coordinator.page, url);
      await shot(coordinator.page, name);
    }
    // A person with no group ticks a step of their own on the guide.
    await visit(coordinator.page, '/learning/start');
    const step = width === 375 ? 'People and purpose' : 'Safeguarding';
    const before = Number(/(\d+) of \d+ so far/.exec(await coordinator.page.locator('main').innerText())![1]);
    await coordinator.page.getByRole('button', { name: new RegExp(`I’ve done this\\s*:\\s*${step}`) }).click();
    await expectAccessible(coordinator.page, 'own step ticked');
    assert.match(await coordinator.page.locator('main').innerText(), new RegExp(`${before + 1} of \\d+ so far`));
    assert.ok(
      await coordinator.page.getByRole('button', { name: new RegExp(`Not done yet\\s*:\\s*${step}`) }).isVisible(),
    );
    await coordinator.context.close();
  });
}
