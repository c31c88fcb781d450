// Shared benchmark harness: start a server process, load it with autocannon, report.
// Every benchmark compares against a baseline measured in the same run, so the figure that
// matters is the ratio, which travels between machines better than raw numbers.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface LoadResult {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface ServerProcess {
  url: string;
  lines: string[];
  stop(): Promise<void>;
}

/** Runs a bench server script and waits for its READY line. */
export function startServerProcess(
  script: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        lines.push(line);
        if (line.startsWith('READY ')) {
          resolve({
            url: line.slice(6).trim(),
            lines,
            stop: () =>
              new Promise<void>((done) => {
                child.once('exit', () => done());
                child.kill('SIGTERM');
              }),
          });
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} ${args.join(' ')} exited ${code} before it was ready`)));
  });
}

export async function load(
  label: string,
  url: string,
  opts: { connections?: number; duration?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  // a short warm-up, then the measured run
  await autocannon({ url, connections: opts.connections ?? 10, duration: 2, headers: opts.headers });
  const r = await autocannon({
    url,
    connections: opts.connections ?? 10,
    duration: opts.duration ?? 8,
    headers: opts.headers,
  });
  return { label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

export function table(results: LoadResult[], baseline: LoadResult): string {
  const rows = results.map(
    (r) =>
      `| ${r.label} | ${Math.round(r.rps).toLocaleString('en-GB')} | ${r.p50} | ${r.p99} | ${(r.rps / baseline.rps).toFixed(2)} | ${r.errors + r.non2xx} |`,
  );
  return [
    '| what | req/s | p50 ms | p99 ms | ratio to bare | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

export async function saveResult(name: string, data: unknown): Promise<string> {
  const file = path.join(ROOT, 'bench', 'results', `${name}.json`);
  await writeFile(
    file,
    JSON.stringify({ at: new Date().toISOString(), node: process.version, ...(data as object) }, null, 2),
  );
  return file;
}

export function engineLabel(): 'postgres' | 'embedded' {
  return process.env.DATABASE_URL ? 'postgres' : 'embedded';
}
