// The platform's pages under load, against a bare Fastify route rendering a trivial JSX page
// in the same run: the anonymous home page (cached, aim ≥ 0.5 of bare) and a signed-in page
// (one query to load the session, aim ≥ 0.25 of bare on PostgreSQL).
import { engineLabel, load, saveResult, startServerProcess, table } from './harness.ts';

export async function runPlatformBench(): Promise<string> {
  const engine = engineLabel();
  const bare = await startServerProcess('bench/servers.tsx', ['bare']);
  const app = await startServerProcess('bench/servers.tsx', ['app']);
  try {
    const session = app.lines.find((l) => l.startsWith('SESSION '))!.slice(8);
    const cookie = { cookie: `rc_session=${session}` };
    const connections = 10;
    const baseline = await load('bare JSX route', `${bare.url}/`, { connections });
    const home = await load('home page, anonymous', `${app.url}/`, { connections });
    const account = await load('account page, signed in', `${app.url}/account`, { connections, headers: cookie });
    const workspace = await load('organisation workspace, signed in', `${app.url}/orgs/leeds-recovery-cafe`, {
      connections,
      headers: cookie,
    });
    const results = [baseline, home, account, workspace];
    const md = `### Platform pages (${engine}, ${connections} connections)\n\n${table(results, baseline)}\n`;
    await saveResult(`platform-${engine}`, { engine, connections, results });
    return md;
  } finally {
    await app.stop();
    await bare.stop();
  }
}
