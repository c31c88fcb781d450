// A bench server for the library: the whole platform with the demo, plus synthetic resources
// (10,000 by default) built from the demo library's words, on its own fresh database.
// Prints "SEEDED <ms>" and "READY <url>".
import { startDemoBenchServer } from './demo-server.ts';
import { DEMO_RESOURCES } from '../src/modules/learning/learning.demo-data.ts';
import { markdownToText } from '../src/modules/learning/domain/markdown.ts';

const count = Number(process.argv[2] ?? 10000);
const { server, ready } = await startDemoBenchServer('learning');
const db = server.database.db;
const started = Date.now();
const orgs = await db.selectFrom('organisations').select('id').where('status', '=', 'member').execute();
const places = ['Leeds', 'Hull', 'Bristol', 'Derby', 'Swansea', 'Carlisle', 'Luton', 'Bolton', 'Exeter', 'Wigan'];
let seed = 7;
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
for (let done = 0; done < count; done += 500) {
  const rows = Array.from({ length: Math.min(500, count - done) }, (_, i) => {
    const a = DEMO_RESOURCES[rand(DEMO_RESOURCES.length)]!;
    const b = DEMO_RESOURCES[rand(DEMO_RESOURCES.length)]!;
    const body = `${a.body}\n\n${b.body}\n\nWritten in ${places[rand(places.length)]}, version ${done + i}.`;
    return {
      org_id: orgs[rand(orgs.length)]!.id,
      kind: a.kind,
      language: 'en' as const,
      title: `${a.title} (${places[rand(places.length)]} ${done + i})`,
      summary: b.summary,
      body,
      body_text: markdownToText(body),
      chime: a.chime,
      topics: [...new Set([...a.topics, ...b.topics])],
      service_types: a.serviceTypes,
      tags_text: [...a.topics, ...b.topics].join(' '),
      visibility: rand(5) === 0 ? ('members' as const) : ('public' as const),
      status: 'published' as const,
      published_at: new Date(Date.now() - rand(1000) * 86400000),
    };
  });
  await db.insertInto('learning_resources').values(rows).execute();
}
await server.database.pool.query('analyze');
console.log(`SEEDED ${Date.now() - started}`);
ready();
