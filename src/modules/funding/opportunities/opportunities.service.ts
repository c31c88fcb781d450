// The board of funding opportunities: adding one, marking interest, and what the pages read.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { isRealDate } from '../domain/deadlines.ts';
import { parseMoney } from '../domain/money.ts';
import { mayAddOpportunity } from '../funding.policy.ts';
import * as repo from './opportunities.repository.ts';

const optionalMoney = z.string().trim().default('').refine((s) => s === '' || parseMoney(s) !== undefined, 'Enter an amount in pounds, like 5,000, or leave it empty');
export const OpportunityForm = z
  .object({
    funder: z.string().trim().min(1, 'Enter the funder').max(200, 'Keep the funder to 200 characters'),
    programme: z.string().trim().min(1, 'Enter the programme or fund').max(200, 'Keep the programme to 200 characters'),
    deadline: z.string().trim().refine((s) => isRealDate(s) && s >= '2000-01-01' && s <= '2100-12-31', 'Enter the deadline as a real date, like 2026-03-31'),
    amount_min: optionalMoney,
    amount_max: optionalMoney,
    eligibility: z.string().trim().max(3000, 'Keep this to 3,000 characters').default(''),
    areas: z.string().trim().max(300, 'Keep the areas to 300 characters').default(''),
    link: z.string().trim().max(500, 'Keep the link to 500 characters').default('').refine((s) => s === '' || /^https?:\/\/[^\s<>"]+$/.test(s), 'Enter a web address starting https://'),
    notes: z.string().trim().max(3000, 'Keep the notes to 3,000 characters').default(''),
  })
  .refine((o) => !o.amount_min || !o.amount_max || parseMoney(o.amount_min)! <= parseMoney(o.amount_max)!, { path: ['amount_max'], message: 'The largest grant should be at least the smallest' });
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
  const byOrg = actor.memberships.find((m) => (m.role === 'lead' || m.role === 'worker') && members.has(m.orgId))?.orgId ?? null;
  return deps.db.transaction().execute(async (tx) => {
    const id = await repo.insertOpportunity(tx, {
      funder: f.funder, programme: f.programme, deadline: f.deadline, amountMinPence: f.amount_min ? parseMoney(f.amount_min)! : null, amountMaxPence: f.amount_max ? parseMoney(f.amount_max)! : null,
      eligibility: f.eligibility, areas: f.areas, link: f.link, notes: f.notes, addedBy: actor.personId, addedByOrg: byOrg,
    });
    await recordAudit(tx, { orgId: byOrg, actorId: actor.personId, action: 'funding.opportunity_added', subjectType: 'funding_opportunity', subjectId: id, detail: {} });
    return id;
  });
}

export async function markInterest(deps: Deps, actor: SignedInActor, org: OrgTarget, opportunityId: string, interested: boolean): Promise<void> {
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
