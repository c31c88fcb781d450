// Two app instances on one PostgreSQL server behind nginx (Debian's package), as a network
// that has outgrown one server would run them. Real processes, real HTTP, real cookies:
// - a person signs in through one instance and is recognised by the other;
// - a revoked session and a changed role are refused on both within ACTOR_CACHE_MS;
// - a public page served from memory shows an edit on both within PUBLIC_CACHE_MS;
// - an upload made on one instance is checked and imported on the other.
// (Each scheduled job running once is proved in src/platform/jobs/job-queue.test.ts.)
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadProfileFormValues } from '../../src/modules/directory/edit/edit.service.ts';
import { multipart } from '../../src/modules/evidence/test/evidence-helpers.ts';
import { ACTOR_CACHE_MS } from '../../src/platform/auth/session.store.ts';
import { eventually } from '../../src/platform/jobs/test/probe-module.ts';
import { freshDatabase, testDatabaseUrl, type TestDatabase } from '../support/database.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const PASSWORD = 'demo-password-2026';
/** The directory's shared search cache (directory.routes.tsx): the documented bound for public pages. */
const PUBLIC_CACHE_MS = 30_000;
/** How long a signed-out session or a changed role may still work elsewhere, with a margin. */
const BOUND_SECONDS = (ACTOR_CACHE_MS + 2000) / 1000;
const MESSY = path.join(ROOT, 'src/modules/evidence/imports/engine/fixtures/messy-assessments.csv');

// CI installs nginx, so there a missing nginx is a failure, not a skip.
const skip = !testDatabaseUrl ? 'PostgreSQL only' : !NGINX && !process.env.CI ? 'nginx is not installed' : false;

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  server.close();
  await once(server, 'close');
  return port;
}

/** A browser stand-in over real HTTP: keeps cookies, remembers the last CSRF token, follows nothing. */
class Browser {
  readonly cookies = new Map<string, string>();
  csrf = '';
  constructor(private base: string) {}
  at(base: string): this {
    this.base = base;
    return this;
  }
  async request(url: string, init: RequestInit = {}) {
    const res = await fetch(this.base + url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    const body = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.csrf = token;
    return {
      status: res.status,
      body,
      location: res.headers.get('location') ?? '',
      upstream: res.headers.get('x-upstream') ?? '',
    };
  }
  get(url: string) {
    return this.request(url);
  }
  async post(url: string, fields: Record<string, string>) {
    if (!this.csrf) await this.get(this.cookies.has('rc_session') ? '/account' : '/sign-in');
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: this.csrf, ...fields }).toString(),
    });
  }
  async signIn(email: string) {
    const res = await this.post('/sign-in', { email, password: PASSWORD });
    assert.equal(res.status, 303, `sign-in as ${email}`);
    this.csrf = '';
  }
}

let database: TestDatabase;
let work: string;
const children: ChildProcess[] = [];
let instanceA = '';
let instanceB = '';
let proxy = '';

async function startInstance(port: number, publicUrl: string, dataDir: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url!,
      DATA_DIR: dataDir,
      PUBLIC_URL: publicUrl,
      SESSION_SECRET: 's'.repeat(48),
      TRUST_PROXY: 'loopback',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await eventually(
    `an instance on port ${port} starts`,
    async () => {
      if (child.exitCode !== null) throw new Error(`The instance stopped:\n${out}`);
      return out.includes('is running at');
    },
    90,
  );
  return `http://127.0.0.1:${port}`;
}

before(async () => {
  if (skip) return;
  database = await freshDatabase();
  work = await mkdtemp(path.join(os.tmpdir(), 'rc-nginx-'));
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'seed', 'demo'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url!, DATA_DIR: path.join(work, 'seed'), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  assert.equal(seeded.status, 0, seeded.stderr);
  const [portA, portB, portProxy] = [await freePort(), await freePort(), await freePort()];
  proxy = `http://127.0.0.1:${portProxy}`;
  // One after the other: two instances migrating an empty schema at once is not what this tests.
  instanceA = await startInstance(portA, proxy, path.join(work, 'a'));
  instanceB = await startInstance(portB, proxy, path.join(work, 'b'));
  // nginx as root drops to an unprivileged worker, which must reach its own temporary files.
  await chmod(work, 0o755);
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) await mkdir(path.join(work, d), { recursive: true });
  const conf = path.join(work, 'nginx.conf');
  await writeFile(
    conf,
    `worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
daemon off;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  client_max_body_size 60m;
  upstream connectors { server 127.0.0.1:${portA}; server 127.0.0.1:${portB}; }
  server {
    listen 127.0.0.1:${portProxy};
    location / {
      proxy_pass http://connectors;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`,
  );
  const nginx = spawn(NGINX!, ['-p', work, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(nginx);
  await eventually(
    'nginx answers',
    async () => {
      if (nginx.exitCode !== null)
        throw new Error(`nginx stopped: ${await readFile(path.join(work, 'error.log'), 'utf8').catch(() => '')}`);
      return fetch(`${proxy}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    20,
  );
});

after(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? once(c, 'exit') : undefined)));
  if (database) await database.close();
  if (work) await rm(work, { recursive: true, force: true });
});

test(
  'nginx shares the requests between both instances, and a person signed in on one is known on the other',
  { skip },
  async () => {
    const viaProxy = new Browser(proxy);
    await viaProxy.signIn('lead@demo.example');
    const upstreams = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const page = await viaProxy.get('/account');
      assert.equal(page.status, 200, 'recognised whichever instance answers');
      assert.match(page.body, /lead@demo\.example/);
      upstreams.add(page.upstream);
    }
    assert.equal(upstreams.size, 2, `both instances answered: ${[...upstreams].join(', ')}`);

    const person = new Browser(instanceA);
    await person.signIn('worker@demo.example');
    const onB = await person.at(instanceB).get('/account');
    assert.equal(onB.status, 200);
    assert.match(onB.body, /worker@demo\.example/);
  },
);

test('a session signed out on one instance is refused on the other within the documented bound', { skip }, async () => {
  const person = new Browser(instanceA);
  await person.signIn('volunteer@demo.example');
  const token = person.cookies.get('rc_session')!;
  assert.equal((await person.at(instanceB).get('/account')).status, 200, 'instance B has seen (and remembers) it');
  const stale = new Browser(instanceB);
  stale.cookies.set('rc_session', token);
  assert.equal((await person.at(instanceA).post('/sign-out', {})).status, 303);
  const started = Date.now();
  let refused: Awaited<ReturnType<Browser['get']>> | undefined;
  await eventually(
    'instance B refuses the signed-out session',
    async () => (refused = await stale.get('/account')).status !== 200,
    BOUND_SECONDS,
  );
  assert.equal(refused!.status, 303);
  assert.match(refused!.location, /\/sign-in/);
  assert.ok(Date.now() - started <= ACTOR_CACHE_MS + 2000);
});

test('a changed role is refused on both instances within the documented bound', { skip }, async () => {
  const lead = new Browser(instanceA);
  await lead.signIn('lead@demo.example');
  const org = await database.db
    .selectFrom('organisations')
    .innerJoin('memberships', 'memberships.org_id', 'organisations.id')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .select(['organisations.id', 'organisations.slug', 'people.id as person_id'])
    .where('people.email', '=', 'lead@demo.example')
    .where('memberships.role', '=', 'lead')
    .executeTakeFirstOrThrow();
  const profile = `/orgs/${org.slug}/profile`;
  assert.equal((await lead.at(instanceA).get(profile)).status, 200);
  assert.equal((await lead.at(instanceB).get(profile)).status, 200);
  try {
    // a coordinator's change made elsewhere: only the database knows, neither instance is told
    await database.db
      .updateTable('memberships')
      .set({ role: 'worker' })
      .where('person_id', '=', org.person_id)
      .where('org_id', '=', org.id)
      .execute();
    for (const base of [instanceA, instanceB])
      await eventually(
        `the lead's page is refused on ${base}`,
        async () => (await lead.at(base).get(profile)).status !== 200,
        BOUND_SECONDS,
      );
  } finally {
    await database.db
      .updateTable('memberships')
      .set({ role: 'lead' })
      .where('person_id', '=', org.person_id)
      .where('org_id', '=', org.id)
      .execute();
  }
});

test(
  'a public page served from memory shows an edit on both instances within the documented bound',
  { skip },
  async () => {
    const search = '/find-support?near=LS6';
    const anonymousA = new Browser(instanceA);
    const anonymousB = new Browser(instanceB);
    const org = await database.db
      .selectFrom('organisations')
      .select(['id', 'slug', 'name'])
      .where('name', '=', 'Leeds Recovery Café')
      .executeTakeFirstOrThrow();
    for (const b of [anonymousA, anonymousB]) assert.match((await b.get(search)).body, /Leeds Recovery Café/);
    const lead = new Browser(instanceA);
    await lead.signIn('lead@demo.example');
    await lead.get(`/orgs/${org.slug}/profile`);
    const values = await loadProfileFormValues(database.db, org.id);
    const saved = await lead.post(`/orgs/${org.slug}/profile`, { ...values, name: 'Leeds Recovery Café and Garden' });
    assert.equal(saved.status, 303, saved.body.slice(0, 500));
    for (const b of [anonymousB, anonymousA])
      await eventually(
        'the new name shows in search',
        async () => (await b.get(search)).body.includes('Leeds Recovery Café and Garden'),
        (PUBLIC_CACHE_MS + 5000) / 1000,
      );
  },
);

test('a file uploaded on one instance is checked and imported on the other', { skip }, async () => {
  const worker = new Browser(instanceA);
  await worker.signIn('worker@demo.example');
  const org = await database.db
    .selectFrom('organisations')
    .select('slug')
    .where('name', 'like', 'Leeds Recovery Café%')
    .executeTakeFirstOrThrow();
  const page = await worker.get(`/orgs/${org.slug}/imports`);
  assert.equal(page.status, 200);
  const body = multipart(
    { target: 'assessments' },
    { field: 'file', name: 'messy.csv', type: 'text/csv', content: await readFile(MESSY) },
  );
  const uploaded = await worker.request(`/orgs/${org.slug}/imports?_csrf=${encodeURIComponent(worker.csrf)}`, {
    method: 'POST',
    headers: { 'content-type': body.contentType },
    body: body.payload,
  });
  assert.equal(uploaded.status, 303, uploaded.body.slice(0, 500));
  const runUrl = new URL(uploaded.location, instanceA).pathname;
  const mapping = await worker.at(instanceB).get(runUrl);
  assert.equal(mapping.status, 200, 'instance B reads the upload instance A received');
  assert.match(mapping.body, /<td>HS-001<\/td>/);
  const fields: Record<string, string> = {};
  for (const m of mapping.body.matchAll(/name="(map_[a-z0-9_]+)"[^]*?<option value="([^"]*)" selected>/g))
    fields[m[1]!] = m[2]!.replace(/&amp;/g, '&');
  const checked = await worker.post(`${runUrl}/check`, fields);
  assert.equal(checked.status, 200, checked.body.slice(0, 500));
  assert.match(checked.body, /rows are fine/);
  const done = await worker.at(instanceA).post(`${runUrl}/commit`, { mode: 'skip_invalid' });
  assert.ok([200, 400].includes(done.status), `the import finishes on instance A: ${done.status}`);
  assert.match(done.body, /questionnaires? added|nothing was added|0 questionnaires/i);
});
