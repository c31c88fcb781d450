// The first start a newcomer waits through: `npm start` (serve --demo) on an empty data folder
// until the demo answers its home page, then a restart on the same folder. The baseline, in the
// same run, is a process that only loads the app's code (node + tsx + every module) and exits,
// so the ratio shows what the database, migrations and the demo seed add on top.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './harness.ts';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** Milliseconds until the command exits. */
function timeToExit(args: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    child.once('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`exit ${code}`)),
    );
  });
}

/** Milliseconds until the demo's home page answers 200, then the server is stopped. */
async function timeToFirstAnswer(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve', '--demo'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
      const ok = await fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
  }
}

export async function runFirstStartBench(): Promise<string> {
  const loadOnly = await timeToExit(['--import', 'tsx', '-e', "await import('./src/app.ts')"]);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rc-first-start-'));
  try {
    const first = await timeToFirstAnswer(dataDir);
    const restart = await timeToFirstAnswer(dataDir);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    return [
      '| step | time | ratio to loading the code |',
      '| --- | --- | --- |',
      `| loading the app's code only (baseline) | ${s(loadOnly)} | 1 |`,
      `| first \`npm start\`, empty data folder, until the home page answers | ${s(first)} | ${(first / loadOnly).toFixed(1)} |`,
      `| restart on the same data folder | ${s(restart)} | ${(restart / loadOnly).toFixed(1)} |`,
    ].join('\n');
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
