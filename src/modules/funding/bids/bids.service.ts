// Consortium bids: one use case per function. Each loads the bid from the acting organisation's
// place in it and checks the policy before anything else, answering "not found" for a bid the
// organisation may not see, so ids leak nothing.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { checkBudget } from '../domain/budget.ts';
import { formatMoney } from '../domain/money.ts';
import { canOnBid, type BidAction } from '../funding.policy.ts';
import * as repo from './bids.repository.ts';

export type LoadedBid = NonNullable<Awaited<ReturnType<typeof repo.findBidFor>>>;

/** The bid as this organisation may act on it, or not found. */
export async function loadBid(db: Kysely<DB>, org: OrgTarget, bidId: string, action: BidAction): Promise<LoadedBid> {
  const found = /^[0-9a-f-]{36}$/i.test(bidId) ? await repo.findBidFor(db, org.id, bidId) : undefined;
  if (!found || !canOnBid(found.standing, action)) throw notFound('bid');
  return found;
}

export interface OpenBidInput {
  title: string;
  totalPence: number;
  summary: string;
  role: string;
  opportunityId: string | null;
}

export async function openBid(deps: Deps, actor: SignedInActor, org: OrgTarget, input: OpenBidInput): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const id = await repo.insertBid(tx, { leadOrgId: org.id, createdBy: actor.personId, ...input });
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'funding.bid_opened',
      subjectType: 'funding_bid',
      subjectId: id,
      detail: { title: input.title },
    });
    return id;
  });
}

export async function saveBidDetails(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  bidId: string,
  input: Parameters<typeof repo.updateBid>[3],
): Promise<void> {
  const { bid } = await loadBid(deps.db, org, bidId, 'edit-bid');
  await deps.db.transaction().execute(async (tx) => {
    await repo.updateBid(tx, bid.id, org.id, input);
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'funding.bid_updated',
      subjectType: 'funding_bid',
      subjectId: bid.id,
      detail: { total: input.totalPence },
    });
  });
}

export async function invitePartnerToBid(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  bidId: string,
  input: { partnerSlug: string; role: string },
): Promise<string> {
  const { bid } = await loadBid(deps.db, org, bidId, 'invite');
  const partner = await repo.findMemberBySlug(deps.db, input.partnerSlug);
  if (!partner)
    throw new AppError('validation', 'Choose a member organisation to invite.', {
      partner: 'Choose a member organisation to invite',
    });
  const invited = await deps.db.transaction().execute(async (tx) => {
    const ok = await repo.invitePartner(tx, bid.id, partner.id, input.role);
    if (ok)
      await recordAudit(tx, {
        orgId: org.id,
        actorId: actor.personId,
        action: 'funding.partner_invited',
        subjectType: 'funding_bid',
        subjectId: bid.id,
        detail: { partner: partner.id },
      });
    return ok;
  });
  if (!invited)
    throw new AppError('validation', `${partner.name} is already part of this bid.`, {
      partner: `${partner.name} is already part of this bid`,
    });
  const url = `${deps.config.publicUrl}/orgs/${partner.slug}/funding/bids/${bid.id}`;
  for (const to of await repo.leadEmailsOf(deps.db, partner.id)) {
    await deps.mailer.send({
      to,
      subject: `${org.name} invites you to bid together`,
      text: `${org.name} is leading a bid, "${bid.title}", and would like ${partner.name} to join it${input.role ? ` as ${input.role}` : ''}.\n\nSee the invitation and answer it here: ${url}\n`,
    });
  }
  return partner.name;
}

export async function respondToBid(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  bidId: string,
  accept: boolean,
): Promise<void> {
  const { bid } = await loadBid(deps.db, org, bidId, 'respond');
  await deps.db.transaction().execute(async (tx) => {
    if (!(await repo.respondToInvitation(tx, bid.id, org.id, accept, actor.personId)))
      throw new AppError('conflict', 'This invitation has already been answered.');
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: accept ? 'funding.invitation_accepted' : 'funding.invitation_declined',
      subjectType: 'funding_bid',
      subjectId: bid.id,
      detail: {},
    });
  });
}

/** Saves every partner's line at once; refused, writing nothing, unless they add up to the bid total. */
export async function saveBidBudget(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  bidId: string,
  lines: { orgId: string; description: string; pence: number }[],
): Promise<void> {
  const { bid } = await loadBid(deps.db, org, bidId, 'set-budget');
  const partners = (await repo.listPartners(deps.db, bid.id)).filter(
    (p) => p.status === 'lead' || p.status === 'accepted',
  );
  const names = new Map(partners.map((p) => [p.org_id, p.name]));
  for (const l of lines)
    if (!names.has(l.orgId))
      throw new AppError('validation', 'A budget line can only be for a partner who has accepted.', {
        budget: 'A budget line can only be for a partner who has accepted',
      });
  const check = checkBudget(
    bid.total_pence,
    lines.map((l) => ({ orgId: l.orgId, orgName: names.get(l.orgId)!, pence: l.pence })),
    bid.currency,
  );
  if (!check.ok) throw new AppError('validation', check.message, { budget: check.message });
  await deps.db.transaction().execute(async (tx) => {
    await repo.replaceBudgetLines(
      tx,
      bid.id,
      lines.filter((l) => l.pence > 0 || l.description),
    );
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'funding.budget_saved',
      subjectType: 'funding_bid',
      subjectId: bid.id,
      detail: { total: bid.total_pence },
    });
  });
}

export async function addBidTask(
  deps: Deps,
  org: OrgTarget,
  bidId: string,
  input: { ownerOrgId: string; title: string; dueOn: string | null },
): Promise<void> {
  const { bid } = await loadBid(deps.db, org, bidId, 'add-task');
  const partners = await repo.listPartners(deps.db, bid.id);
  if (!partners.some((p) => p.org_id === input.ownerOrgId && (p.status === 'lead' || p.status === 'accepted'))) {
    throw new AppError('validation', 'Choose a partner in the bid to own the task.', {
      owner: 'Choose a partner in the bid to own the task',
    });
  }
  await repo.insertTask(deps.db, bid.id, input);
}

export async function markBidTask(
  deps: Deps,
  org: OrgTarget,
  bidId: string,
  taskId: string,
  done: boolean,
): Promise<void> {
  const { bid } = await loadBid(deps.db, org, bidId, 'add-task');
  if (!/^[0-9a-f-]{36}$/i.test(taskId) || !(await repo.setTaskDone(deps.db, bid.id, taskId, done)))
    throw notFound('task');
}

/** A new document, or a new version of one (documentKey given); a new version needs signing again. */
export async function addBidDocument(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  bidId: string,
  input: { documentKey: string | null; title: string; body: string },
): Promise<void> {
  const { bid } = await loadBid(deps.db, org, bidId, 'add-document');
  await deps.db.transaction().execute(async (tx) => {
    let key: string = randomUUID();
    let version = 1;
    if (input.documentKey) {
      const existing = /^[0-9a-f-]{36}$/i.test(input.documentKey)
        ? await repo.findDocumentKey(tx, bid.id, input.documentKey)
        : undefined;
      if (!existing) throw notFound('document');
      key = existing.document_key;
      version = Number(existing.latest) + 1;
    }
    try {
      const id = await repo.insertDocumentVersion(tx, {
        bidId: bid.id,
        orgId: org.id,
        documentKey: key,
        version,
        title: input.title,
        body: input.body,
        addedBy: actor.personId,
      });
      await recordAudit(tx, {
        orgId: org.id,
        actorId: actor.personId,
        action: 'funding.document_added',
        subjectType: 'funding_bid_document',
        subjectId: id,
        detail: { version },
      });
    } catch (err) {
      if ((err as { code?: string }).code === '23505')
        throw new AppError(
          'conflict',
          'Someone saved a new version at the same moment. Look at the latest version and try again.',
        );
      throw err;
    }
  });
}

export async function signOffBidDocument(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  bidId: string,
  documentId: string,
): Promise<void> {
  const { bid } = await loadBid(deps.db, org, bidId, 'sign-off');
  const latest = /^[0-9a-f-]{36}$/i.test(documentId)
    ? await repo.findLatestVersion(deps.db, bid.id, documentId)
    : undefined;
  if (!latest)
    throw new AppError(
      'conflict',
      'Only the latest version of a document can be signed off. Look at the latest version and sign that.',
    );
  await deps.db.transaction().execute(async (tx) => {
    if (await repo.insertSignoff(tx, latest.id, org.id, actor.personId)) {
      await recordAudit(tx, {
        orgId: org.id,
        actorId: actor.personId,
        action: 'funding.document_signed_off',
        subjectType: 'funding_bid_document',
        subjectId: latest.id,
        detail: { version: latest.version },
      });
    }
  });
}

export async function addBidNote(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  bidId: string,
  body: string,
): Promise<void> {
  const { bid } = await loadBid(deps.db, org, bidId, 'add-note');
  await repo.insertNote(deps.db, bid.id, org.id, actor.personId, body);
}

/** The partners that share the budget: the lead and those who have accepted. */
export async function listBudgetPartners(db: Kysely<DB>, bidId: string) {
  return (await repo.listPartners(db, bidId)).filter((x) => x.status === 'lead' || x.status === 'accepted');
}

export function budgetStatus(totalPence: number, lines: readonly { pence: number }[], currency: string): string {
  const sum = lines.reduce((s, l) => s + l.pence, 0);
  return sum === totalPence
    ? `The partners' lines add up to the bid total of ${formatMoney(totalPence, currency)}.`
    : `The partners' lines add up to ${formatMoney(sum, currency)} of ${formatMoney(totalPence, currency)}.`;
}
