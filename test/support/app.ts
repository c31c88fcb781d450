// The real app over a fresh database, with mail captured in a temporary outbox, and a small
// cookie-keeping client that posts forms with their CSRF token as a browser would.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { appModules, buildApp } from '../../src/app.ts';
import { createSession } from '../../src/platform/auth/session.store.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { createMailer, type Mailer } from '../../src/platform/mail/mailer.ts';
import type { ModuleDefinition } from '../../src/platform/modules.ts';
import { freshDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  mailer: Mailer;
  dataDir: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  demo?: boolean;
  /** Modules added to the app's own (the job tests add a probe module). */
  extraModules?: ModuleDefinition[];
  /** Job workers' polling interval; the queue only runs jobs once the test calls app.jobs.start(). */
  jobPollingSeconds?: number;
  /** More settings, as the environment would give them (TRUST_PROXY…). */
  env?: Record<string, string>;
  /** Request logs on (LOG_LEVEL from env), to see what a 500 was; off by default. */
  logger?: boolean;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rc-test-'));
  const config = loadConfig(
    {
      SESSION_SECRET: 'test-secret-'.padEnd(40, 'x'),
      DATA_DIR: dataDir,
      PUBLIC_URL: 'http://localhost:3000',
      LOG_LEVEL: 'silent',
      ...options.env,
    },
    { demo: options.demo ?? false },
  );
  const database = await freshDatabase();
  const mailer = createMailer({ smtpUrl: undefined, outboxDir: path.join(dataDir, 'outbox') });
  const app = await buildApp({
    config,
    database,
    mailer,
    logger: options.logger ?? false,
    modules: options.extraModules && [...appModules(database), ...options.extraModules],
    jobPollingSeconds: options.jobPollingSeconds,
  });
  await app.ready();
  return {
    app,
    database,
    config,
    mailer,
    dataDir,
    async close() {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser stand-in: keeps cookies, finds the CSRF token on a page, follows nothing. */
export class Client {
  readonly cookies = new Map<string, string>();
  private csrf: string | undefined;
  /** Headers sent with every request (X-Forwarded-For, to stand behind a proxy). */
  constructor(
    private readonly app: FastifyInstance,
    readonly headers: Record<string, string> = {},
  ) {}

  async request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      ...opts,
      headers: {
        ...this.headers,
        ...(opts.headers ?? {}),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrf = token;
    return res;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }

  /** Posts a form as a browser would, with a CSRF token from a page this client has seen. */
  async post(url: string, fields: Record<string, string> = {}, options: { csrf?: boolean } = {}) {
    if (options.csrf !== false && !this.csrf) await this.get(this.cookies.has('rc_session') ? '/account' : '/sign-in');
    const body = new URLSearchParams({
      ...(options.csrf === false ? {} : { _csrf: this.csrf! }),
      ...fields,
    }).toString();
    return this.request({
      method: 'POST',
      url,
      payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** Starts a session for a person directly, as signing in would (for tests about pages, not sign-in). */
  async signInAs(db: Kysely<DB>, personId: string) {
    this.cookies.set('rc_session', await createSession(db, personId, 'test'));
    this.csrf = undefined;
  }

  async signIn(email: string, password: string) {
    const res = await this.post('/sign-in', { email, password });
    if (res.statusCode !== 303) throw new Error(`sign-in as ${email} failed with ${res.statusCode}`);
    this.csrf = undefined;
    return res;
  }
}
