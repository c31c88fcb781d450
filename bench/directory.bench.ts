// Directory search under load, against the bare JSX route in the same run: the JSON API and
// the find-support page, on the demo network and on a synthetic network of 2,000
// organisations and 10,000 services, at 50 connections. Aim: the API at ≥ 0.2 of bare on
// PostgreSQL with p99 under 50 ms. Two kinds of load:
//  - "rotating": 200 postcode districts in turn (what a busy public search sees; results are
//    shared for 30 s, so this is mostly the cache);
//  - "uncached": every request a different radius, so every one runs the search in the database.
import autocannon from 'autocannon';
import { engineLabel, load, saveResult, startServerProcess, table, type LoadResult } from './harness.ts';
import { loadGeoData } from '../src/modules/directory/domain/geo.data.ts';

const CONNECTIONS = 50;
const DURATION = 8;

function districts(): string[] {
  const all = [...loadGeoData().outcodes.values()].filter((o) => o.country === 'England');
  return Array.from({ length: 200 }, (_, i) => all[(i * 13) % all.length]!.outcode);
}

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

export async function runDirectoryBench(): Promise<string> {
  const engine = engineLabel();
  const near = districts();
  const sections: string[] = [];
  const all: Record<string, LoadResult[]> = {};
  for (const network of ['demo', 'synthetic'] as const) {
    const bare = await startServerProcess('bench/servers.tsx', ['bare']);
    const app = await startServerProcess('bench/directory.server.ts', [network]);
    try {
      const baseline = await load('bare JSX route', `${bare.url}/`, { connections: CONNECTIONS, duration: DURATION });
      const results = [
        baseline,
        await loadPaths(
          'API, 200 districts rotating',
          app.url,
          (n) => `/api/v1/directory?near=${near[n % near.length]}`,
        ),
        await loadPaths(
          'API, uncached (every request a new query)',
          app.url,
          (n) => `/api/v1/directory?near=${near[n % near.length]}&radius_km=${(20 + (n % 100000) / 10000).toFixed(4)}`,
        ),
        await loadPaths(
          'find-support page, 200 districts rotating',
          app.url,
          (n) => `/find-support?near=${near[n % near.length]}`,
        ),
        await loadPaths(
          'find-support page, uncached',
          app.url,
          (n) => `/find-support?near=${near[n % near.length]}&radius_km=${(20 + (n % 100000) / 10000).toFixed(4)}`,
        ),
      ];
      all[network] = results;
      const seeded = app.lines.find((l) => l.startsWith('SEEDED '));
      const what =
        network === 'demo'
          ? 'demo network (46 organisations, ~85 services)'
          : `synthetic network (+2,000 organisations, 10,000 services${seeded ? `, seeded in ${Math.round(Number(seeded.slice(7)) / 1000)} s` : ''})`;
      sections.push(
        `### Directory search, ${what} (${engine}, ${CONNECTIONS} connections)\n\n${table(results, baseline)}\n`,
      );
    } finally {
      await app.stop();
      await bare.stop();
    }
  }
  await saveResult(`directory-${engine}`, { engine, connections: CONNECTIONS, results: all });
  return sections.join('\n');
}

const isMain = process.argv[1]?.endsWith('directory.bench.ts');
if (isMain) console.log(await runDirectoryBench());
