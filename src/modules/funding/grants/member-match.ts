// Members by the identifiers their registered numbers stand for, so grants are matched to
// them exactly (never by name).
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { listMemberRegistrations } from '../../directory/index.ts';
import { identifiersFor } from '../domain/identifiers.ts';

export interface MemberIndex {
  ids: string[];
  byId: Map<string, { orgId: string; slug: string; name: string }>;
}

export async function loadMemberIndex(db: Kysely<DB>): Promise<MemberIndex> {
  const byId = new Map<string, { orgId: string; slug: string; name: string }>();
  for (const m of await listMemberRegistrations(db)) {
    for (const id of identifiersFor(m.charityNumber, m.companyNumber))
      byId.set(id, { orgId: m.orgId, slug: m.slug, name: m.name });
  }
  return { ids: [...byId.keys()], byId };
}
