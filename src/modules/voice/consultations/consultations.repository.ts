// All SQL for consultations, statements, participants, votes and the stored analysis.
import { sql, type Kysely } from 'kysely';
import type { DB, Json } from '../../../platform/db/schema.ts';
import type { ColumnValue } from '../../../platform/db/columns.ts';

export interface ConsultationRow {
  id: string;
  org_id: string | null;
  org_name: string | null;
  org_slug: string | null;
  title: string;
  background: string;
  audience: 'link' | 'network' | 'org';
  opens_at: Date;
  closes_at: Date;
  closed_at: Date | null;
  results_visibility: 'after_close' | 'live';
  statements_per_person: number;
  created_at: Date;
}

const consultationColumns = [
  'c.id',
  'c.org_id',
  'o.name as org_name',
  'o.slug as org_slug',
  'c.title',
  'c.background',
  'c.audience',
  'c.opens_at',
  'c.closes_at',
  'c.closed_at',
  'c.results_visibility',
  'c.statements_per_person',
  'c.created_at',
] as const;

export async function memberOrgIds(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db.selectFrom('organisations').select('id').where('status', '=', 'member').execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertConsultation(
  db: Kysely<DB>,
  c: {
    orgId: string | null;
    title: string;
    background: string;
    audience: ColumnValue<'voice_consultations', 'audience'>;
    opensAt: Date;
    closesAt: Date;
    resultsVisibility: ColumnValue<'voice_consultations', 'results_visibility'>;
    statementsPerPerson: number;
    createdBy: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('voice_consultations')
    .values({
      org_id: c.orgId,
      title: c.title,
      background: c.background,
      audience: c.audience,
      opens_at: c.opensAt,
      closes_at: c.closesAt,
      results_visibility: c.resultsVisibility,
      statements_per_person: c.statementsPerPerson,
      created_by: c.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findConsultation(db: Kysely<DB>, id: string): Promise<ConsultationRow | undefined> {
  const row = await db
    .selectFrom('voice_consultations as c')
    .leftJoin('organisations as o', 'o.id', 'c.org_id')
    .select(consultationColumns)
    .where('c.id', '=', id)
    .executeTakeFirst();
  return row as ConsultationRow | undefined;
}

/** Consultations the caller filters by policy: the network's and these organisations' own. */
export async function listConsultations(
  db: Kysely<DB>,
  scope: { orgIds: readonly string[]; includeNetwork: boolean },
): Promise<ConsultationRow[]> {
  let q = db
    .selectFrom('voice_consultations as c')
    .leftJoin('organisations as o', 'o.id', 'c.org_id')
    .select(consultationColumns);
  q = q.where((eb) => {
    const ors = [];
    if (scope.includeNetwork) ors.push(eb('c.org_id', 'is', null));
    if (scope.orgIds.length) ors.push(eb('c.org_id', 'in', scope.orgIds));
    return ors.length ? eb.or(ors) : eb.val(false);
  });
  return (await q.orderBy('c.opens_at', 'desc').limit(200).execute()) as ConsultationRow[];
}

export async function closeConsultation(db: Kysely<DB>, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('voice_consultations')
    .set({ closed_at: at })
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Closes every consultation whose closing time has passed; returns their ids. */
export async function closeDueConsultations(db: Kysely<DB>, now: Date): Promise<string[]> {
  const rows = await db
    .updateTable('voice_consultations')
    .set((eb) => ({ closed_at: eb.ref('closes_at') }))
    .where('closed_at', 'is', null)
    .where('closes_at', '<=', now)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

export interface StatementRow {
  id: string;
  text: string;
  status: 'pending' | 'accepted' | 'rejected';
  reject_reason: string;
  author_participant_id: string | null;
  created_at: Date;
}

export async function insertStatements(
  db: Kysely<DB>,
  consultationId: string,
  orgId: string | null,
  texts: readonly string[],
  status: 'accepted' | 'pending',
  author: string | null = null,
): Promise<string[]> {
  if (texts.length === 0) return [];
  const rows = await db
    .insertInto('voice_statements')
    .values(
      texts.map((text) => ({
        consultation_id: consultationId,
        org_id: orgId,
        text,
        status,
        author_participant_id: author,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function listStatements(
  db: Kysely<DB>,
  consultationId: string,
  status?: StatementRow['status'],
): Promise<StatementRow[]> {
  let q = db
    .selectFrom('voice_statements')
    .select(['id', 'text', 'status', 'reject_reason', 'author_participant_id', 'created_at'])
    .where('consultation_id', '=', consultationId);
  if (status) q = q.where('status', '=', status);
  return (await q.orderBy('created_at').orderBy('id').execute()) as StatementRow[];
}

export async function countStatementsBy(db: Kysely<DB>, participantId: string): Promise<number> {
  const r = await db
    .selectFrom('voice_statements')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('author_participant_id', '=', participantId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function moderateStatement(
  db: Kysely<DB>,
  consultationId: string,
  statementId: string,
  decision: { status: 'accepted' | 'rejected'; reason: string; by: string },
): Promise<boolean> {
  const r = await db
    .updateTable('voice_statements')
    .set({
      status: decision.status,
      reject_reason: decision.reason,
      moderated_by: decision.by,
      moderated_at: new Date(),
    })
    .where('id', '=', statementId)
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---------------------------------------------------------------------------------------------
// Participants and votes
// ---------------------------------------------------------------------------------------------

/** The participant for this person or token, created if new. Safe under concurrent first votes. */
export async function ensureParticipant(
  db: Kysely<DB>,
  consultationId: string,
  orgId: string | null,
  who: { personId: string } | { tokenHash: string },
): Promise<string> {
  const values =
    'personId' in who ? { person_id: who.personId, token_hash: null } : { person_id: null, token_hash: who.tokenHash };
  const conflict =
    'personId' in who ? (['consultation_id', 'person_id'] as const) : (['consultation_id', 'token_hash'] as const);
  const inserted = await db
    .insertInto('voice_participants')
    .values({ consultation_id: consultationId, org_id: orgId, ...values })
    .onConflict((oc) => oc.columns([...conflict]).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  return (await findParticipant(db, consultationId, who))!;
}

export async function findParticipant(
  db: Kysely<DB>,
  consultationId: string,
  who: { personId: string } | { tokenHash: string },
): Promise<string | undefined> {
  let q = db.selectFrom('voice_participants').select('id').where('consultation_id', '=', consultationId);
  q = 'personId' in who ? q.where('person_id', '=', who.personId) : q.where('token_hash', '=', who.tokenHash);
  return (await q.executeTakeFirst())?.id;
}

/** Records a vote; a later vote on the same statement replaces the earlier one. */
export async function upsertVote(
  db: Kysely<DB>,
  v: {
    consultationId: string;
    orgId: string | null;
    statementId: string;
    participantId: string;
    value: -1 | 0 | 1;
    addressHash: string;
  },
): Promise<void> {
  await db
    .insertInto('voice_votes')
    .values({
      consultation_id: v.consultationId,
      org_id: v.orgId,
      statement_id: v.statementId,
      participant_id: v.participantId,
      value: v.value,
      address_hash: v.addressHash,
    })
    .onConflict((oc) =>
      oc
        .columns(['statement_id', 'participant_id'])
        .doUpdateSet({ value: v.value, address_hash: v.addressHash, updated_at: sql`now()` }),
    )
    .execute();
}

export async function votesFromAddressSince(db: Kysely<DB>, addressHash: string, since: Date): Promise<number> {
  const r = await db
    .selectFrom('voice_votes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('address_hash', '=', addressHash)
    .where('updated_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function votesOf(db: Kysely<DB>, participantId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('voice_votes')
    .select(['statement_id', 'value'])
    .where('participant_id', '=', participantId)
    .execute();
  return new Map(rows.map((r) => [r.statement_id, r.value]));
}

/** Every vote on accepted statements: pseudonymous participant ids only. */
export async function readVotes(
  db: Kysely<DB>,
  consultationId: string,
): Promise<{ participant: string; statement: string; value: number }[]> {
  return db
    .selectFrom('voice_votes as v')
    .innerJoin('voice_statements as s', 's.id', 'v.statement_id')
    .select(['v.participant_id as participant', 'v.statement_id as statement', 'v.value'])
    .where('v.consultation_id', '=', consultationId)
    .where('s.status', '=', 'accepted')
    .execute();
}

export async function countVotes(
  db: Kysely<DB>,
  consultationId: string,
): Promise<{ participants: number; votes: number }> {
  const r = await db
    .selectFrom('voice_votes')
    .select((eb) => [
      eb.fn.countAll<string>().as('votes'),
      sql<string>`count(distinct participant_id)`.as('participants'),
    ])
    .where('consultation_id', '=', consultationId)
    .executeTakeFirstOrThrow();
  return { participants: Number(r.participants), votes: Number(r.votes) };
}

export async function saveAnalysis(
  db: Kysely<DB>,
  consultationId: string,
  orgId: string | null,
  votesSeen: number,
  result: unknown,
): Promise<void> {
  const json = JSON.stringify(result) as unknown as Json;
  await db
    .insertInto('voice_analyses')
    .values({ consultation_id: consultationId, org_id: orgId, votes_seen: votesSeen, result: json })
    .onConflict((oc) =>
      oc.column('consultation_id').doUpdateSet({ votes_seen: votesSeen, result: json, computed_at: sql`now()` }),
    )
    .execute();
}

export async function findAnalysis(
  db: Kysely<DB>,
  consultationId: string,
): Promise<{ result: unknown; computed_at: Date; votes_seen: number } | undefined> {
  return db
    .selectFrom('voice_analyses')
    .select(['result', 'computed_at', 'votes_seen'])
    .where('consultation_id', '=', consultationId)
    .executeTakeFirst();
}
