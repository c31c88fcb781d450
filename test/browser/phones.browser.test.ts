// Pages that work on a phone (issue 9 item 14), at 320 and 375 px: no sideways scrolling of the
// page; a table wider than the screen scrolls inside a labelled, focusable region with its first
// column kept in view; chart text at least 12 px as drawn; the coverage map fits its box; the
// team table shows each person's role and Remove without scrolling.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/modules/demo/index.ts';
import { expectNoPageOverflow, newSession, visit, useBrowserSuite } from './support.ts';

const suite = useBrowserSuite();
const PHONES = [320, 375];

/** Every region that scrolls sideways is labelled, focusable, and keeps its first column in view. */
async function expectScrollingTablesLabelled(page: Page, label: string): Promise<void> {
  const problems = (await page.evaluate(`(() => {
    const out = [];
    for (const table of document.querySelectorAll('main table')) {
      let box = table.parentElement;
      while (box && box !== document.body && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
      if (!box || box === document.body || box.scrollWidth <= box.clientWidth + 1) continue;
      const name = (table.querySelector('caption') || {}).textContent || '(no caption)';
      if (box.getAttribute('role') !== 'region' || !box.getAttribute('aria-label') || box.getAttribute('tabindex') !== '0') out.push(name + ': scrolls without a labelled, focusable region');
      const first = table.querySelector('tbody tr > :first-child');
      if (first && getComputedStyle(first).position !== 'sticky') out.push(name + ': its first column scrolls away');
    }
    return out;
  })()`)) as string[];
  assert.deepEqual(problems, [], `tables on ${label}`);
}

/** Text in every chart is drawn at 12 px or more (font size times the SVG's scale). */
async function expectReadableCharts(page: Page, label: string): Promise<number> {
  const sizes = (await page.evaluate(`(() => Array.from(document.querySelectorAll('main svg.chart text')).map((t) => {
    const m = t.getScreenCTM();
    return [Math.round(parseFloat(getComputedStyle(t).fontSize) * (m ? Math.hypot(m.a, m.b) : 1) * 10) / 10, (t.textContent || '').slice(0, 30)];
  }))()`)) as [number, string][];
  const small = sizes.filter(([px]) => px < 12);
  assert.deepEqual(
    small.slice(0, 5),
    [],
    `chart text on ${label} is drawn smaller than 12px (${small.length} of ${sizes.length})`,
  );
  return sizes.length;
}

async function checkPage(page: Page, url: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 740 });
  await visit(page, url);
  const label = `${url} at ${width}px`;
  await expectNoPageOverflow(page, label, width);
  await expectScrollingTablesLabelled(page, label);
  await expectReadableCharts(page, label);
}

test('public pages fit a phone: the map fits its box, tables scroll in labelled regions', async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl, { width: 320 });
  for (const width of PHONES) {
    for (const url of ['/', '/find-support?postcode=LS6', '/our-network', '/impact', '/about/data'])
      await checkPage(page, url, width);
    await page.goto('/our-network');
    const fit = (await page.evaluate(`(() => {
      const svg = document.querySelector('svg.hexmap-svg');
      const box = svg.closest('figure').parentElement;
      return { map: Math.round(svg.getBoundingClientRect().width), box: box.clientWidth };
    })()`)) as { map: number; box: number };
    assert.ok(
      fit.map > 100 && fit.map <= fit.box,
      `the coverage map is ${fit.map}px wide in a ${fit.box}px box at ${width}px`,
    );
  }
  await context.close();
});

test('a lead on a phone: the team table shows each role and Remove, charts stay readable', async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl, {
    email: 'lead@demo.example',
    password: DEMO_PASSWORD,
    width: 320,
  });
  for (const width of PHONES) {
    for (const url of [
      '/orgs/leeds-recovery-cafe',
      '/orgs/leeds-recovery-cafe/insight',
      '/orgs/leeds-recovery-cafe/insight/pack',
      '/account',
    ])
      await checkPage(page, url, width);
    await page.goto('/orgs/leeds-recovery-cafe');
    const rows = page.locator('#team ~ .table-wrap tbody tr');
    assert.ok((await rows.count()) >= 2, 'the team has people in it');
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      for (const part of [row.locator('select'), row.getByRole('link', { name: /^Remove/ })]) {
        const box = await part.boundingBox();
        assert.ok(
          box && box.x >= 0 && box.x + box.width <= width,
          `row ${i + 1} of the team shows its role and Remove within ${width}px (at ${box?.x}..${box && box.x + box.width})`,
        );
      }
    }
  }
  await context.close();
});

test('a coordinator on a phone: network insight and its pack fit, charts stay readable', async () => {
  const { context, page } = await newSession(suite.browser, suite.baseUrl, {
    email: 'coordinator@demo.example',
    password: DEMO_PASSWORD,
    width: 320,
  });
  for (const width of PHONES) {
    for (const url of ['/network/insight', '/network/insight/pack', '/network/applications'])
      await checkPage(page, url, width);
    assert.ok(
      (await page.goto('/network/insight')) && (await expectReadableCharts(page, 'network insight')) > 20,
      'the network page has charts with text',
    );
  }
  await context.close();
});
