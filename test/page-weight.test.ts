// The public pages stay light for a cheap phone on a slow connection: HTML, the style sheets and
// scripts it loads, all together under 60 KB (counted uncompressed, so the real transfer is
// smaller), and nothing fetched from anywhere but the site itself.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appModules } from '../src/app.ts';
import { seedDemo } from '../src/modules/demo/index.ts';
import { startTestApp, type TestApp } from './support/app.ts';

const BUDGET_BYTES = 60 * 1024;

let t: TestApp;
let profile = '';
before(async () => {
  t = await startTestApp();
  await seedDemo(t.database.db, appModules(t.database));
  const org = await t.database.db
    .selectFrom('organisations')
    .select('slug')
    .where('name', '=', 'Leeds Recovery Café')
    .executeTakeFirstOrThrow();
  profile = `/organisations/${org.slug}`;
});
after(() => t.close());

/** Every address the page makes the browser fetch by itself (not links a person follows). */
function loadedResources(html: string): string[] {
  const found: string[] = [];
  const tag = /<(link|script|img|iframe|source|video|audio|embed|object)\b([^>]*)>/gi;
  for (const [, name, attrs] of html.matchAll(tag)) {
    const attr = (a: string) => new RegExp(`\\b${a}\\s*=\\s*"([^"]*)"`, 'i').exec(attrs!)?.[1];
    if (name!.toLowerCase() === 'link') {
      const rel = (attr('rel') ?? '').toLowerCase();
      if (!/stylesheet|icon|preload|modulepreload|manifest/.test(rel)) continue;
      const href = attr('href');
      if (href) found.push(href);
      continue;
    }
    for (const a of ['src', 'data', 'srcset', 'poster']) {
      const v = attr(a);
      if (v) found.push(...v.split(',').map((s) => s.trim().split(/\s+/)[0]!));
    }
  }
  for (const [, url] of html.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) found.push(url!);
  return found.filter(Boolean);
}

const sameSite = (url: string) => url.startsWith('/') && !url.startsWith('//');

test('the resource finder sees what a browser would fetch, and not plain links', () => {
  const html =
    '<link rel="stylesheet" href="/assets/a.css"><a href="https://example.org">x</a>' +
    '<script src="https://cdn.example/x.js"></script><img src="/logo.png" srcset="/a.png 1x, //cdn.example/b.png 2x">' +
    '<div style="background:url(https://fonts.example/f.woff)"></div><link rel="canonical" href="https://x.example/">';
  assert.deepEqual(loadedResources(html), [
    '/assets/a.css',
    'https://cdn.example/x.js',
    '/logo.png',
    '/a.png',
    '//cdn.example/b.png',
    'https://fonts.example/f.woff',
  ]);
});

for (const [name, url] of [
  ['the home page', () => '/'],
  ['find support, before a search', () => '/find-support'],
  ['find support, with results', () => '/find-support?near=LS6'],
  ['a member profile', () => profile],
] as const) {
  test(`${name} weighs under 60 KB with its styles and scripts, all from the site itself`, async () => {
    const page = await t.app.inject({ method: 'GET', url: url() });
    assert.equal(page.statusCode, 200);
    const resources = [...new Set(loadedResources(page.body))];
    const outside = resources.filter((r) => !sameSite(r));
    assert.deepEqual(outside, [], 'no third-party requests');
    let bytes = Buffer.byteLength(page.body);
    const sizes: string[] = [`page ${bytes}`];
    for (const r of resources) {
      const res = await t.app.inject({ method: 'GET', url: r });
      assert.equal(res.statusCode, 200, `${r} loads`);
      const type = String(res.headers['content-type'] ?? '');
      // images are the organisation's own and optional; the budget is for what every visit costs
      if (/css|javascript/.test(type)) {
        bytes += res.rawPayload.length;
        sizes.push(`${r} ${res.rawPayload.length}`);
      }
    }
    assert.ok(bytes < BUDGET_BYTES, `${bytes} bytes: ${sizes.join(', ')}`);
    // the page says so too: its own CSP forbids fetching from elsewhere
    assert.match(String(page.headers['content-security-policy'] ?? ''), /default-src 'self'/);
  });
}
