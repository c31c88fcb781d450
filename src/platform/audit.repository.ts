// The audit log: every view or export of personal data, and every change to who can see it.
// Leads read their organisation's entries.
import type { Kysely } from 'kysely';
import type { DB, Json } from './db/schema.ts';

export interface AuditEntry {
  orgId: string | null;
  actorId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  detail?: Record<string, Json>;
  ip?: string;
}

export async function recordAudit(db: Kysely<DB>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      org_id: entry.orgId,
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType ?? '',
      subject_id: entry.subjectId ?? '',
      detail: JSON.stringify(entry.detail ?? {}),
      ip: entry.ip ?? '',
    })
    .execute();
}

export async function listAuditForOrg(db: Kysely<DB>, orgId: string, limit = 100, offset = 0) {
  return db
    .selectFrom('audit_log')
    .leftJoin('people', 'people.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.action',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'audit_log.detail',
      'audit_log.at',
      'people.display_name as actor_name',
    ])
    .where('audit_log.org_id', '=', orgId)
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}
