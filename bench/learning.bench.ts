// Library search under load, against the bare JSX route in the same run, with 10,000
// synthetic resources: a rotating set of queries (words, typos, phrases, exclusions, facets),
// with repeated questions (shared for 30 s, as the page does) and with every request new, so
// the whole search runs: full text, the trigram fallback for typos, ranking, headlines, facets.
import autocannon from 'autocannon';
import { engineLabel, load, saveResult, startServerProcess, table, type LoadResult } from './harness.ts';

const CONNECTIONS = 10;
const DURATION = 6;
const QUERIES = [
  'naloxone',
  'nalaxone trainng',
  'safeguarding policy',
  'safegaurding',
  '"recovery café" -hygiene',
  'volunteer expenses',
  'grant application',
  'constitution',
  'consitution',
  'walking group',
  'data protection',
  'families drinking',
  'DBS checks',
  'peer mentoring',
  'food hygeine',
  'insurance',
  'housing',
  'employment',
  'choir',
  'drug alerts',
];

async function loadPaths(label: string, base: string, pathFor: (n: number) => string): Promise<LoadResult> {
  let n = 0;
  type Requests = NonNullable<autocannon.Options['requests']>;
  const requests = [
    { method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: pathFor(n++) }) },
  ] as unknown as Requests;
  await autocannon({ url: base, connections: CONNECTIONS, duration: 2, requests });
  const r = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION, requests });
  return { label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

export async function runLearningBench(): Promise<string> {
  const engine = engineLabel();
  const bare = await startServerProcess('bench/servers.tsx', ['bare']);
  const app = await startServerProcess('bench/learning.server.ts', ['10000']);
  try {
    const baseline = await load('bare JSX route', `${bare.url}/`, { connections: CONNECTIONS, duration: DURATION });
    const q = (n: number) => encodeURIComponent(QUERIES[n % QUERIES.length]!);
    const results = [
      baseline,
      await loadPaths(
        'library search, 20 queries rotating (shared for 30 s)',
        app.url,
        (n) => `/learning/library?q=${q(n)}`,
      ),
      // A made-up word to leave out makes every request a new question: the whole search runs each time.
      await loadPaths(
        'library search, uncached (every request new)',
        app.url,
        (n) => `/learning/library?q=${q(n)}${encodeURIComponent(` -zq${n}x`)}`,
      ),
      await loadPaths(
        'library search, uncached, full-text matches only',
        app.url,
        (n) =>
          `/learning/library?q=${encodeURIComponent(['naloxone', 'safeguarding policy', 'grant application', 'volunteer expenses', 'walking group'][n % 5]!)}${encodeURIComponent(` -zq${n}x`)}`,
      ),
      await loadPaths(
        'library search with a topic filter',
        app.url,
        (n) => `/learning/library?q=${q(n)}&topic=volunteers`,
      ),
      await loadPaths(
        'library browse, no words (newest first)',
        app.url,
        (n) => `/learning/library?page=${1 + (n % 20)}`,
      ),
      await loadPaths('type-ahead suggestions', app.url, (n) => `/learning/library/suggest?q=${q(n).slice(0, 5)}`),
    ];
    const seeded = app.lines.find((l) => l.startsWith('SEEDED '));
    await saveResult(`learning-${engine}`, { engine, connections: CONNECTIONS, results });
    return `### Library search, 10,000 resources (${engine}, ${CONNECTIONS} connections${seeded ? `, seeded in ${Math.round(Number(seeded.slice(7)) / 1000)} s` : ''})\n\n${table(results, baseline)}\n`;
  } finally {
    await app.stop();
    await bare.stop();
  }
}

const isMain = process.argv[1]?.endsWith('learning.bench.ts');
if (isMain) console.log(await runLearningBench());
