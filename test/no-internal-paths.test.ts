// No text served to a user names a repository file or folder (".md", "docs/", "src/"): every page
// each role can reach, found from the route table and by following links, is read as text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appModules } from '../src/app.ts';
import { seedDemo } from '../src/modules/demo/index.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.data.ts';
import { Client, startTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ demo: true });
  await seedDemo(t.database.db, appModules(t.database));
});
after(() => t.close());

const INTERNAL = [/\.md\b/i, /\bdocs\//i, /\bsrc\//i, /\bOUTCOMES\b/, /\bUNCONFIRMED\b/];
const MAX_PAGES = 250;
const SKIP = /^\/(sign-out|dev\/outbox)|\.pdf(\?|$)|:token/;

/** What a person reads: tags and web addresses taken out (a published URL may contain "docs/"). */
function readable(body: string, type: string): string {
  const text = type.includes('html')
    ? body.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, ' ')
    : body;
  return text.replace(/https?:\/\/[^\s"'<>,)]+/g, ' ');
}

async function crawl(c: Client, start: string[]): Promise<{ pages: number; problems: string[] }> {
  const queue = [...new Set(start)];
  const seen = new Set(queue);
  const problems: string[] = [];
  let pages = 0;
  while (queue.length > 0 && pages < MAX_PAGES) {
    const url = queue.shift()!;
    const res = await c.get(url);
    pages++;
    const type = String(res.headers['content-type'] ?? '');
    if (!/html|csv|json|text/.test(type)) continue;
    const text = readable(res.body, type);
    for (const pattern of INTERNAL) {
      const m = pattern.exec(text);
      if (m) problems.push(`${url}: “…${text.slice(Math.max(0, m.index - 60), m.index + 20).replace(/\s+/g, ' ')}…”`);
    }
    if (!type.includes('html')) continue;
    for (const [, href] of res.body.matchAll(/href="(\/[^"#]*)/g)) {
      const path = href!.replace(/&amp;/g, '&');
      if (!seen.has(path) && !SKIP.test(path)) {
        seen.add(path);
        queue.push(path);
      }
    }
  }
  return { pages, problems };
}

const ROLES = [
  'anonymous',
  'lead@demo.example',
  'worker@demo.example',
  'volunteer@demo.example',
  'researcher@demo.example',
  'coordinator@demo.example',
  'admin@demo.example',
];

for (const who of ROLES) {
  test(`no page ${who} can open names a repository file or folder`, async () => {
    const c = new Client(t.app);
    if (who !== 'anonymous') await c.signIn(who, DEMO_PASSWORD);
    const fromRoutes = t.app.routeTable
      .filter((r) => r.method === 'GET' && !/:(?!org\b)[a-zA-Z]+/.test(r.url) && !SKIP.test(r.url))
      .map((r) => r.url.replace(':org', 'leeds-recovery-cafe'));
    const { pages, problems } = await crawl(c, ['/', ...fromRoutes]);
    assert.ok(pages > 20, `crawled ${pages} pages`);
    assert.deepEqual(problems, []);
  });
}
