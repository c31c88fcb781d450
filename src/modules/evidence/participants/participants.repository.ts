// All SQL for reading participants and their consents. Every query is scoped by org_id.
// Writes that change who counts go through evidence.write-path.ts.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export type ConsentKind = 'record' | 'network' | 'contact';
export const CONSENT_KINDS: readonly ConsentKind[] = ['record', 'network', 'contact'];

const PARTICIPANT_COLUMNS = [
  'id',
  'org_id',
  'code',
  'first_name',
  'age_band',
  'gender',
  'ethnicity',
  'main_substances',
  'local_authority',
  'consent_record',
  'consent_network',
  'consent_contact',
  'created_at',
] as const;

export async function findParticipant(db: Kysely<DB>, orgId: string, participantId: string) {
  return db
    .selectFrom('evidence_participants')
    .select(PARTICIPANT_COLUMNS)
    .where('org_id', '=', orgId)
    .where('id', '=', participantId)
    .executeTakeFirst();
}

export type ParticipantRow = NonNullable<Awaited<ReturnType<typeof findParticipant>>>;

export async function findParticipantByCode(db: Kysely<DB>, orgId: string, code: string) {
  return db
    .selectFrom('evidence_participants')
    .select(PARTICIPANT_COLUMNS)
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export interface ParticipantListFilter {
  q?: string | undefined;
  page: number;
  perPage: number;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listParticipants(db: Kysely<DB>, orgId: string, f: ParticipantListFilter) {
  let query = db.selectFrom('evidence_participants as p').where('p.org_id', '=', orgId);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    query = query.where((eb) => eb.or([eb('p.code', 'ilike', like), eb('p.first_name', 'ilike', like)]));
  }
  const [rows, total] = await Promise.all([
    query
      .select(['p.id', 'p.code', 'p.first_name', 'p.consent_record', 'p.consent_network', 'p.created_at'])
      .select((eb) =>
        eb
          .selectFrom('evidence_assessments as a')
          .select((e) => e.fn.max('a.assessed_on').as('d'))
          .whereRef('a.participant_id', '=', 'p.id')
          .where('a.org_id', '=', orgId)
          .as('last_assessed_on'),
      )
      .orderBy(sql`p.code collate "C"`)
      .limit(f.perPage)
      .offset((f.page - 1) * f.perPage)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Which of these codes exist in the organisation. */
export async function existingParticipantCodes(
  db: Kysely<DB>,
  orgId: string,
  codes: readonly string[],
): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('evidence_participants')
    .select('code')
    .where('org_id', '=', orgId)
    .where('code', 'in', [...codes])
    .execute();
  return new Set(rows.map((r) => r.code));
}

export async function participantIdsByCode(
  db: Kysely<DB>,
  orgId: string,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('evidence_participants')
    .select(['id', 'code'])
    .where('org_id', '=', orgId)
    .where('code', 'in', [...codes])
    .execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function listConsents(db: Kysely<DB>, orgId: string, participantId: string) {
  return db
    .selectFrom('evidence_consents as c')
    .leftJoin('people', 'people.id', 'c.recorded_by')
    .select([
      'c.id',
      'c.kind',
      'c.given',
      'c.decided_on',
      'c.wording_version',
      'c.recorded_at',
      'people.display_name as recorded_by_name',
    ])
    .where('c.org_id', '=', orgId)
    .where('c.participant_id', '=', participantId)
    .orderBy('c.id', 'desc')
    .execute();
}

/** A code nobody in the organisation has yet: prefix + four digits, e.g. "LRC-0042". */
/** The next `count` unused generated codes in order (PREFIX-0001…), after the highest in use. */
export async function nextParticipantCodes(
  db: Kysely<DB>,
  orgId: string,
  prefix: string,
  count: number,
): Promise<string[]> {
  const r = await sql<{ n: number | null }>`
    select max(substring(code from ${`^${prefix}-([0-9]{1,9})$`})::int) as n
    from evidence_participants where org_id = ${orgId} and code like ${`${prefix}-%`}`.execute(db);
  const after = r.rows[0]?.n ?? 0;
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(after + 1 + i).padStart(4, '0')}`);
}
