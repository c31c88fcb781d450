// The board of funding opportunities: adding one, marking interest, and what the pages read.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { isRealDate } from '../domain/deadlines.ts';
import { parseMoney } from '../domain/money.ts';
import { mayAddOpportunity, mayChangeOpportunity } from '../funding.policy.ts';
import * as repo from './opportunities.repository.ts';

const optionalMoney = z
  .string()
  .trim()
  .default('')
  .refine((s) => s === '' || parseMoney(s) !== undefined, 'Enter an amount in pounds, like 5,000, or leave it empty');
export const OpportunityForm = z
  .object({
    funder: z.string().trim().min(1, 'Enter the funder').max(200, 'Keep the funder to 200 characters'),
    programme: z.string().trim().min(1, 'Enter the programme or fund').max(200, 'Keep the programme to 200 characters'),
    deadline: z
      .string()
      .trim()
      .refine(
        (s) => isRealDate(s) && s >= '2000-01-01' && s <= '2100-12-31',
        'Enter the deadline as a real date, like 2026-03-31',
      ),
    amount_min: optionalMoney,
    amount_max: optionalMoney,
    eligibility: z.string().trim().max(3000, 'Keep this to 3,000 characters').default(''),
    areas: z.string().trim().max(300, 'Keep the areas to 300 characters').default(''),
    link: z
      .string()
      .trim()
      .max(500, 'Keep the link to 500 characters')
      .default('')
      .refine((s) => s === '' || /^https?:\/\/[^\s<>"]+$/.test(s), 'Enter a web address starting https://'),
    notes: z.string().trim().max(3000, 'Keep the notes to 3,000 characters').default(''),
  })
  .refine((o) => !o.amount_min || !o.amount_max || parseMoney(o.amount_min)! <= parseMoney(o.amount_max)!, {
    path: ['amount_max'],
    message: 'The largest grant should be at least the smallest',
  });
export type OpportunityFormData = z.infer<typeof OpportunityForm>;

async function memberOrgIds(db: Kysely<DB>, actor: SignedInActor): Promise<Set<string>> {
  const ids = actor.memberships.map((m) => m.orgId);
  if (ids.length === 0) return new Set();
  return new Set(await repo.memberOrgIdsAmong(db, ids));
}

export async function mayAdd(db: Kysely<DB>, actor: SignedInActor): Promise<boolean> {
  return mayAddOpportunity(actor, await memberOrgIds(db, actor));
}

export async function addOpportunity(deps: Deps, actor: SignedInActor, f: OpportunityFormData): Promise<string> {
  const members = await memberOrgIds(deps.db, actor);
  if (!mayAddOpportunity(actor, members)) throw notFound();
  const byOrg =
    actor.memberships.find((m) => (m.role === 'lead' || m.role === 'worker') && members.has(m.orgId))?.orgId ?? null;
  return deps.db.transaction().execute(async (tx) => {
    const id = await repo.insertOpportunity(tx, { ...opportunityFrom(f), addedBy: actor.personId, addedByOrg: byOrg });
    await recordAudit(tx, {
      orgId: byOrg,
      actorId: actor.personId,
      action: 'funding.opportunity_added',
      subjectType: 'funding_opportunity',
      subjectId: id,
      detail: {},
    });
    return id;
  });
}

function opportunityFrom(f: OpportunityFormData): Omit<repo.OpportunityInput, 'addedBy' | 'addedByOrg'> {
  return {
    funder: f.funder,
    programme: f.programme,
    deadline: f.deadline,
    amountMinPence: f.amount_min ? parseMoney(f.amount_min)! : null,
    amountMaxPence: f.amount_max ? parseMoney(f.amount_max)! : null,
    eligibility: f.eligibility,
    areas: f.areas,
    link: f.link,
    notes: f.notes,
  };
}

/** Pounds as a person types them back into the form: "5000", or "5000.50". */
const poundsForForm = (pence: number | null) =>
  pence === null ? '' : pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);

/** An opportunity the signed-in person may change, with its form values; "not found" for anyone else. */
export async function loadChangeableOpportunity(db: Kysely<DB>, actor: SignedInActor, id: string) {
  const o = await repo.findOpportunity(db, id);
  if (!o || !mayChangeOpportunity(actor, { addedBy: o.added_by, addedByOrg: o.added_by_org }))
    throw notFound('opportunity');
  const values: Record<string, string> = {
    funder: o.funder,
    programme: o.programme,
    deadline: o.deadline,
    amount_min: poundsForForm(o.amount_min_pence),
    amount_max: poundsForForm(o.amount_max_pence),
    eligibility: o.eligibility,
    areas: o.areas,
    link: o.link,
    notes: o.notes,
  };
  return {
    id: o.id,
    title: `${o.funder}: ${o.programme}`,
    interestedCount: (await repo.listInterested(db, o.id)).length,
    values,
  };
}

/** Whether the signed-in person may change or remove this opportunity (for the page's links). */
export function mayChange(actor: SignedInActor, o: { added_by: string | null; added_by_org: string | null }): boolean {
  return mayChangeOpportunity(actor, { addedBy: o.added_by, addedByOrg: o.added_by_org });
}

export async function changeOpportunity(
  deps: Deps,
  actor: SignedInActor,
  id: string,
  f: OpportunityFormData,
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const o = await repo.findOpportunity(tx, id);
    if (!o || !mayChangeOpportunity(actor, { addedBy: o.added_by, addedByOrg: o.added_by_org }))
      throw notFound('opportunity');
    const next = opportunityFrom(f);
    await repo.updateOpportunity(tx, o.id, next);
    if (next.deadline !== o.deadline) await repo.forgetReminders(tx, o.id);
    await recordAudit(tx, {
      orgId: o.added_by_org,
      actorId: actor.personId,
      action: 'funding.opportunity_changed',
      subjectType: 'funding_opportunity',
      subjectId: o.id,
      detail: {
        before: { funder: o.funder, programme: o.programme, deadline: o.deadline },
        after: { funder: next.funder, programme: next.programme, deadline: next.deadline },
      },
    });
  });
}

export async function removeOpportunity(deps: Deps, actor: SignedInActor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const o = await repo.findOpportunity(tx, id);
    if (!o || !mayChangeOpportunity(actor, { addedBy: o.added_by, addedByOrg: o.added_by_org }))
      throw notFound('opportunity');
    if (!(await repo.deleteOpportunity(tx, o.id))) throw notFound('opportunity');
    await recordAudit(tx, {
      orgId: o.added_by_org,
      actorId: actor.personId,
      action: 'funding.opportunity_removed',
      subjectType: 'funding_opportunity',
      subjectId: o.id,
      detail: { funder: o.funder, programme: o.programme, deadline: o.deadline },
    });
  });
}

export async function markInterest(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  opportunityId: string,
  interested: boolean,
): Promise<void> {
  const o = await repo.findOpportunity(deps.db, opportunityId);
  if (!o) throw notFound('opportunity');
  await repo.setInterest(deps.db, o.id, org.id, actor.personId, interested);
}

export const listBoard = repo.listOpportunities;
export const findOne = repo.findOpportunity;
export const interestedIn = repo.listInterested;
export const listAllDeadlines = repo.listDeadlines;

/** The signed-in person's member organisations where they may mark interest, and whether each has. */
export async function myOrgsFor(db: Kysely<DB>, actor: SignedInActor, opportunityId: string) {
  const members = await memberOrgIds(db, actor);
  const interested = new Set((await repo.listInterested(db, opportunityId)).map((i) => i.id));
  return actor.memberships
    .filter((m) => (m.role === 'lead' || m.role === 'worker') && members.has(m.orgId))
    .map((m) => ({ slug: m.orgSlug, name: m.orgName, interested: interested.has(m.orgId) }));
}
