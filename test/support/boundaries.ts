// The layering rule's checker (test/boundaries.test.ts runs it): reads every source file's imports
// (docs/ARCHITECTURE.md,
// "Layers and boundaries"). A module reaches another only through its index.ts; platform/
// never imports modules/ or ui/; views and routes never import a repository; SQL lives only
// in *.repository.ts (and migrations); routes never open a transaction; seed code writes only
// its own module's tables (another module's through that module's exported functions).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = path.join(ROOT, 'src');

export interface SourceFile {
  /** Relative to the repository root, with forward slashes: 'src/modules/evidence/index.ts'. */
  path: string;
  text: string;
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' || e.name === 'fixtures' ? [] : listSources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The migrations' text, for working out which module owns each table. */
export function readMigrations(): SourceFile[] {
  const dir = path.join(ROOT, 'migrations');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => ({ path: `migrations/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
}

export function readSources(): SourceFile[] {
  return listSources(SRC).map((f) => ({
    path: path.relative(ROOT, f).split(path.sep).join('/'),
    text: readFileSync(f, 'utf8'),
  }));
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The files a source imports (relative imports only), resolved to repository paths. */
export function importsOf(file: SourceFile): string[] {
  const found: string[] = [];
  for (const m of file.text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2]!;
    if (!spec.startsWith('.')) continue;
    found.push(path.posix.normalize(path.posix.join(path.posix.dirname(file.path), spec)));
  }
  return found;
}

/** A target path without 'src/modules/' (or 'src/'), to keep messages short. */
const short = (p: string) => p.replace(/^src\/(modules\/)?/, '');
const moduleOf = (p: string) => /^src\/modules\/([^/]+)\//.exec(p)?.[1];
const isRepository = (p: string) => p.endsWith('.repository.ts');
const isRoute = (p: string) => /\.routes\.tsx?$/.test(p);
const isView = (p: string) => /\.(views|ui)\.tsx$/.test(p);
// Kysely's query starters and the raw-SQL tag, outside comments.
const SQL = /(?<![\w/])sql`|\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(/;
// Files whose SQL is the point: the migration runner and the type generator read the catalogue.
const SQL_ALLOWED = new Set(['src/platform/db/migrate.ts', 'src/platform/db/schema-types.ts']);

// Seed code: a module's demo or synthetic data. The demo module seeds the core tables (the
// organisations, people and memberships every other module's demo hangs off).
const isSeed = (p: string) => /\.seed\.ts$|\.demo\.ts$|demo-data\.ts$/.test(p) || p.startsWith('src/modules/demo/');
const CORE_SEEDERS = ['demo'];
const WRITES = [
  /\.(?:insertInto|updateTable|deleteFrom|mergeInto)\(\s*['"]([a-z_][a-z0-9_]*)['"]/g,
  /\b(?:insert\s+into|delete\s+from|merge\s+into)\s+([a-z_][a-z0-9_]*)/gi,
  /\bupdate\s+([a-z_][a-z0-9_]*)\s+set\b/gi,
];

/**
 * Which modules own each table: a table belongs to the modules whose `migrationsRange` (read from
 * their index.ts) holds the number of the migration that creates it, so the core tables of
 * 0001_platform.sql belong to every module in [1, 99] (network, accounts, site) and the demo.
 */
export function tableOwners(files: readonly SourceFile[], migrations: readonly SourceFile[]): Map<string, Set<string>> {
  const ranges: { name: string; from: number; to: number }[] = [];
  for (const f of files) {
    const name = /^src\/modules\/([^/]+)\/index\.ts$/.exec(f.path)?.[1];
    const range = name && /migrationsRange:\s*\[\s*(\d+)\s*,\s*(\d+)\s*\]/.exec(f.text);
    if (name && range) ranges.push({ name, from: Number(range[1]), to: Number(range[2]) });
  }
  const owners = new Map<string, Set<string>>();
  for (const m of migrations) {
    const n = Number(/^migrations\/(\d+)_/.exec(m.path)?.[1] ?? NaN);
    const modules = ranges.filter((r) => n >= r.from && n <= r.to).map((r) => r.name);
    if (modules.some((x) => ranges.find((r) => r.name === x)?.from === 1)) modules.push(...CORE_SEEDERS);
    for (const t of m.text.matchAll(/\bcreate\s+table\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)\s*\(/gi)) {
      owners.set(t[1]!.toLowerCase(), new Set(modules));
    }
  }
  return owners;
}

/** Every broken rule, one line each: 'file: what is wrong'. */
export function boundaryViolations(files: readonly SourceFile[], migrations: readonly SourceFile[] = []): string[] {
  const problems: string[] = [];
  const owners = tableOwners(files, migrations);
  for (const file of files) {
    const own = moduleOf(file.path);
    for (const target of importsOf(file)) {
      const theirs = moduleOf(target);
      if (theirs && own !== theirs && target !== `src/modules/${theirs}/index.ts`) {
        problems.push(`${file.path}: imports ${short(target)}, not its module's index.ts`);
      }
      const platformReachesUp = target.startsWith('src/modules/') || target.startsWith('src/ui/');
      if (file.path.startsWith('src/platform/') && platformReachesUp) {
        problems.push(`${file.path}: platform imports ${short(target)}`);
      }
      if ((isView(file.path) || isRoute(file.path)) && isRepository(target)) {
        problems.push(`${file.path}: ${isView(file.path) ? 'view' : 'route'} imports repository ${short(target)}`);
      }
    }
    const code = file.text.replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');
    if (!isRepository(file.path) && !SQL_ALLOWED.has(file.path) && SQL.test(code)) {
      problems.push(`${file.path}: SQL outside a repository`);
    }
    if (isRoute(file.path) && /\.transaction\(\)/.test(code)) {
      problems.push(`${file.path}: route opens a transaction`);
    }
    if (isSeed(file.path) && own) {
      const written = new Set(WRITES.flatMap((re) => [...code.matchAll(re)].map((m) => m[1]!.toLowerCase())));
      for (const table of [...written].sort()) {
        const tableOwners = owners.get(table);
        if (tableOwners && !tableOwners.has(own)) {
          problems.push(`${file.path}: seed writes ${[...tableOwners].join('/')}'s table ${table}`);
        }
      }
    }
  }
  return problems;
}
