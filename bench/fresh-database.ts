// A fresh database for one bench run on the DATABASE_URL server, dropped at the end, so a run
// never measures or leaves behind another run's data. The role must be allowed to create databases.
import pg from 'pg';

export interface FreshDatabase {
  /** The new database's address: the server's, with its own database name. */
  url: string;
  /** Drops it, disconnecting anyone still on it. */
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, statements: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (const s of statements) await admin.query(s);
  } finally {
    await admin.end();
  }
}

/** `settings` are set on the new database only (`alter database … set`), e.g. auto_explain for one run. */
export async function createFreshDatabase(
  serverUrl: string,
  label: string,
  settings: Record<string, string> = {},
): Promise<FreshDatabase> {
  const name = `rc_bench_${label}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  await onServer(serverUrl, [
    `create database "${name}"`,
    ...Object.entries(settings).map(([k, v]) => `alter database "${name}" set ${k} = '${v.replace(/'/g, "''")}'`),
  ]);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => onServer(serverUrl, [`drop database if exists "${name}" with (force)`]) };
}
