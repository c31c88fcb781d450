// Search quality on the demo library: each query (typos, plurals, phrases, exclusions, Welsh,
// accents) must find its resource in the top three for at least 90% of queries. The figure
// is printed; the set is kept here so a change to ranking that loses quality fails.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildOrg } from '../../../../test/support/factories.ts';
import { freshDatabase, type TestDatabase } from '../../../../test/support/database.ts';
import { parseSearchQuery } from '../domain/search-query.ts';
import { insertDemoLibrary } from '../learning.seed.ts';
import { searchResources } from './library.repository.ts';

const QUERIES: [query: string, expected: string, kind: string][] = [
  ['nalaxone trainng', 'naloxone', 'typos'],
  ['naloxone', 'naloxone', 'word'],
  ['overdoses', 'naloxone', 'plural'],
  ['constitution', 'constitution', 'word'],
  ['model constitutions', 'constitution', 'plural'],
  ['consitution', 'constitution', 'typo'],
  ['safeguarding policy', 'safeguarding-policy', 'words'],
  ['safegaurding polcy', 'safeguarding-policy', 'typos'],
  ['DBS checks convictions', 'dbs', 'words'],
  ['criminal record volunteers', 'dbs', 'words'],
  ['data protection', 'data-protection', 'phrase-ish'],
  ['"privacy notice"', 'privacy-notice', 'phrase'],
  ['ICO fee', 'data-protection', 'words'],
  ['volunteer induction', 'volunteer-handbook', 'words'],
  ['volunteer expenses', 'volunteer-expenses', 'words'],
  ['recovery cafe', 'recovery-cafe', 'accent'],
  ['"recovery café" -hospital', 'recovery-cafe', 'phrase+exclusion'],
  ['food hygeine', 'food-hygiene', 'typo'],
  ['walking group', 'walking-group', 'words'],
  ['mutual aid meetings', 'mutual-aid', 'plural'],
  ['families drinking', 'family-support', 'words'],
  ['kinship carers', 'kinship', 'words'],
  ['recovery housing', 'housing', 'words'],
  ['employment CV interview', 'employment', 'words'],
  ['grant application', 'grant-writing', 'words'],
  ['awards for all lottery', 'lottery', 'words'],
  ['cash book', 'budget', 'phrase-ish'],
  ['peer mentoring evaluation', 'evaluation', 'words'],
  ['social return on investment', 'social-value', 'words'],
  ['lone working', 'lone-working', 'words'],
  ['public liability insurance', 'insurance', 'words'],
  ['trustees lived experience', 'trustees', 'words'],
  ['commissioners', 'commissioners', 'word'],
  ['online meetings zoom -football', 'online-meetings', 'exclusion'],
  ['needle exchange', 'harm-reduction-kits', 'words'],
  ['drug alerts', 'drug-alerts', 'words'],
  ['grwp cerdded', 'welsh-walk', 'welsh, no accent'],
  ['Grŵp cerdded adferiad', 'welsh-walk', 'welsh'],
  ['breakfast club', 'breakfast-club', 'story'],
  ['prison release', 'prison-gate', 'story'],
  ['choir', 'choir', 'story'],
  ['footbal leage', 'football', 'typos'],
];

let d: TestDatabase;
let ids: Map<string, string>;
before(async () => {
  d = await freshDatabase();
  const a = await buildOrg(d.db, { name: 'Alpha' });
  const b = await buildOrg(d.db, { name: 'Beta' });
  ids = await insertDemoLibrary(d.db, [a.id, b.id]);
  // the last story waits for review in the demo; publish it here so all can be searched
  await d.db.updateTable('learning_resources').set({ status: 'published' }).execute();
});
after(() => d.close());

test(`search quality: the expected resource is in the top three for at least 90% of ${QUERIES.length} queries`, async () => {
  assert.ok(QUERIES.length >= 30);
  const misses: string[] = [];
  for (const [q, key] of QUERIES) {
    const parsed = parseSearchQuery(q);
    const { hits } = await searchResources(d.db, {
      q,
      loose: parsed.loose,
      excluded: parsed.excluded,
      filters: {},
      member: true,
      limit: 3,
      offset: 0,
    });
    if (!hits.some((h) => h.id === ids.get(key)))
      misses.push(`${q} → wanted ${key}, got ${hits.map((h) => h.title).join(' | ') || 'nothing'}`);
  }
  const share = (QUERIES.length - misses.length) / QUERIES.length;
  console.log(
    `search quality: ${QUERIES.length - misses.length}/${QUERIES.length} = ${(share * 100).toFixed(1)}% in the top three`,
  );
  for (const m of misses) console.log(`  miss: ${m}`);
  assert.ok(share >= 0.9, misses.join('\n'));
});

test('exclusions really exclude', async () => {
  const q = 'naloxone -overdose';
  const parsed = parseSearchQuery(q);
  const { hits } = await searchResources(d.db, {
    q,
    loose: parsed.loose,
    excluded: parsed.excluded,
    filters: {},
    member: true,
    limit: 20,
    offset: 0,
  });
  assert.ok(!hits.some((h) => h.id === ids.get('naloxone')));
});
