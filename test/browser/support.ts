// Browser tests: the real server (demo data) and Debian's Chromium driven by playwright-core,
// with axe-core run on every page a test visits. No serious or critical violation passes.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/platform/config.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { freshDatabase } from '../support/database.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface BrowserServer {
  server: RunningServer;
  baseUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

/** The whole platform as `npm start` runs it (demo data), on a free port. */
export async function startBrowserServer(): Promise<BrowserServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rc-browser-'));
  const env: Record<string, string> = { DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' };
  let dropDatabase = async () => {};
  if (process.env.TEST_DATABASE_URL) {
    const db = await freshDatabase(); // an empty, migrated database of its own
    env.DATABASE_URL = db.url!;
    const close = db.close.bind(db);
    await db.pool.end(); // hand the database to the server; drop it afterwards
    dropDatabase = close;
  }
  const server = await startServer(loadConfig(env, { demo: true }), () => {});
  // PUBLIC_URL must match the port the server got, for links in emails.
  const baseUrl = server.url;
  return {
    server,
    baseUrl,
    dataDir,
    async close() {
      await server.close();
      await dropDatabase().catch(() => {});
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  assert.ok(
    existsSync(CHROMIUM),
    `Chromium is needed for the browser tests: apt-get install chromium (looked for ${CHROMIUM})`,
  );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The narrowest phone the pages are built for (issue 9 item 14). */
export const NARROWEST_PHONE = 320;

// Run in the page as a string, not a function: the test runner's compiler adds helpers
// (__name) to functions that the page does not have.
const OVERFLOW_PROBE = `(() => {
  const root = document.documentElement;
  const limit = root.clientWidth;
  if (root.scrollWidth <= limit) return null;
  // Inside a box that scrolls or clips, sticking out is that box's business, not the page's.
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body && a !== root; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const describe = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      const cls = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/ +/).join('.') : '';
      parts.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + cls);
    }
    return parts.join(' > ');
  };
  let worst = null;
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || clipped(el)) continue;
    // Text can stick out of a box that fits (a long link in a list), so count what it holds too.
    const right = getComputedStyle(el).overflowX === 'visible' ? Math.max(r.right, r.left + el.scrollWidth) : r.right;
    if (right <= limit + 0.5) continue;
    let depth = 0;
    for (let a = el.parentElement; a; a = a.parentElement) depth++;
    // The one reaching furthest; of those, the innermost, which is usually the cause.
    if (!worst || right > worst.right + 0.5 || (Math.abs(right - worst.right) <= 0.5 && depth > worst.depth)) worst = { el, right, depth };
  }
  const text = worst ? (worst.el.textContent || '').trim().slice(0, 40) : '';
  return {
    scrollWidth: root.scrollWidth,
    clientWidth: limit,
    culprit: worst ? describe(worst.el) + (text ? ' "' + text + '"' : '') + ' (reaches ' + Math.round(worst.right) + 'px)' : 'no single element found',
  };
})()`;

/**
 * Lays the page out at 320 px (or the width given) and fails if the page itself scrolls sideways, naming the widest
 * element that sticks out (elements inside a scrolling or clipping box don't count: a table
 * that scrolls in its own region is fine). The viewport is put back afterwards.
 */
export async function expectNoPageOverflow(page: Page, label = page.url(), width = NARROWEST_PHONE): Promise<void> {
  const before = page.viewportSize();
  if (before?.width !== width) await page.setViewportSize({ width, height: before?.height ?? 800 });
  try {
    const found = (await page.evaluate(OVERFLOW_PROBE)) as {
      scrollWidth: number;
      clientWidth: number;
      culprit: string;
    } | null;
    assert.equal(
      found,
      null,
      found
        ? `${label} scrolls sideways at ${width}px: the page is ${found.scrollWidth}px wide in a ${found.clientWidth}px window; widest: ${found.culprit}`
        : '',
    );
  } finally {
    if (before && before.width !== width) await page.setViewportSize(before);
  }
}

/**
 * Runs axe-core on the page as it is now; fails on serious or critical violations. Also checks
 * the page fits a 320 px phone without sideways scrolling, so every page a test visits is.
 */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  await expectNoPageOverflow(page, label);
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = (await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return r.violations;
  })) as AxeViolation[];
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `accessibility problems on ${label}`,
  );
}

/** Goes to a page, checks it loaded, and runs axe on it. */
export async function visit(page: Page, url: string, expectStatus = 200): Promise<void> {
  const res = await page.goto(url);
  assert.equal(res?.status(), expectStatus, `${url} answered ${res?.status()}`);
  await expectAccessible(page, url);
}

/** A fresh context (cookies), optionally signed in through the real sign-in form. */
export async function newSession(
  browser: Browser,
  baseUrl: string,
  opts: { email?: string; password?: string; width?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP only so the test can inject axe-core; the pages' own policy forbids inline scripts.
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: opts.width ?? 1024, height: 800 },
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened on ${page.url()}: ${d.message()}`);
  });
  if (opts.email) {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(opts.email);
    await page.getByLabel('Password').fill(opts.password!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  }
  return { context, page };
}

/**
 * One server and one browser for a test file: started before its tests, closed after.
 * Read `suite.server` and `suite.browser` inside tests (they are set by then).
 */
export function useBrowserSuite(): { server: BrowserServer; browser: Browser; baseUrl: string } {
  const suite = {} as { server: BrowserServer; browser: Browser; baseUrl: string };
  before(async () => {
    suite.server = await startBrowserServer();
    suite.baseUrl = suite.server.baseUrl;
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
