// SQL about the organisation's evidence as a whole.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export async function countEvidence(db: Kysely<DB>, orgId: string) {
  const count = async (table: 'evidence_participants' | 'evidence_assessments' | 'evidence_activities') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [participants, assessments, activities] = await Promise.all([
    count('evidence_participants'),
    count('evidence_assessments'),
    count('evidence_activities'),
  ]);
  return { participants, assessments, activities };
}
