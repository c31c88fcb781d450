// Helpers for the route fuzz: route patterns as regular expressions, a crawl that harvests real
// parameter values and form fields from the app's own pages, a database checksum, hostile-input
// generators (fast-check) and a check for leaked internals in a response.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import type { Client } from '../support/app.ts';

// ---------------------------------------------------------------------------------------------
// Route patterns

export interface RoutePattern {
  method: string;
  url: string;
  params: string[];
  regex: RegExp;
}

/** find-my-way's `:name` parameters (also two in one segment, as in `:target.:format`). */
export function compileRoute(method: string, url: string): RoutePattern {
  const params: string[] = [];
  let source = '';
  let last = 0;
  for (const m of url.matchAll(/:([A-Za-z0-9_]+)/g)) {
    source += escapeRegex(url.slice(last, m.index));
    params.push(m[1]!);
    const next = url[m.index! + m[0].length];
    source += next === '.' ? '([^/]+?)' : '([^/]+)';
    last = m.index! + m[0].length;
  }
  source += escapeRegex(url.slice(last));
  return { method, url, params, regex: new RegExp(`^${source}/?$`) };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The path of a route with its parameters filled in; values are already percent-encoded. */
export function fillRoute(route: RoutePattern, encoded: string[]): string {
  let i = 0;
  return route.url.replace(/:([A-Za-z0-9_]+)/g, () => encoded[i++] ?? 'x');
}

// ---------------------------------------------------------------------------------------------
// Harvest: crawl the pages an actor can open, match every link and form against the route table

export interface Harvest {
  /** Route key → distinct parameter assignments seen in links and form actions (decoded). */
  params: Map<string, string[][]>;
  /** Route key → form field name → values seen (hidden inputs, options, defaults). */
  fields: Map<string, Map<string, Set<string>>>;
  pages: number;
}

export const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

export const routeKey = (method: string, url: string) => `${method} ${url}`;

const unescapeHtml = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

export async function harvest(
  clients: Client[],
  routes: RoutePattern[],
  start: string[],
  options: { maxPages: number; skip: RegExp },
): Promise<Harvest> {
  const params = new Map<string, string[][]>();
  const seenAssignments = new Set<string>();
  const fields = new Map<string, Map<string, Set<string>>>();
  let pages = 0;

  const record = (method: string, path: string): RoutePattern | undefined => {
    for (const r of routes) {
      if (r.method !== method) continue;
      const m = r.regex.exec(path);
      if (!m) continue;
      if (r.params.length === 0) return r;
      const values = m.slice(1).map((v) => safeDecode(v));
      if (values.some((v) => v === undefined)) return r;
      const key = routeKey(r.method, r.url);
      const id = `${key} ${JSON.stringify(values)}`;
      if (!seenAssignments.has(id)) {
        seenAssignments.add(id);
        const list = params.get(key) ?? [];
        if (list.length < 12) list.push(values as string[]);
        params.set(key, list);
      }
      return r;
    }
    return undefined;
  };

  for (const c of clients) {
    // Links to a route not yet opened go first, so the page budget covers routes, not page 7 of a list.
    const fresh: string[] = [];
    const more: string[] = [];
    const opened = new Map<string, number>();
    const enqueue = (link: string, r: RoutePattern | undefined) => {
      if (seen.has(link) || options.skip.test(link)) return;
      seen.add(link);
      const key = r ? routeKey(r.method, r.url) : link;
      const n = opened.get(key) ?? 0;
      if (n >= 4) return;
      opened.set(key, n + 1);
      (n === 0 ? fresh : more).push(link);
    };
    const seen = new Set<string>();
    for (const s of start) enqueue(s, record('GET', s.split('?')[0]!));
    let count = 0;
    while ((fresh.length > 0 || more.length > 0) && count < options.maxPages) {
      const url = (fresh.length > 0 ? fresh.shift() : more.shift())!;
      const res = await c.get(url);
      count++;
      if (!String(res.headers['content-type'] ?? '').includes('html')) continue;
      const here = url.split('?')[0]!;
      for (const [, href] of res.body.matchAll(/href="(\/[^"#]*)"/g)) {
        const link = unescapeHtml(href!);
        enqueue(link, record('GET', link.split('?')[0]!));
      }
      for (const [, attrs, inner] of res.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
        const action = unescapeHtml(/\baction="([^"]*)"/.exec(attrs!)?.[1] ?? here);
        const method = (/\bmethod="([^"]*)"/i.exec(attrs!)?.[1] ?? 'get').toUpperCase();
        const path = action.split('?')[0]!;
        if (!path.startsWith('/')) continue;
        const r = record(method, path);
        if (!r) continue;
        if (method === 'GET') enqueue(action, r);
        const key = routeKey(r.method, r.url);
        const byName = fields.get(key) ?? new Map<string, Set<string>>();
        fields.set(key, byName);
        for (const [tag] of inner!.matchAll(/<(?:input|select|textarea|button)\b[^>]*>/g)) {
          const name = /\bname="([^"]+)"/.exec(tag)?.[1];
          if (!name || name === '_csrf') continue;
          const values = byName.get(unescapeHtml(name)) ?? new Set<string>();
          byName.set(unescapeHtml(name), values);
          const value = /\bvalue="([^"]*)"/.exec(tag)?.[1];
          if (value !== undefined && values.size < 8) values.add(unescapeHtml(value));
        }
        // A select's options belong to the select named just before them.
        for (const [, name, body] of inner!.matchAll(/<select\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
          const values = byName.get(unescapeHtml(name!))!;
          for (const [, v] of body!.matchAll(/<option\b[^>]*value="([^"]*)"/g))
            if (values.size < 8) values.add(unescapeHtml(v!));
        }
      }
    }
    pages += count;
  }
  // A route never linked (a form's target, a PDF) borrows the parameters of a route it extends:
  // POST /orgs/:org/events/:event/move those of GET /orgs/:org/events/:event; parameters past the
  // longest such prefix get a well-formed id that names nothing.
  for (const r of routes) {
    const key = routeKey(r.method, r.url);
    if (r.params.length === 0 || params.has(key)) continue;
    const ends = [...r.url.matchAll(/:[A-Za-z0-9_]+/g)].map((m) => m.index! + m[0].length);
    search: for (let k = r.params.length; k >= 1; k--) {
      const prefix = r.url.slice(0, ends[k - 1]);
      for (const other of routes) {
        const theirs = params.get(routeKey(other.method, other.url));
        if (!theirs || other.params.length < k) continue;
        if (other.url === prefix || other.url.startsWith(`${prefix}/`) || other.url.startsWith(`${prefix}.`)) {
          const rest = r.params.slice(k).map(() => NO_SUCH_ID);
          params.set(
            key,
            theirs.map((vs) => [...vs.slice(0, k), ...rest]),
          );
          break search;
        }
      }
    }
  }
  return { params, fields, pages };
}

// ---------------------------------------------------------------------------------------------
// Database state

export interface TableState {
  tables: string[];
  query: string;
}

/** One query over every table of schema public (less the volatile ones): row count and an order-free hash of the rows' text. */
export async function tableState(
  db: Kysely<DB>,
  volatile: ReadonlySet<string>,
  /** Table → a where clause for the rows that count (the rest may change on a refusal). */
  only: Readonly<Record<string, string>> = {},
): Promise<TableState> {
  const rows = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const tables = rows.rows.map((r) => r.table_name).filter((n) => !volatile.has(n));
  const query = tables
    .map(
      (n) =>
        `select '${n}' as t, count(*)::text || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0)::text as h from public."${n}" x${only[n] ? ` where ${only[n]}` : ''}`,
    )
    .join(' union all ');
  return { tables, query };
}

export async function checksum(db: Kysely<DB>, state: TableState): Promise<Map<string, string>> {
  const res = await sql.raw<{ t: string; h: string }>(state.query).execute(db);
  return new Map(res.rows.map((r) => [r.t, r.h]));
}

/** The next transaction id: it moves only when some transaction wrote (or locked) something. */
export async function writeMark(db: Kysely<DB>): Promise<string> {
  const res = await sql<{ x: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as x`.execute(db);
  return res.rows[0]!.x;
}

export function changedTables(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((t) => a.get(t) !== b.get(t));
}

// ---------------------------------------------------------------------------------------------
// Leaks

const LEAKS: RegExp[] = [
  /\n\s+at [^\n]*(?:\(|\s)(?:\/|file:|node:)[^\n]*:\d+/, // a V8 stack frame
  /\/src\/[\w./-]+\.tsx?\b/, // a source file
  /node_modules\//,
  /\/work\/main\b/,
  /\b(?:TypeError|RangeError|ReferenceError|SyntaxError): /,
  /\berror: (?:invalid input syntax|value too long|syntax error at|relation ")/i, // a database error
];

/** What in a response looks like a stack trace or an internal path, unless the request itself carried that text. */
export function leakIn(body: string, contentType: string, sent: string): string | undefined {
  if (!/html|json|text|csv|xml|calendar/.test(contentType)) return undefined;
  for (const pattern of LEAKS) {
    const m = pattern.exec(body);
    if (m && !sent.includes(m[0].trim())) return m[0].trim().slice(0, 200);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Generators

export const MB = 1024 * 1024;
const ONE_MB = 'x'.repeat(MB);
const UNDER_FORM_LIMIT = 'y'.repeat(200 * 1024);
const LONG = 'z'.repeat(12_000); // about as much as Node's 16 KB header limit lets into a URL

/** Strings that broke things before, or break parsers generally (decoded: what a handler sees). */
export const HOSTILE = [
  '',
  '-',
  '!!',
  '%zz',
  '<script>',
  '\r',
  '/\t/evil.example',
  'ﬀ',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0003\u001b[31m\u007f',
  '\b\f\v',
  '------',
  '--',
  '!',
  '&',
  '|',
  '(',
  ')',
  ':*',
  "'",
  "' or 1=1 --",
  '"',
  '\\',
  '%',
  '<script>alert(1)</script>',
  '\r\n',
  '\t',
  '\n/evil.example',
  '//evil.example',
  '/\\evil.example',
  'javascript:alert(1)',
  '\u202e',
  '\u2028',
  '\ud800',
  '\udfff',
  '\uffff',
  '\ufeff',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'ǅ',
  '1e309',
  '-1',
  '0',
  '-0',
  '1.5',
  '99999999999999999999',
  '9007199254740993',
  'NaN',
  'Infinity',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z', // the last date JavaScript has, past PostgreSQL's
  '-271821-04-20T00:00:00Z', // the first, before PostgreSQL's 4713 BC
  '0001-01-01',
  '2088658742', // a day number far past Excel's last date (it was a RangeError)
  '00000000-0000-0000-0000-000000000000',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  'a'.repeat(5000),
];

/** Raw query/form text that decodes badly: invalid UTF-8, a NUL, stray and broken escapes. */
export const RAW_ESCAPES = [
  '%ff',
  '%fe%ff',
  '%c3%28',
  '%e2%82',
  '%ed%a0%80',
  '%f4%90%80%80',
  '%c0%af',
  '%00',
  'a%00b',
  '%',
  '%%',
  '%zz',
  '%u0041',
  '%2',
  '%0d%0a',
  '%1b',
  '%7f',
  '%e9t%e9',
];

/** Percent-encodes every byte but the unreserved ones (a lone surrogate goes as U+FFFD, as a browser sends it). */
export function enc(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(b);
    out += /[A-Za-z0-9_.~-]/.test(ch) ? ch : `%${b.toString(16).padStart(2, '0').toUpperCase()}`;
  }
  return out;
}

/** A hostile value, decoded. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((n) => String.fromCharCode(n)) }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.constant(LONG) },
);

/** A value as it goes on the wire (percent-encoded), sometimes raw broken escapes. */
const wireValue = (size: 'query' | 'body'): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: hostileValue.map(enc) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_ESCAPES) },
    ...(size === 'body'
      ? [
          { weight: 1, arbitrary: fc.constant(UNDER_FORM_LIMIT) },
          { weight: 1, arbitrary: fc.constant(ONE_MB) },
        ]
      : []),
  );

export const GENERIC_KEYS = [
  'q',
  'next',
  'page',
  'sort',
  'type',
  'kind',
  'status',
  'from',
  'to',
  'year',
  'measure',
  'area',
  'email',
  'name',
  'role',
  'title',
  'date',
  'id',
  'format',
  'limit',
  'offset',
  'lat',
  'lng',
  'postcode',
  'near',
  '__proto__',
  'constructor',
];

/** Key=value pairs for a query string or a urlencoded body, using the fields a form really has where known. */
export function wirePairs(
  known: Map<string, Set<string>> | undefined,
  size: 'query' | 'body',
): fc.Arbitrary<[string, string][]> {
  const names = [...(known?.keys() ?? [])];
  const keyArb = fc.oneof(
    ...(names.length ? [{ weight: 6, arbitrary: fc.constantFrom(...names) }] : []),
    { weight: 2, arbitrary: fc.constantFrom(...GENERIC_KEYS) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
  );
  const valueFor = (name: string) => {
    const real = [...(known?.get(name) ?? [])];
    return real.length
      ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...real).map(enc) }, { weight: 3, arbitrary: wireValue(size) })
      : wireValue(size);
  };
  const pair = keyArb.chain((k) =>
    fc.oneof(
      { weight: 6, arbitrary: valueFor(k).map((v) => [[enc(k), v]] as [string, string][]) },
      // the same key twice: an array where a string is expected
      {
        weight: 2,
        arbitrary: fc.tuple(valueFor(k), valueFor(k)).map(([a, b]) => [
          [enc(k), a],
          [enc(k), b],
        ]) as fc.Arbitrary<[string, string][]>,
      },
      // bracket syntax some parsers nest: a[b][c]=, a[]=
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('[]', '[0]', '[a][b][c]', '[__proto__]', '.x', '[' + '['.repeat(50))
          .chain((suffix) => valueFor(k).map((v) => [[enc(k + suffix), v]] as [string, string][])),
      },
      // a key without a value or '='
      { weight: 1, arbitrary: fc.constant([[enc(k), '']] as [string, string][]) },
    ),
  );
  // Every known field, mostly with a real or plausible value, plus a few hostile pairs.
  const full = names.length
    ? fc
        .tuple(...names.slice(0, 30).map((n) => fc.option(valueFor(n), { freq: 4 })))
        .map((vs) => vs.flatMap((v, i) => (v === null ? [] : [[enc(names[i]!), v] as [string, string]])))
    : fc.constant([] as [string, string][]);
  return fc
    .tuple(full, fc.array(pair, { maxLength: 4 }))
    .map(([a, b]) => [...a, ...b.flat()].slice(0, 40) as [string, string][]);
}

export const joinPairs = (pairs: [string, string][]) => pairs.map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join('&');

/** A JSON value: hostile leaves, arrays where strings are expected, prototype keys. */
export function jsonBody(known: Map<string, Set<string>> | undefined, csrf: string): fc.Arbitrary<string> {
  const names = [...(known?.keys() ?? []), ...GENERIC_KEYS.slice(0, 8)];
  const leaf = fc.oneof(
    hostileValue,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(UNDER_FORM_LIMIT),
  );
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('tree'), { maxLength: 3 }),
      fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 6 })), tie('tree'), { maxKeys: 4 }),
    ),
  }));
  const object = fc
    .dictionary(fc.constantFrom(...names), tree, { maxKeys: 8 })
    .map((o) => JSON.stringify({ _csrf: csrf, ...o }));
  const deep = fc
    .constantFrom(5_000, 100_000)
    .chain((n) =>
      fc.constantFrom(
        '['.repeat(n) + ']'.repeat(n),
        '{"a":'.repeat(n) + '1' + '}'.repeat(n),
        `{"_csrf":"${csrf}","q":${'['.repeat(n)}"x"${']'.repeat(n)}}`,
      ),
    );
  const odd = fc.constantFrom(
    `{"_csrf":"${csrf}","__proto__":{"admin":true}}`,
    `{"_csrf":"${csrf}","constructor":{"prototype":{"admin":true}}}`,
    `{"_csrf":["${csrf}"]}`,
    `{"_csrf":{"toString":1}}`,
    `{"_csrf":"${csrf}","q":"${'x'.repeat(MB)}"}`,
    '"just a string"',
    '12',
    'null',
    '[]',
    `{"_csrf":"${csrf}","a":"\\ud800"}`,
    `{"_csrf":"${csrf}","a":"\\u0000"}`,
    '{"a":1,"a":2}',
    '{"a":', // cut off
    '\ufeff{}',
  );
  return fc.oneof({ weight: 5, arbitrary: object }, { weight: 1, arbitrary: deep }, { weight: 2, arbitrary: odd });
}

export interface Multipart {
  payload: Buffer;
  contentType: string;
}

const FILE_FIELDS = ['file', 'logo', 'image', 'picture', 'upload', 'attachment', 'definition'];
const FILE_NAMES = [
  'a.csv',
  'a.xlsx',
  'a.png',
  'a.jpg',
  'a.pdf',
  'a.json',
  '../../etc/passwd',
  'a\u0000.png',
  '"; name="x',
  '\u202egnp.exe',
  'ü\ud800.csv',
  'n'.repeat(5000) + '.png',
  '',
];
const FILE_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/png',
  'image/jpeg',
  'image/svg+xml',
  'application/pdf',
  'application/json',
  'application/octet-stream',
  '',
  'x/\u0000',
];
const PNG_HEAD = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** A multipart/form-data body: hostile fields and files, sometimes malformed on purpose. */
export function multipartBody(known: Map<string, Set<string>> | undefined): fc.Arbitrary<Multipart> {
  const names = [...(known?.keys() ?? []), ...GENERIC_KEYS.slice(0, 6)];
  const field = fc.tuple(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 })), hostileValue);
  const content = fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
    fc.uint8Array({ maxLength: 256 }).map((a) => Buffer.concat([PNG_HEAD, Buffer.from(a)])),
    fc.constant(Buffer.from('code,date,score\n"HS-1,2024-01-01,3\n\u0000,\u00ff\n')),
    fc.constant(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    fc.constant(Buffer.from('{"key":"x","questions":[' + '['.repeat(5000) + ']'.repeat(5000) + ']}')),
    fc.constant(Buffer.alloc(3 * MB, 0x61)),
    fc.constant(Buffer.alloc(0)),
  );
  const file = fc.record({
    field: fc.constantFrom(...FILE_FIELDS, ...names.slice(0, 3)),
    name: fc.constantFrom(...FILE_NAMES),
    type: fc.constantFrom(...FILE_TYPES),
    content,
  });
  return fc
    .record({
      fields: fc.array(field, { maxLength: 6 }),
      files: fc.array(file, { maxLength: 2 }),
      malformed: fc.constantFrom('none', 'none', 'none', 'no-end', 'no-boundary', 'wrong-boundary', 'bad-header'),
      boundary: fc.constantFrom('rcfuzz', 'rc' + 'b'.repeat(68), '--', 'a"b'),
    })
    .map(({ fields, files, malformed, boundary }) => {
      const parts: Buffer[] = [];
      for (const [k, v] of fields)
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
      for (const f of files) {
        parts.push(
          Buffer.from(
            malformed === 'bad-header'
              ? `--${boundary}\r\nContent-Disposition: form-data; name=\r\n\r\n`
              : `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
          ),
          f.content,
          Buffer.from('\r\n'),
        );
      }
      if (malformed !== 'no-end') parts.push(Buffer.from(`--${boundary}--\r\n`));
      const contentType =
        malformed === 'no-boundary'
          ? 'multipart/form-data'
          : `multipart/form-data; boundary=${malformed === 'wrong-boundary' ? 'other' : boundary}`;
      return { payload: Buffer.concat(parts), contentType };
    });
}

/** A junk path parameter, on the wire. */
export const junkParam: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileValue.filter((s) => s.length > 0).map(enc) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_ESCAPES, '%2e%2e', '..', '.', '%2f', 'a%2fb', '%5c') },
  { weight: 1, arbitrary: fc.uuid().map(String) },
  { weight: 1, arbitrary: fc.constantFrom('A'.repeat(43), 'not-an-id', '1', '-1', '0x10', 'styles.css') },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(99), 'a'.repeat(101), 'a'.repeat(8000)) },
);

/** A stable 32-bit seed for one batch, so adding a route changes no other route's cases. */
export function batchSeed(base: number, ...parts: string[]): number {
  return createHash('sha256')
    .update(`${base}|${parts.join('|')}`)
    .digest()
    .readInt32LE(0);
}
