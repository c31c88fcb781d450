// All SQL for instrument definitions: shipped ones synced from the code, licensed ones
// installed by a coordinator (network-wide), and organisations' own measures.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { InstrumentDefinition } from '../domain/instrument-definition.ts';
import { SHIPPED_INSTRUMENTS } from '../domain/shipped-instruments.ts';

export type InstrumentOrigin = 'shipped' | 'licensed' | 'custom';

export interface InstrumentRow {
  id: string;
  orgId: string | null;
  key: string;
  version: string;
  origin: InstrumentOrigin;
  enabled: boolean;
  licenceReference: string;
  definition: InstrumentDefinition;
  createdAt: Date;
}

const COLUMNS = [
  'id',
  'org_id',
  'key',
  'version',
  'origin',
  'enabled',
  'licence_reference',
  'definition',
  'created_at',
] as const;

function toRow(r: {
  id: string;
  org_id: string | null;
  key: string;
  version: string;
  origin: string;
  enabled: boolean;
  licence_reference: string;
  definition: unknown;
  created_at: Date;
}): InstrumentRow {
  return {
    id: r.id,
    orgId: r.org_id,
    key: r.key,
    version: r.version,
    origin: r.origin as InstrumentOrigin,
    enabled: r.enabled,
    licenceReference: r.licence_reference,
    // Validated by parseInstrumentDefinition before it was stored.
    definition: r.definition as InstrumentDefinition,
    createdAt: r.created_at,
  };
}

/** Puts the shipped definitions (and new versions of them) into the table; idempotent. */
export async function syncShippedInstruments(db: Kysely<DB>): Promise<void> {
  await db
    .insertInto('evidence_instruments')
    .values(
      SHIPPED_INSTRUMENTS.map((d) => ({
        scope: 'network',
        key: d.key,
        version: d.version,
        definition: JSON.stringify(d),
        origin: 'shipped',
      })),
    )
    .onConflict((oc) => oc.columns(['key', 'version']).where('org_id', 'is', null).doNothing())
    .execute();
}

/**
 * The instruments an organisation records with: the newest enabled version of each network
 * instrument, and the organisation's own measures.
 */
export async function listInstrumentsForOrg(db: Kysely<DB>, orgId: string): Promise<InstrumentRow[]> {
  const rows = await sql<Parameters<typeof toRow>[0]>`
    select distinct on (coalesce(org_id::text, ''), key) ${sql.join(COLUMNS.map((c) => sql.ref(c)))}
    from evidence_instruments
    where enabled and (org_id is null or org_id = ${orgId})
    order by coalesce(org_id::text, ''), key, created_at desc`.execute(db);
  return rows.rows.map(toRow).sort((a, b) => a.definition.short_name.localeCompare(b.definition.short_name));
}

/** One instrument the organisation may use, by key (newest version) or exact version. */
export async function findInstrumentForOrg(
  db: Kysely<DB>,
  orgId: string,
  key: string,
  version?: string,
): Promise<InstrumentRow | undefined> {
  let q = db
    .selectFrom('evidence_instruments')
    .select(COLUMNS)
    .where('key', '=', key)
    .where((eb) => eb.or([eb('org_id', 'is', null), eb('org_id', '=', orgId)]));
  q = version === undefined ? q.where('enabled', '=', true) : q.where('version', '=', version);
  const row = await q.orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** The exact versions asked for that the organisation may see, in one query, keyed 'key@version'. */
export async function findInstrumentVersionsForOrg(
  db: Kysely<DB>,
  orgId: string,
  versions: readonly { key: string; version: string }[],
): Promise<Map<string, InstrumentRow>> {
  const found = new Map<string, InstrumentRow>();
  if (versions.length === 0) return found;
  const rows = await db
    .selectFrom('evidence_instruments')
    .select(COLUMNS)
    .where((eb) => eb.or([eb('org_id', 'is', null), eb('org_id', '=', orgId)]))
    .where((eb) => eb.or(versions.map((v) => eb.and([eb('key', '=', v.key), eb('version', '=', v.version)]))))
    .orderBy('created_at', 'desc')
    .execute();
  for (const r of rows) if (!found.has(`${r.key}@${r.version}`)) found.set(`${r.key}@${r.version}`, toRow(r));
  return found;
}

export async function listNetworkInstruments(db: Kysely<DB>): Promise<InstrumentRow[]> {
  const rows = await db
    .selectFrom('evidence_instruments')
    .select(COLUMNS)
    .where('org_id', 'is', null)
    .orderBy('key')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toRow);
}

export async function listOrgMeasures(db: Kysely<DB>, orgId: string): Promise<InstrumentRow[]> {
  const rows = await db
    .selectFrom('evidence_instruments')
    .select(COLUMNS)
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toRow);
}

export async function instrumentVersionExists(
  db: Kysely<DB>,
  orgId: string | null,
  key: string,
  version: string,
): Promise<boolean> {
  const q = db.selectFrom('evidence_instruments').select('id').where('key', '=', key).where('version', '=', version);
  const row = await (orgId === null ? q.where('org_id', 'is', null) : q.where('org_id', '=', orgId)).executeTakeFirst();
  return !!row;
}

export async function insertInstrument(
  db: Kysely<DB>,
  i: {
    orgId: string | null;
    definition: InstrumentDefinition;
    origin: InstrumentOrigin;
    licenceReference: string;
    installedBy: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('evidence_instruments')
    .values({
      org_id: i.orgId,
      scope: i.orgId === null ? 'network' : 'organisation',
      key: i.definition.key,
      version: i.definition.version,
      definition: JSON.stringify(i.definition),
      origin: i.origin,
      licence_reference: i.licenceReference,
      installed_by: i.installedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Network instruments only: a coordinator turns one on or off for everyone. */
export async function setNetworkInstrumentEnabled(db: Kysely<DB>, id: string, enabled: boolean): Promise<boolean> {
  const r = await db
    .updateTable('evidence_instruments')
    .set({ enabled })
    .where('id', '=', id)
    .where('org_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
