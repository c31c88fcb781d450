// Load: a mixed workload like the network's real traffic, against the bare JSX route measured
// in the same run at the same concurrency (200 connections, 60 s; LOAD_SECONDS for a quick try).
//
// The platform runs as in production, in its own process: `node --import tsx src/cli.ts serve
// --demo` on a fresh database (a new database on the DATABASE_URL server, dropped at the end, or
// the embedded engine in a new data folder), NODE_ENV=production, behind a "proxy"
// (TRUST_PROXY=loopback, every simulated visitor sending its own X-Forwarded-For address, so the
// per-address limits on sign-in and votes see a population of people, not one).
//
// Every connection is a browser with its own cookies, making visits of twenty actions; each new
// visit's kind comes from one rotation (so the shares hold by request, whatever the latency):
//  - 3 in 10 are signed in (sessions made through the real sign-in form: the demo's lead, worker
//    and coordinator on several devices each, and forty more demo people) and move through the
//    pages of their work (their workspace, evidence, participants, the network pages, account);
//  - 1 in 10 is an API client: /api/v1/directory with rotating postcode districts and words;
//  - the rest browse anonymously: home, find support (rotating postcode districts and town
//    names), members' profiles, the events list and an event, the library list and a resource,
//    and now and then post a form as a browser would: book an event (the event page for its
//    CSRF token and cookie, the POST with a new person's email, then the booking page the 303
//    points at) or vote in the open consultation (the page, the POST with its token, the 303
//    back). Each anonymous visit has new cookies and a new address.
// Reported: req/s, p50/p99, errors and the answers that were not 2xx/3xx, by route, and the
// ratio to bare. `LOAD_CPU_PROF=<dir>` runs the server with `node --cpu-prof` (profile written
// there when it stops); `LOAD_ENGINES=postgres,embedded` runs both (postgres needs DATABASE_URL);
// `LOAD_EXPLAIN_MS=50` logs, on PostgreSQL, each statement slower than that with its plan
// (auto_explain, ANALYZE and BUFFERS) to the server's log.
import { createFreshDatabase } from './fresh-database.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT, saveResult, startServerProcess } from './harness.ts';
import { DEMO_PASSWORD, demoOrganisations, demoPeople } from '../src/modules/demo/demo.data.ts';
import { loadGeoData } from '../src/modules/directory/domain/geo.data.ts';

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const DURATION = Number(process.env.LOAD_SECONDS ?? 60);
const WARMUP = Math.min(10, Math.max(2, Math.round(DURATION / 6)));

type Engine = 'postgres' | 'embedded';

// ---------------------------------------------------------------- the server, as in production

interface App {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function startApp(engine: Engine): Promise<App> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rc-bench-load-'));
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'loopback',
    DATABASE_URL: undefined,
  };
  let drop = async () => {};
  if (engine === 'postgres') {
    const server = process.env.DATABASE_URL;
    if (!server) throw new Error('The PostgreSQL run needs DATABASE_URL (a server where it may create a database).');
    const explainMs = process.env.LOAD_EXPLAIN_MS;
    // investigating: every statement slower than this goes to the server's log with its plan
    const explain: Record<string, string> = explainMs
      ? {
          session_preload_libraries: 'auto_explain',
          'auto_explain.log_min_duration': `${Number(explainMs)}ms`,
          'auto_explain.log_analyze': 'on',
          'auto_explain.log_buffers': 'on',
          log_min_duration_statement: `${Number(explainMs)}ms`,
        }
      : {};
    const fresh = await createFreshDatabase(server, 'load', explain);
    env.DATABASE_URL = fresh.url;
    drop = fresh.drop;
  }
  const prof = process.env.LOAD_CPU_PROF;
  const nodeArgs = prof ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(prof)}`] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', path.join(ROOT, 'src/cli.ts'), 'serve', '--demo'],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /is running at (\S+)/.exec(buf);
      if (m) resolve(m[1]!.replace(/\.$/, ''));
      if (buf.length > 100_000) buf = buf.slice(-10_000);
    });
    child.once('exit', (code) => reject(new Error(`the server exited ${code} before it was ready`)));
  });
  return {
    url,
    stop: async () => {
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
      await drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- a browser's cookies

class Jar {
  private cookies = new Map<string, { value: string; path: string }>();
  constructor(readonly address: string) {}
  header(forPath: string): string {
    const out: string[] = [];
    for (const [k, c] of this.cookies) if (forPath.startsWith(c.path)) out.push(`${k}=${c.value}`);
    return out.join('; ');
  }
  take(headers: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(headers)) {
      if (k.toLowerCase() !== 'set-cookie') continue;
      for (const line of Array.isArray(v) ? (v as string[]) : [String(v)]) {
        const [pair, ...attrs] = line.split(';');
        const eq = pair!.indexOf('=');
        const name = pair!.slice(0, eq).trim();
        const value = pair!.slice(eq + 1).trim();
        const p = attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('path='));
        const gone =
          value === '' ||
          attrs.some((a) => /^max-age=0$/i.test(a.trim())) ||
          attrs.some((a) => /^expires=thu, 01 jan 1970/i.test(a.trim()));
        if (gone) this.cookies.delete(name);
        else this.cookies.set(name, { value, path: p ? p.slice(5) : '/' });
      }
    }
  }
  headers(forPath: string, extra: Record<string, string> = {}): Record<string, string> {
    const cookie = this.header(forPath);
    return {
      'x-forwarded-for': this.address,
      'user-agent': 'rc-bench-load',
      accept: 'text/html',
      ...(cookie ? { cookie } : {}),
      ...extra,
    };
  }
}

let addressSeq = 0;
const newAddress = () => {
  const n = ++addressSeq;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

async function get(base: string, jar: Jar, p: string): Promise<{ status: number; text: string; location?: string }> {
  const res = await fetch(base + p, { headers: jar.headers(p), redirect: 'manual' });
  jar.take({ 'set-cookie': res.headers.getSetCookie() });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') ?? undefined };
}

async function post(
  base: string,
  jar: Jar,
  p: string,
  form: Record<string, string>,
): Promise<{ status: number; text: string; location?: string }> {
  const res = await fetch(base + p, {
    method: 'POST',
    headers: jar.headers(p, { 'content-type': 'application/x-www-form-urlencoded' }),
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
  jar.take({ 'set-cookie': res.headers.getSetCookie() });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') ?? undefined };
}

// ---------------------------------------------------------------- what the site has (found as a browser would)

interface Site {
  districts: string[];
  towns: string[];
  apiQueries: string[];
  profiles: string[];
  events: string[];
  bookable: { id: string; mode: string }[];
  resources: string[];
  consultation: string;
  sessions: { who: string; jar: Jar; pages: string[] }[];
}

const TOWNS = [
  'Leeds',
  'Manchester',
  'Bristol',
  'Birmingham',
  'Liverpool',
  'Sheffield',
  'Nottingham',
  'Leicester',
  'Hackney',
  'Lambeth',
  'Croydon',
  'Brighton',
  'Southampton',
  'Oxford',
  'Norwich',
  'Cambridge',
  'Ipswich',
  'Plymouth',
  'Exeter',
  'Truro',
  'York',
  'Hull',
  'Bradford',
  'Wakefield',
  'Doncaster',
  'Derby',
  'Coventry',
  'Wolverhampton',
  'Stoke-on-Trent',
  'Preston',
  'Blackpool',
  'Carlisle',
  'Sunderland',
  'Middlesbrough',
  'Durham',
  'Lincoln',
  'Peterborough',
  'Luton',
  'Reading',
  'Swindon',
  'Bath',
  'Gloucester',
  'Worcester',
  'Hereford',
  'Shrewsbury',
  'Chester',
  'Lancaster',
  'Harrogate',
];
const API_WORDS = ['', '', '', 'peer', 'cafe', 'women', 'family', 'walk', 'mentor', 'online'];

const unique = (xs: string[]) => [...new Set(xs)];

async function discover(base: string): Promise<Site> {
  const anon = new Jar(newAddress());
  const all = [...loadGeoData().outcodes.values()].filter((o) => o.country === 'England');
  const districts = Array.from({ length: 200 }, (_, i) => all[(i * 13) % all.length]!.outcode);
  const towns: string[] = [];
  for (const t of TOWNS) {
    const r = await get(base, anon, `/find-support?near=${encodeURIComponent(t)}`);
    if (r.status === 200) towns.push(t);
  }
  const apiQueries = districts.map(
    (d, i) =>
      `/api/v1/directory?near=${d}${API_WORDS[i % API_WORDS.length] ? `&q=${API_WORDS[i % API_WORDS.length]}` : ''}`,
  );
  const profiles: string[] = [];
  for (const o of demoOrganisations()) {
    const p = `/organisations/${o.slug}`;
    if (o.status === 'member' && (await get(base, anon, p)).status === 200) profiles.push(p);
  }
  const list = await get(base, anon, '/events');
  const events = unique([...list.text.matchAll(/href="(\/events\/[0-9a-f-]{36})"/g)].map((m) => m[1]!));
  const bookable: { id: string; mode: string }[] = [];
  for (const e of events) {
    const page = await get(base, anon, e);
    if (!page.text.includes(`action="${e}/book"`)) continue;
    const modeInput = /<input[^>]*name="mode"[^>]*>/.exec(page.text)?.[0];
    const mode = modeInput ? /value="([a-z_]+)"/.exec(modeInput)?.[1] : undefined;
    bookable.push({ id: e, mode: mode ?? 'in_person' });
  }
  const library = await get(base, anon, '/learning/library');
  const resources = unique(
    [...library.text.matchAll(/href="(\/learning\/library\/[0-9a-z-]+)"/g)]
      .map((m) => m[1]!)
      .filter((p) => !p.endsWith('/suggest')),
  ).slice(0, 40);
  const voice = await get(base, anon, '/voice');
  const consultation = /href="(\/voice\/consultations\/[0-9a-f-]{36})"/.exec(voice.text)?.[1];
  if (!consultation) throw new Error('no open consultation on /voice');
  if (!profiles.length || !bookable.length || !resources.length || !towns.length)
    throw new Error(
      `found too little: ${profiles.length} profiles, ${bookable.length} bookable events, ${resources.length} resources, ${towns.length} towns`,
    );

  // Signed-in people, through the real sign-in form, each device with its own address.
  const orgs = demoOrganisations();
  const people = demoPeople(orgs);
  const generated = people.filter((p) => /\.\d+@demo\.example$/.test(p.email)).slice(0, 40);
  const who = [
    ...Array.from({ length: 5 }, () => ['lead@demo.example', 'worker@demo.example', 'coordinator@demo.example']).flat(),
    'admin@demo.example',
    'volunteer@demo.example',
    'researcher@demo.example',
    'lead.manchester@demo.example',
    ...generated.map((p) => p.email),
  ];
  const sessions: Site['sessions'] = [];
  for (const email of who) {
    const jar = new Jar(newAddress());
    const form = await get(base, jar, '/sign-in');
    const token = csrfOf(form.text);
    if (!token) throw new Error('no CSRF token on the sign-in page');
    const r = await post(base, jar, '/sign-in', { _csrf: token, email, password: DEMO_PASSWORD });
    if (r.status !== 303 || !r.location) throw new Error(`signing in ${email} answered ${r.status}`);
    const landing = r.location;
    const candidates = landing.startsWith('/orgs/')
      ? [landing, `${landing}/evidence`, `${landing}/participants`, `${landing}/events`, '/account']
      : landing === '/network'
        ? ['/network', '/network/events', '/network/applications', '/network/voice', '/account']
        : [landing, '/account'];
    const pages: string[] = [];
    for (const c of unique(candidates)) if ((await get(base, jar, c)).status === 200) pages.push(c);
    sessions.push({ who: email, jar, pages });
  }
  return { districts, towns, apiQueries, profiles, events, bookable, resources, consultation, sessions };
}

// ---------------------------------------------------------------- the mix

interface RouteStats {
  latencies: number[];
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  noAnswer: number;
}

interface Step {
  route: string;
  method: 'GET' | 'POST';
  path: string;
  form?: Record<string, string>;
  /** What to do with the answer: may queue the flow's next step. */
  then?: (status: number, body: string, location: string | undefined) => Step | undefined;
}

interface Visitor {
  kind: 'anonymous' | 'signed-in' | 'api';
  jar: Jar;
  pages: string[];
  /** Rotates through the pages. */
  actions: number;
  /** Actions in this visit. */
  done: number;
  queued?: Step;
  sent?: { step: Step; t0: bigint };
}

const ANON_ACTIONS: [string, number][] = [
  ['home', 16],
  ['find-postcode', 12],
  ['find-town', 6],
  ['profile', 12],
  ['events', 6],
  ['event', 6],
  ['library', 6],
  ['resource', 6],
  ['vote', 4],
  ['book', 2],
];
const ANON_SCHEDULE = ANON_ACTIONS.flatMap(([a, w]) => Array.from({ length: w }, () => a));
// spread each action through the cycle rather than in runs
const SCHEDULE = ANON_SCHEDULE.map((_, i) => ANON_SCHEDULE[(i * 37) % ANON_SCHEDULE.length]!);

class Mix {
  stats = new Map<string, RouteStats>();
  private n = 0;
  private visitors = 0;
  private signedInVisits = 0;
  private bookings = 0;
  private readonly run = Date.now().toString(36);
  constructor(private readonly site: Site) {}

  private stat(route: string): RouteStats {
    let s = this.stats.get(route);
    if (!s) this.stats.set(route, (s = { latencies: [], s2: 0, s3: 0, s4: 0, s5: 0, noAnswer: 0 }));
    return s;
  }

  reset(): void {
    this.stats.clear();
  }

  /**
   * Each visit has twenty actions, and the kind of each new visit comes from one rotation (3 in
   * 10 signed in, 1 an API client, 6 anonymous), so the shares hold by request whatever each
   * kind's latency (with a fixed kind per connection, the fast cached API would take most requests).
   */
  private newVisitor(): Visitor {
    const i = this.visitors++;
    const slot = i % 10;
    if (slot < 3) {
      const s = this.site.sessions[this.signedInVisits++ % this.site.sessions.length]!;
      return { kind: 'signed-in', jar: s.jar, pages: s.pages, actions: (i * 7) % s.pages.length, done: 0 };
    }
    if (slot === 3) return { kind: 'api', jar: new Jar(newAddress()), pages: [], actions: 0, done: 0 };
    return { kind: 'anonymous', jar: new Jar(newAddress()), pages: [], actions: 0, done: 0 };
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[this.n % xs.length]!;
  }

  private nextStep(v: Visitor): Step {
    const n = this.n++;
    const site = this.site;
    if (v.kind === 'signed-in') {
      const p = v.pages[v.actions % v.pages.length]!;
      const route =
        p === '/account'
          ? 'signed in: account'
          : p.startsWith('/network')
            ? 'signed in: network pages'
            : 'signed in: workspace pages';
      return { route, method: 'GET', path: p };
    }
    if (v.kind === 'api') return { route: 'API /api/v1/directory', method: 'GET', path: this.pick(site.apiQueries) };
    const action = SCHEDULE[n % SCHEDULE.length]!;
    switch (action) {
      case 'home':
        return { route: 'home', method: 'GET', path: '/' };
      case 'find-postcode':
        return {
          route: 'find support, postcode',
          method: 'GET',
          path: `/find-support?near=${this.pick(site.districts)}`,
        };
      case 'find-town':
        return {
          route: 'find support, town',
          method: 'GET',
          path: `/find-support?near=${encodeURIComponent(this.pick(site.towns))}`,
        };
      case 'profile':
        return { route: 'member profile', method: 'GET', path: this.pick(site.profiles) };
      case 'events':
        return { route: 'events list', method: 'GET', path: '/events' };
      case 'event':
        return { route: 'event page', method: 'GET', path: this.pick(site.events) };
      case 'library':
        return { route: 'library list', method: 'GET', path: '/learning/library' };
      case 'resource':
        return { route: 'library resource', method: 'GET', path: this.pick(site.resources) };
      case 'book': {
        const e = site.bookable[n % site.bookable.length]!;
        return {
          route: 'event page (to book)',
          method: 'GET',
          path: e.id,
          then: (status, body) => {
            const csrf = status === 200 ? csrfOf(body) : undefined;
            if (!csrf) return undefined;
            const i = this.bookings++;
            return {
              route: 'POST booking',
              method: 'POST',
              path: `${e.id}/book`,
              form: {
                _csrf: csrf,
                name: `Load Person ${i}`,
                email: `load.${this.run}.${i}@bench.example`,
                places: '1',
                mode: e.mode,
              },
              then: (s, _b, location) =>
                s === 303 && location
                  ? { route: 'booking page (after 303)', method: 'GET', path: location }
                  : undefined,
            };
          },
        };
      }
      case 'vote':
      default: {
        const c = site.consultation;
        return {
          route: 'consultation page (to vote)',
          method: 'GET',
          path: c,
          then: (status, body) => {
            const csrf = status === 200 ? csrfOf(body) : undefined;
            const statement = /name="statement" value="([0-9a-f-]{36})"/.exec(body)?.[1];
            if (!csrf || !statement) {
              v.done = 1000; // voted on everything: this visitor leaves
              return undefined;
            }
            return {
              route: 'POST vote',
              method: 'POST',
              path: `${c}/votes`,
              form: { _csrf: csrf, statement, choice: ['agree', 'disagree', 'pass'][n % 3]! },
              then: (s, _b, location) =>
                s === 303 && location
                  ? { route: 'consultation page (after 303)', method: 'GET', path: location.replace(/#.*$/, '') }
                  : undefined,
            };
          },
        };
      }
    }
  }

  /** autocannon's setupRequest: one connection's next request. */
  setup(req: Record<string, unknown>, context: Record<string, unknown>): Record<string, unknown> {
    let v = context.visitor as Visitor | undefined;
    if (v?.sent) {
      // asked again with no answer (a timeout and a new connection): count it and move on
      this.stat(v.sent.step.route).noAnswer++;
      v.sent = undefined;
      v.queued = undefined;
    }
    if (!v || (!v.queued && v.done >= 20)) {
      v = this.newVisitor();
      context.visitor = v;
    }
    const step = v.queued ?? this.nextStep(v);
    if (!v.queued) {
      v.actions++;
      v.done++;
    }
    v.queued = undefined;
    v.sent = { step, t0: process.hrtime.bigint() };
    const headers =
      v.kind === 'api'
        ? { 'x-forwarded-for': v.jar.address, accept: 'application/json', 'user-agent': 'rc-bench-load' }
        : step.form
          ? v.jar.headers(step.path, { 'content-type': 'application/x-www-form-urlencoded' })
          : v.jar.headers(step.path);
    return {
      ...req,
      method: step.method,
      path: step.path,
      headers,
      body: step.form ? new URLSearchParams(step.form).toString() : undefined,
    };
  }

  /** autocannon's onResponse. */
  answer(status: number, body: string, context: Record<string, unknown>, headers: Record<string, unknown>): void {
    const v = context.visitor as Visitor | undefined;
    if (!v?.sent) return;
    const { step, t0 } = v.sent;
    v.sent = undefined;
    const s = this.stat(step.route);
    s.latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (status < 300) s.s2++;
    else if (status < 400) s.s3++;
    else if (status < 500) s.s4++;
    else s.s5++;
    if (v.kind !== 'api') v.jar.take(headers);
    if (step.then) {
      const location = Object.entries(headers).find(([k]) => k.toLowerCase() === 'location')?.[1] as string | undefined;
      v.queued = step.then(status, body, location);
    }
  }
}

// ---------------------------------------------------------------- measuring

interface Figures {
  label: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx3xx: number;
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

function figures(label: string, r: autocannon.Result): Figures {
  return {
    label,
    requests: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx3xx: r['4xx'] + r['5xx'],
  };
}

async function measureBare(): Promise<Figures> {
  const bare = await startServerProcess('bench/servers.tsx', ['bare']);
  try {
    const url = `${bare.url}/`;
    await autocannon({ url, connections: CONNECTIONS, duration: WARMUP });
    return figures('bare JSX route', await autocannon({ url, connections: CONNECTIONS, duration: DURATION }));
  } finally {
    await bare.stop();
  }
}

interface RouteRow {
  route: string;
  requests: number;
  share: number;
  p50: number;
  p99: number;
  s2xx: number;
  s3xx: number;
  s4xx: number;
  s5xx: number;
  noAnswer: number;
}

async function measureMix(engine: Engine): Promise<{ mix: Figures; routes: RouteRow[]; site: Record<string, number> }> {
  const started = Date.now();
  const app = await startApp(engine);
  const startSeconds = (Date.now() - started) / 1000;
  try {
    const site = await discover(app.url);
    const mix = new Mix(site);
    type Requests = NonNullable<autocannon.Options['requests']>;
    const step = {
      setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => mix.setup(req, ctx),
      onResponse: (status: number, body: string, ctx: Record<string, unknown>, headers: Record<string, unknown>) =>
        mix.answer(status, body, ctx, headers),
    };
    // a long list of the same step, so autocannon keeps each connection's context (it clears
    // it when it comes to the end of the list)
    const requests = Array.from({ length: 5000 }, () => step) as unknown as Requests;
    await autocannon({ url: app.url, connections: CONNECTIONS, duration: WARMUP, requests });
    mix.reset();
    const r = await autocannon({ url: app.url, connections: CONNECTIONS, duration: DURATION, requests });
    const total = [...mix.stats.values()].reduce((a, s) => a + s.latencies.length, 0);
    const routes: RouteRow[] = [...mix.stats.entries()]
      .map(([route, s]) => {
        const sorted = s.latencies.sort((a, b) => a - b);
        return {
          route,
          requests: sorted.length,
          share: sorted.length / Math.max(1, total),
          p50: Math.round(pct(sorted, 50)),
          p99: Math.round(pct(sorted, 99)),
          s2xx: s.s2,
          s3xx: s.s3,
          s4xx: s.s4,
          s5xx: s.s5,
          noAnswer: s.noAnswer,
        };
      })
      .sort((a, b) => b.requests - a.requests);
    return {
      mix: figures(`mixed workload (${engine})`, r),
      routes,
      site: {
        startSeconds,
        profiles: site.profiles.length,
        events: site.events.length,
        bookable: site.bookable.length,
        resources: site.resources.length,
        towns: site.towns.length,
        sessions: site.sessions.length,
      },
    };
  } finally {
    await app.stop();
  }
}

const int = (x: number) => Math.round(x).toLocaleString('en-GB');

function report(engine: Engine, bare: Figures, mix: Figures, routes: RouteRow[], site: Record<string, number>): string {
  const head = [
    `### Load, ${engine} (${CONNECTIONS} connections, ${DURATION} s, ${site.sessions} signed-in sessions)`,
    '',
    '| what | req/s | p50 ms | p99 ms | ratio to bare | requests | errors | timeouts | not 2xx/3xx |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[bare, mix].map(
      (f) =>
        `| ${f.label} | ${int(f.rps)} | ${f.p50} | ${f.p99} | ${(f.rps / bare.rps).toFixed(3)} | ${int(f.requests)} | ${f.errors} | ${f.timeouts} | ${f.non2xx3xx} |`,
    ),
    '',
    '| route | share | requests | p50 ms | p99 ms | 2xx | 3xx | 4xx | 5xx | no answer |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...routes.map(
      (r) =>
        `| ${r.route} | ${(r.share * 100).toFixed(1)}% | ${int(r.requests)} | ${r.p50} | ${r.p99} | ${r.s2xx} | ${r.s3xx} | ${r.s4xx} | ${r.s5xx} | ${r.noAnswer} |`,
    ),
  ];
  return head.join('\n') + '\n';
}

export async function runLoadBench(): Promise<string> {
  const engines = (process.env.LOAD_ENGINES ?? (process.env.DATABASE_URL ? 'postgres' : 'embedded'))
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean) as Engine[];
  const sections: string[] = [];
  const saved: Record<string, unknown> = {};
  for (const engine of engines) {
    const bare = await measureBare();
    const { mix, routes, site } = await measureMix(engine);
    saved[engine] = { bare, mix, ratio: mix.rps / bare.rps, routes, site, loadavg: os.loadavg() };
    sections.push(report(engine, bare, mix, routes, site));
  }
  await saveResult(`load-${engines.join('-')}`, { connections: CONNECTIONS, duration: DURATION, ...saved });
  return sections.join('\n');
}

const isMain = process.argv[1]?.endsWith('load.ts');
if (isMain) console.log(await runLoadBench());
