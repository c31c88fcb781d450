// The collective voice in Chromium, axe on every page: a coordinator opens a consultation,
// 30 people vote (some in the browser with JavaScript off at phone width, the rest through
// the same forms), one adds a statement that is moderated, the coordinator closes it early and
// the results are published. Then the public pages at 1280 px. Screenshots go to SCREENSHOT_DIR.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { APIRequestContext, Page } from 'playwright-core';
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
const ukNow = (offsetDays: number) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(Date.now() + offsetDays * 86400000));

/** Votes as a browser without JavaScript would: load the page, post its form, follow the redirect. */
async function voteByForm(request: APIRequestContext, url: string, choose: (n: number) => string) {
  for (let n = 0; n < 20; n++) {
    const html = await (await request.get(url)).text();
    const statement = /name="statement" value="([0-9a-f-]{36})"/.exec(html)?.[1];
    if (!statement) return;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const res = await request.post(`${url}/votes`, {
      form: { _csrf: csrf, statement, choice: choose(n) },
      maxRedirects: 0,
    });
    assert.equal(res.status(), 303);
  }
}

test('from creation to results at 375px: 30 people vote, some with JavaScript off, a statement is added and moderated', async () => {
  const { page } = await newSession(suite.browser, suite.baseUrl, {
    email: 'coordinator@demo.example',
    password: DEMO_PASSWORD,
    width: 375,
  });
  await visit(page, '/network/voice/consultations/new');
  await shot(page, 'voice-new');
  await page.getByRole('button', { name: 'Open the consultation' }).click();
  await expectAccessible(page, 'new consultation with errors');
  assert.match(await page.locator('.error-summary').innerText(), /Enter a title/);
  await page.getByLabel('Title').fill('What matters most this year?');
  await page.getByLabel('Background').fill('The council is **reviewing** recovery services.');
  await page.getByLabel('Opens (date and time, UK)').fill(ukNow(-1));
  await page.getByLabel('Closes (date and time, UK)').fill(ukNow(14));
  await page
    .getByLabel('Statements to start with')
    .fill(
      [
        'Peer support should be funded as core',
        'Abstinence should be the goal',
        'Medication is part of recovery',
        'Councils should pay peer workers',
        'Recovery cafés should open at weekends',
        'Online meetings are as good as in person',
        'Naloxone for every volunteer',
        'Housing comes first',
      ].join('\n'),
    );
  await page.getByRole('button', { name: 'Open the consultation' }).click();
  await page.waitForURL(/\/voice\/consultations\/[0-9a-f-]{36}$/);
  await expectAccessible(page, 'consultation');
  const url = new URL(page.url()).pathname;

  // Three people at phone width with JavaScript off, clicking through.
  for (let p = 0; p < 3; p++) {
    const context = await suite.browser.newContext({
      baseURL: suite.baseUrl,
      viewport: { width: 375, height: 800 },
      javaScriptEnabled: false,
      bypassCSP: true,
    });
    const pg = await context.newPage();
    await pg.goto(url);
    if (p === 0) {
      await shot(pg, 'voice-vote');
      await noSidewaysScroll(pg, 'voting');
    }
    for (let n = 0; n < 8; n++) {
      await pg.getByRole('button', { name: n % 3 === 2 ? 'Disagree' : 'Agree', exact: true }).click();
      await pg.waitForLoadState();
    }
    assert.match(await pg.locator('main').innerText(), /You have voted on every statement/);
    if (p === 0) {
      await pg
        .getByLabel('Add a statement of your own (optional)')
        .fill('Buses should run after six so people can get to meetings');
      await pg.getByRole('button', { name: 'Send for checking' }).click();
      assert.match(await pg.locator('main').innerText(), /waiting to be checked/);
      await shot(pg, 'voice-voted');
    }
    await context.close();
  }
  // 27 more, in two camps, through the same forms.
  for (let p = 0; p < 27; p++) {
    const context = await suite.browser.newContext({ baseURL: suite.baseUrl });
    await voteByForm(context.request, url, (n) =>
      n === 0 || n === 3 ? 'agree' : (n + p) % 2 ? 'agree' : n === 5 ? 'pass' : 'disagree',
    );
    await context.close();
  }

  await visit(page, `${url}/manage`);
  await shot(page, 'voice-manage');
  await page.getByRole('button', { name: 'Accept' }).first().click();
  assert.match(await page.locator('main').innerText(), /Accepted/);
  await page.getByRole('button', { name: 'Close the consultation now' }).click();
  await expectAccessible(page, 'closed');
  // The analysis runs as a job on the queue; wait for it.
  let body = '';
  for (let i = 0; i < 60 && !/Where we agree/.test(body); i++) {
    await new Promise((r) => setTimeout(r, 1000));
    await page.goto(`${url}/results`);
    body = await page.locator('main').innerText();
  }
  assert.match(body, /30 people cast/);
  assert.match(body, /Where we agree/);
  assert.match(body, /Peer support should be funded as core/);
  await expectAccessible(page, 'results');
  await noSidewaysScroll(page, 'results');
  await shot(page, 'voice-results');
});

for (const width of [375, 1280]) {
  test(`the public voice pages at ${width}px`, async () => {
    const { page } = await newSession(suite.browser, suite.baseUrl, { width });
    await visit(page, '/');
    await page.getByRole('link', { name: 'Speak with one voice' }).click();
    await expectAccessible(page, 'voice');
    await noSidewaysScroll(page, 'voice');
    await shot(page, 'voice-hub');
    await page.getByRole('link', { name: 'What should the national drugs review hear from us?' }).click();
    await expectAccessible(page, 'demo consultation');
    await page.getByRole('link', { name: 'See what people said' }).click();
    await expectAccessible(page, 'demo results');
    await noSidewaysScroll(page, 'demo results');
    await shot(page, 'voice-demo-results');
    await visit(page, '/voice');
    await page.getByRole('link', { name: 'You are not alone' }).click();
    await expectAccessible(page, 'collection');
    assert.match(await page.locator('main').innerText(), /Phrases spoken by participants and presenters/);
    await noSidewaysScroll(page, 'collection');
    await shot(page, 'voice-collection');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as a PDF' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'you-are-not-alone.pdf');
    await visit(page, '/voice/words/share');
    await page.getByRole('button', { name: 'Share' }).click();
    await expectAccessible(page, 'share with errors');
    await page.getByLabel('Your words').fill('The café saved my Tuesdays');
    await page.getByRole('button', { name: 'Share' }).click();
    await expectAccessible(page, 'shared');
    await shot(page, 'voice-shared');
    const coord = await newSession(suite.browser, suite.baseUrl, {
      email: 'coordinator@demo.example',
      password: DEMO_PASSWORD,
      width,
    });
    await visit(coord.page, '/network/voice/words');
    await noSidewaysScroll(coord.page, 'words desk');
    await shot(coord.page, 'voice-words');
    await visit(coord.page, '/network/voice/submissions/new');
    await coord.page.getByLabel('Title').fill(`A paper at ${width}`);
    await coord.page.getByRole('button', { name: 'Save this version' }).click();
    await expectAccessible(coord.page, 'paper');
    await noSidewaysScroll(coord.page, 'paper');
    await shot(coord.page, 'voice-paper');
  });
}
