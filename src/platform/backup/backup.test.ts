// Backup and restore through the `connectors` command, on real databases: the demo network goes
// embedded → file → embedded, embedded → PostgreSQL (move-to-postgres) and PostgreSQL → file →
// PostgreSQL, each compared table by table; damaged, truncated, foreign and newer backups, and a
// target that holds data, are refused and leave the target as it was. The PostgreSQL cases run
// only with TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { runCli } from '../../cli.ts';
import { openDatabase, type DatabaseTarget } from '../db/database.ts';
import { loadConfig } from '../config.ts';
import { MIGRATIONS_DIR } from '../db/migrate.ts';
import { readSequences } from './backup.repository.ts';
import { restoreArchive } from './restore.ts';
import { compareDigests, tableDigests } from './compare.ts';
import { NIGHTLY_BACKUPS_KEPT, writeNightlyBackup } from './nightly-backup.job.ts';
import type { TableDigest } from './archive-format.ts';

const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

let work: string;
let sourceDir: string;
let archive: string;

async function cli(argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { LOG_LEVEL: 'silent', ...env },
    { out: (s) => out.push(s), err: (s) => err.push(s) },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const embedded = (dataDir: string): DatabaseTarget => ({ kind: 'embedded', dataDir });

async function digestsOf(target: DatabaseTarget): Promise<Map<string, TableDigest>> {
  const database = await openDatabase(target);
  try {
    return await tableDigests(database.db);
  } finally {
    await database.close();
  }
}

async function sequencesOf(target: DatabaseTarget) {
  const database = await openDatabase(target);
  try {
    return await database.db.transaction().execute((tx) => readSequences(tx));
  } finally {
    await database.close();
  }
}

function assertSame(a: Map<string, TableDigest>, b: Map<string, TableDigest>) {
  const differ = compareDigests(a, b).filter((r) => !r.same);
  assert.deepEqual(differ, [], 'every table has the same rows and checksum');
  assert.ok(a.size > 50, 'every table of the app is compared');
}

/** Rewrites an archive's uncompressed lines, then fixes the whole-file checksum (so only the edit is wrong). */
async function rewrite(file: string, to: string, edit: (lines: string[]) => void, fixTrailer = true) {
  const lines = gunzipSync(await readFile(file))
    .toString('utf8')
    .replace(/\n$/, '')
    .split('\n');
  edit(lines);
  if (fixTrailer) {
    const h = createHash('sha256');
    for (const l of lines.slice(0, -1)) h.update(l).update('\n');
    const trailer = JSON.parse(lines.at(-1)!);
    lines[lines.length - 1] = JSON.stringify({ ...trailer, sha256: h.digest('hex') });
  }
  await writeFile(to, gzipSync(`${lines.join('\n')}\n`));
}

before(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'rc-backup-'));
  sourceDir = path.join(work, 'source');
  archive = path.join(work, 'demo.jsonl.gz');
  const seeded = await cli(['seed', 'demo'], { DATA_DIR: sourceDir });
  assert.equal(seeded.code, 0, seeded.err);
  // Identity columns move on, so restoring their sequences is tested.
  const database = await openDatabase(embedded(sourceDir));
  try {
    await sql`insert into audit_log (action) values ('backup.test-before')`.execute(database.db);
  } finally {
    await database.close();
  }
  const made = await cli(['backup', archive], { DATA_DIR: sourceDir });
  assert.equal(made.code, 0, made.err);
  assert.match(made.out, /Backup written to .*demo\.jsonl\.gz: \d+ tables, [\d,]+ rows/);
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('embedded → file → embedded', () => {
  const targetDir = () => path.join(work, 'restored');

  test('the backup is complete, left no temporary file, and is not overwritten', async () => {
    assert.deepEqual(
      (await readdir(work)).filter((n) => n.endsWith('.tmp')),
      [],
    );
    const again = await cli(['backup', archive], { DATA_DIR: sourceDir });
    assert.equal(again.code, 1);
    assert.match(again.err, /already exists/);
  });

  test('restores every table, row for row, and the sequences', async () => {
    const restored = await cli(['restore', archive], { DATA_DIR: targetDir() });
    assert.equal(restored.code, 0, restored.err);
    assert.match(restored.out, /Restored demo\.jsonl\.gz .*tables, [\d,]+ rows/);
    assertSame(await digestsOf(embedded(sourceDir)), await digestsOf(embedded(targetDir())));
    assert.deepEqual(await sequencesOf(embedded(targetDir())), await sequencesOf(embedded(sourceDir)));
    const database = await openDatabase(embedded(targetDir()));
    try {
      // The next identity value follows the restored rows rather than clashing with them.
      await sql`insert into audit_log (action) values ('backup.test-after')`.execute(database.db);
      const orgs = await sql<{ n: number }>`select count(*)::int as n from organisations`.execute(database.db);
      assert.ok(orgs.rows[0]!.n > 0);
    } finally {
      await database.close();
    }
  });

  test('refuses a database that holds data, unless --replace', async () => {
    const before = await digestsOf(embedded(targetDir()));
    const refused = await cli(['restore', archive], { DATA_DIR: targetDir() });
    assert.equal(refused.code, 1);
    assert.match(refused.err, /already holds data .*--replace/);
    assertSame(before, await digestsOf(embedded(targetDir())));
    const replaced = await cli(['restore', archive, '--replace'], { DATA_DIR: targetDir() });
    assert.equal(replaced.code, 0, replaced.err);
    assertSame(await digestsOf(embedded(sourceDir)), await digestsOf(embedded(targetDir())));
  });
});

describe('refusals, each leaving the target untouched', () => {
  async function refused(file: string, message: RegExp) {
    const dir = path.join(work, `t-${randomBytes(4).toString('hex')}`);
    const r = await cli(['restore', file], { DATA_DIR: dir });
    assert.equal(r.code, 1, r.out);
    assert.match(r.err, message);
    // The file is checked before the database is opened: not even an empty one was made.
    assert.equal(existsSync(dir), false);
  }

  test('a changed byte in a row: its table fails its checksum', async () => {
    const file = path.join(work, 'changed-row.jsonl.gz');
    await rewrite(archive, file, (lines) => {
      const i = lines.findIndex((l) => l.startsWith('["'));
      lines[i] = lines[i]!.replace(/[a-z]/, (c) => (c === 'a' ? 'b' : 'a'));
    });
    await refused(file, /damaged: the rows of table \w+ do not match their checksum/);
  });

  test('a flipped byte in the compressed file', async () => {
    const bytes = Buffer.from(await readFile(archive));
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    const file = path.join(work, 'flipped.jsonl.gz');
    await writeFile(file, bytes);
    await refused(file, /damaged/);
  });

  test('a truncated file', async () => {
    const bytes = await readFile(archive);
    const file = path.join(work, 'truncated.jsonl.gz');
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await refused(file, /ends too early/);
  });

  test('a file cut at a line boundary (complete gzip, no trailer)', async () => {
    const file = path.join(work, 'no-trailer.jsonl.gz');
    await rewrite(archive, file, (lines) => lines.splice(lines.length - 3), false);
    await refused(file, /ends too early/);
  });

  test('a file that is not a backup', async () => {
    const file = path.join(work, 'notes.txt');
    await writeFile(file, 'Shopping: milk, bread\n');
    await refused(file, /not a Recovery Connectors backup/);
    const gz = path.join(work, 'other.gz');
    await writeFile(gz, gzipSync('{"hello":"world"}\n'));
    await refused(gz, /not a Recovery Connectors backup/);
  });

  test('a backup from a newer schema', async () => {
    const file = path.join(work, 'newer.jsonl.gz');
    await rewrite(archive, file, (lines) => {
      const header = JSON.parse(lines[0]!);
      header.migrations.push({ version: 9990, name: '9990_from_the_future' });
      lines[0] = JSON.stringify(header);
    });
    await refused(file, /newer version of Recovery Connectors.*9990_from_the_future/);
  });
});

describe('an older backup into a newer installation', () => {
  /** This installation's migrations and one more, as the next version would ship. */
  async function withOneMore(sqlText: string): Promise<string> {
    const dir = path.join(work, `migrations-${randomBytes(4).toString('hex')}`);
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await writeFile(path.join(dir, '9990_backup_test.sql'), sqlText);
    return dir;
  }

  test('runs the newer migrations over the restored rows', async () => {
    const migrationsDir = await withOneMore(
      "alter table organisations add column backup_note text not null default 'new';\n" +
        "update organisations set backup_note = 'migrated';\n",
    );
    const database = await openDatabase({ kind: 'embedded' });
    try {
      const s = await restoreArchive(database.db, archive, { migrationsDir });
      assert.deepEqual(s.migratedAfter, ['9990_backup_test']);
      const notes = await sql<{ note: string }>`select distinct backup_note as note from organisations`.execute(
        database.db,
      );
      assert.deepEqual(notes.rows, [{ note: 'migrated' }]);
    } finally {
      await database.close();
    }
  });

  test('a restore that fails part way leaves the database exactly as it was', async () => {
    const migrationsDir = await withOneMore('alter table no_such_table add column x int;\n');
    const database = await openDatabase({ kind: 'embedded' });
    try {
      await restoreArchive(database.db, archive);
      const before = await tableDigests(database.db);
      await assert.rejects(restoreArchive(database.db, archive, { migrationsDir, replace: true }), /no_such_table/);
      assertSame(before, await tableDigests(database.db));
    } finally {
      await database.close();
    }
  });
});

describe('the nightly backup', () => {
  test(`writes into DATA_DIR/backups and keeps the newest ${NIGHTLY_BACKUPS_KEPT}`, async () => {
    const database = await openDatabase(embedded(sourceDir));
    const config = loadConfig({ SESSION_SECRET: 'x'.repeat(32), DATA_DIR: sourceDir });
    try {
      for (let night = 1; night <= 4; night++) {
        await writeNightlyBackup({ db: database.db, config }, new Date(Date.UTC(2026, 11, night, 2, 20)), 3);
      }
    } finally {
      await database.close();
    }
    const kept = (await readdir(path.join(sourceDir, 'backups'))).sort();
    assert.deepEqual(kept, [
      'backup-2026-12-02T022000Z.jsonl.gz',
      'backup-2026-12-03T022000Z.jsonl.gz',
      'backup-2026-12-04T022000Z.jsonl.gz',
    ]);
    const dir = path.join(work, 'from-nightly');
    const r = await cli(['restore', path.join(sourceDir, 'backups', kept[2]!)], { DATA_DIR: dir });
    assert.equal(r.code, 0, r.err);
    assertSame(await digestsOf(embedded(sourceDir)), await digestsOf(embedded(dir)));
  });
});

describe('PostgreSQL', { skip: testDatabaseUrl ? false : 'set TEST_DATABASE_URL' }, () => {
  const made: string[] = [];
  async function emptyDatabase(): Promise<string> {
    const name = `rc_backup_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    made.push(name);
    const u = new URL(testDatabaseUrl!);
    u.pathname = `/${name}`;
    return u.toString();
  }
  after(async () => {
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    for (const name of made) await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  let moved: string;

  test('move-to-postgres copies the embedded installation and checks every table', async () => {
    moved = await emptyDatabase();
    const r = await cli(['move-to-postgres', moved], { DATA_DIR: sourceDir });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /all [\d,]+ tables match/);
    assertSame(await digestsOf(embedded(sourceDir)), await digestsOf({ kind: 'postgres', url: moved }));
    assert.deepEqual(await sequencesOf({ kind: 'postgres', url: moved }), await sequencesOf(embedded(sourceDir)));
    const again = await cli(['move-to-postgres', moved], { DATA_DIR: sourceDir });
    assert.equal(again.code, 1);
    assert.match(again.err, /already holds data/);
  });

  test('PostgreSQL → file → PostgreSQL', async () => {
    const file = path.join(work, 'from-postgres.jsonl.gz');
    const b = await cli(['backup', file], { DATABASE_URL: moved });
    assert.equal(b.code, 0, b.err);
    const second = await emptyDatabase();
    const r = await cli(['restore', file], { DATABASE_URL: second });
    assert.equal(r.code, 0, r.err);
    assertSame(await digestsOf({ kind: 'postgres', url: moved }), await digestsOf({ kind: 'postgres', url: second }));
    // And a PostgreSQL backup restores into the embedded engine as well.
    const dir = path.join(work, 'back-to-embedded');
    const e = await cli(['restore', file], { DATA_DIR: dir });
    assert.equal(e.code, 0, e.err);
    assertSame(await digestsOf(embedded(sourceDir)), await digestsOf(embedded(dir)));
    const refused = await cli(['restore', file], { DATABASE_URL: second });
    assert.equal(refused.code, 1);
    assert.match(refused.err, /already holds data/);
    assert.ok(existsSync(file));
  });
});
