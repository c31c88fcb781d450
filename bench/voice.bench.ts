// Posting votes against the bare JSX route in the same run, on the demo's open consultation:
// each vote is a new anonymous participant (no participant cookie yet, so one is made), from
// its own address as behind a proxy (the server trusts loopback's X-Forwarded-For, so the
// per-address limit sees a population), with the page's CSRF token as a browser would. A vote
// is a participant row, the vote row, the per-address count and the analysis job queued once
// per consultation, all in one transaction; 303 back to the page is its success answer.
// The analysis itself is timed in voice-analysis.ts.
import autocannon from 'autocannon';
import { engineLabel, load, saveResult, startServerProcess, table, type LoadResult } from './harness.ts';

const DURATION = 8;

async function votingForm(base: string): Promise<{ path: string; cookie: string; csrf: string; statement: string }> {
  const hub = await (await fetch(`${base}/voice`)).text();
  const path = /href="(\/voice\/consultations\/[0-9a-f-]{36})"/.exec(hub)?.[1];
  if (!path) throw new Error('no open consultation on /voice');
  const res = await fetch(`${base}${path}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const page = await res.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  const statement = /name="statement" value="([0-9a-f-]{36})"/.exec(page)?.[1];
  if (!csrf || !statement) throw new Error('no voting form on the consultation page');
  return { path, cookie, csrf, statement };
}

async function loadVotes(label: string, base: string, connections: number): Promise<LoadResult & { votes: number }> {
  const form = await votingForm(base);
  let n = 0;
  type Requests = NonNullable<autocannon.Options['requests']>;
  const choices = ['agree', 'disagree', 'pass'];
  const requests = [
    {
      method: 'POST',
      path: `${form.path}/votes`,
      setupRequest: (req: Record<string, unknown>) => {
        const i = n++;
        const body = new URLSearchParams({ _csrf: form.csrf, statement: form.statement, choice: choices[i % 3]! });
        return {
          ...req,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: form.cookie,
            'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          },
          body: body.toString(),
        };
      },
    },
  ] as unknown as Requests;
  await autocannon({ url: base, connections, duration: 2, requests });
  const r = await autocannon({ url: base, connections, duration: DURATION, requests });
  return {
    label,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r['4xx'] + r['5xx'],
    non2xx: 0,
    votes: r['3xx'],
  };
}

export async function runVoiceBench(): Promise<string> {
  const engine = engineLabel();
  const bare = await startServerProcess('bench/servers.tsx', ['bare']);
  const app = await startServerProcess('bench/voice.server.ts', [], { TRUST_PROXY: 'loopback' });
  try {
    const baseline = await load('bare JSX route', `${bare.url}/`, { connections: 50, duration: DURATION });
    const v10 = await loadVotes('posting a vote, 10 connections', app.url, 10);
    const v50 = await loadVotes('posting a vote, 50 connections', app.url, 50);
    const results = [baseline, v10, v50];
    const votes = v10.votes + v50.votes;
    await saveResult(`voice-${engine}`, { engine, results, votes });
    return `### Voting (${engine})\n\n${table(results, baseline)}\n\nVotes answered 303 (success): ${votes.toLocaleString('en-GB')}.\n`;
  } finally {
    await app.stop();
    await bare.stop();
  }
}

const isMain = process.argv[1]?.endsWith('voice.bench.ts');
if (isMain) console.log(await runVoiceBench());
