// Configuration: read from the environment once, validated, typed and frozen.
// Nothing else in the app reads process.env.
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const optionalUrl = (what: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || URL.canParse(v), { message: `${what} must be a full URL` });

/** PostgreSQL connections per server when DATABASE_POOL_SIZE is unset (docs/BENCHMARKS.md, Load). */
export const DEFAULT_POOL_SIZE = 20;

const EnvSchema = z.object({
  /** Port the web server listens on. */
  PORT: z.coerce.number().int('PORT must be a whole number').min(0).max(65535).default(3000),
  /** Interface to bind; 0.0.0.0 to accept outside connections (behind a proxy). */
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** Where the embedded database, outbox and uploads live. */
  DATA_DIR: z.string().trim().min(1).default('./data'),
  /** A PostgreSQL server (postgres://…). Unset: the embedded database in DATA_DIR. */
  DATABASE_URL: optionalUrl('DATABASE_URL').refine((v) => v === undefined || /^postgres(ql)?:/.test(v), {
    message: 'DATABASE_URL must start with postgres:// or postgresql://',
  }),
  /**
   * How many connections the server keeps open to PostgreSQL (1–500). Unset: 20. Every page's
   * queries wait for one of them; with several instances, their sum must stay under the server's
   * max_connections (or PgBouncer's pool). Not used by the embedded database (one connection).
   */
  DATABASE_POOL_SIZE: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || /^\d+$/.test(v), { message: 'DATABASE_POOL_SIZE must be a whole number' })
    .transform((v) => (v === undefined ? DEFAULT_POOL_SIZE : Number(v)))
    .refine((v) => v >= 1 && v <= 500, { message: 'DATABASE_POOL_SIZE must be between 1 and 500' }),
  /** The address people use to reach the site; used in emailed links and for Secure cookies. */
  PUBLIC_URL: optionalUrl('PUBLIC_URL'),
  /** Signs cookies and CSRF tokens. At least 32 characters in production. */
  SESSION_SECRET: z.string().optional(),
  /** smtp(s)://user:pass@host:port for outgoing mail. Unset: mail is written to DATA_DIR/outbox. */
  SMTP_URL: optionalUrl('SMTP_URL').refine((v) => v === undefined || /^smtps?:/.test(v), {
    message: 'SMTP_URL must start with smtp:// or smtps://',
  }),
  /**
   * Which proxies to believe about the visitor's address (X-Forwarded-For), for sign-in limits
   * and logs. Unset or "false": none, the connection's address is used. Usually the proxy's own
   * address or range ("127.0.0.1", "10.0.0.0/8", "loopback"; comma-separated); a whole number
   * trusts that many hops; "true" trusts any (only when nothing can reach the app but the proxy).
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx): boolean | number | string[] => {
      if (v === undefined || v === '' || v.toLowerCase() === 'false') return false;
      if (v.toLowerCase() === 'true') return true;
      if (/^\d+$/.test(v)) return Number(v);
      const entries = v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      const bad = entries.filter((x) => !isProxyAddress(x));
      if (bad.length)
        ctx.addIssue({
          code: 'custom',
          message: `TRUST_PROXY has something that is not an address or range: ${bad.join(', ')}`,
        });
      return entries;
    }),
  /**
   * The bearer token Prometheus sends to read /metrics (`Authorization: Bearer <token>`), at
   * least 32 characters. Unset: there is no /metrics (it answers 404).
   */
  METRICS_TOKEN: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || v.length >= 32, { message: 'METRICS_TOKEN must be at least 32 characters long' })
    .refine((v) => v === undefined || /^[\x21-\x7e]+$/.test(v), {
      message: 'METRICS_TOKEN must be printable characters with no spaces',
    }),
  /** Logging level for pino. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IP address, a CIDR range, or one of proxy-addr's names for ranges. */
function isProxyAddress(x: string): boolean {
  if (PROXY_NAMES.has(x)) return true;
  const [address, bits, extra] = x.split('/');
  if (extra !== undefined || !address || !isIP(address)) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max;
}

export type DatabaseKind = 'embedded' | 'postgres';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly databaseKind: DatabaseKind;
  /** PostgreSQL connections in the server's pool (DATABASE_POOL_SIZE). */
  readonly databasePoolSize: number;
  readonly publicUrl: string;
  readonly secureCookies: boolean;
  readonly sessionSecret: string;
  readonly smtpUrl: string | undefined;
  readonly logLevel: string;
  /** Fastify's trustProxy: false, true, a hop count, or the proxies' addresses and ranges. */
  readonly trustProxy: boolean | number | string[];
  /** The bearer token for /metrics; undefined: no metrics endpoint. */
  readonly metricsToken: string | undefined;
  /** Demo mode: demo data, a banner on every page and the /dev/outbox page. */
  readonly demo: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ConfigOptions {
  demo?: boolean;
}

// A development-only fallback so `npm start` works with nothing set. Production refuses it.
const DEMO_SECRET = 'demo-secret-not-for-production-use-0000000000';

export function loadConfig(env: NodeJS.ProcessEnv, options: ConfigOptions = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new ConfigError(`The configuration is not right:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const demo = options.demo ?? false;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  let sessionSecret = e.SESSION_SECRET;
  if (!sessionSecret) {
    if (!demo) {
      throw new ConfigError(
        'SESSION_SECRET is not set. Set it to a long random string (for example `openssl rand -hex 32`).',
      );
    }
    sessionSecret = DEMO_SECRET;
  } else if (sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters long.');
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseKind: e.DATABASE_URL ? 'postgres' : 'embedded',
    databasePoolSize: e.DATABASE_POOL_SIZE,
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    sessionSecret,
    smtpUrl: e.SMTP_URL,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN,
    demo,
  });
}
