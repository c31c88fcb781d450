// Test data for the insight module: organisations whose participants answered ONS4 at the
// start and later, written through the evidence write path (so the triggers keep summaries).
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { ONS4 } from '../../evidence/index.ts';
import { insertAssessments, insertParticipants } from '../../evidence/index.ts';

let seq = 0;

/** Adds people to an organisation with a first and a later ONS4 (life satisfaction first → first + change). */
export async function addPairedPeople(
  db: Kysely<DB>,
  orgId: string,
  changes: readonly number[],
  o: { network?: boolean; start?: number; followUp?: boolean } = {},
): Promise<string[]> {
  const start = o.start ?? 4;
  return db.transaction().execute(async (tx) => {
    const codes = changes.map(() => `T${++seq}`);
    const added = await insertParticipants(
      tx,
      orgId,
      codes.map((code) => ({
        code,
        firstName: '',
        ageBand: '',
        gender: '',
        ethnicity: '',
        mainSubstances: [],
        localAuthority: '',
        consents: [
          { kind: 'record' as const, given: true, decidedOn: '2025-01-01', wordingVersion: 't' },
          { kind: 'network' as const, given: o.network ?? true, decidedOn: '2025-01-01', wordingVersion: 't' },
        ],
      })),
      null,
    );
    const answers = (ls: number) => ({ ons4_satis: ls, ons4_worth: 5, ons4_happy: 5, ons4_anxious: 5 });
    const rows = codes.flatMap((code, i) => {
      const id = added.get(code)!;
      const first = {
        participantId: id,
        participantCode: code,
        definition: ONS4,
        assessedOn: '2025-01-10',
        timePoint: 'start',
        responses: answers(start),
        source: 'import' as const,
        recordedBy: null,
      };
      const later = {
        ...first,
        assessedOn: '2025-07-10',
        timePoint: 'review',
        responses: answers(Math.max(0, Math.min(10, start + changes[i]!))),
      };
      return o.followUp === false ? [first] : [first, later];
    });
    await insertAssessments(tx, orgId, rows);
    return [...added.values()];
  });
}

export async function addSessions(
  db: Kysely<DB>,
  orgId: string,
  sessions: { on: string; attendance: number; hours: number }[],
): Promise<void> {
  const type = await sql<{
    id: string;
  }>`insert into evidence_activity_types (org_id, name) values (${orgId}, ${`Group ${++seq}`}) returning id`.execute(
    db,
  );
  for (const s of sessions) {
    await sql`insert into evidence_activities (org_id, activity_type_id, held_on, attendance, volunteer_hours, natural_key)
      values (${orgId}, ${type.rows[0]!.id}, ${s.on}, ${s.attendance}, ${s.hours}, ${`s-${++seq}`})`.execute(db);
  }
}
