// Retention use cases: the lead's rule, the daily job that reports who is past it and, once the
// notice has passed, erases them through the participant erasure use case, and the lead's
// decisions on the list (keep with a reason, or erase now). Once-only by the database: one open
// batch per organisation (a unique index), and erasure claims the batch row before it starts.
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { todayInUk } from '../../../platform/time.ts';
import { formatCalendarDate, formatDate } from '../../../ui/format.ts';
import { eraseParticipant, eraseParticipantWithin } from '../participants/participants.service.ts';
import * as repo from './retention.repository.ts';
import { leadEmailsOf } from '../../network/index.ts';

/** The choices a lead has: null is off. */
export const RETENTION_CHOICES = [null, 2, 3, 6, 7] as const;
export type RetentionYears = (typeof RETENTION_CHOICES)[number];
/** With no rule saved: six years after the last activity (docs/DPIA.md says why). */
export const DEFAULT_RETENTION_YEARS = 6;
/** How long the leads have between the report and the erasure. */
export const NOTICE_DAYS = 30;
/** A lead's "keep" holds for a year; then the person is listed again if still past the rule. */
export const KEEP_DAYS = 365;

const DAY_MS = 86_400_000;

export function effectiveYears(saved: number | null | undefined): number | null {
  return saved === undefined ? DEFAULT_RETENTION_YEARS : saved;
}

/** The last day of activity that is past a rule of `years`, as of `now` (UK dates). */
export function cutoffFor(years: number, now: Date): string {
  return DateTime.fromISO(todayInUk(now)).minus({ years }).toISODate()!;
}

export interface RetentionRunResult {
  reported: { orgId: string; batchId: string; people: number }[];
  erased: { orgId: string; batchId: string; people: number }[];
}

/** The daily job: for each organisation, report a new batch or finish the one waiting. */
export async function applyRetention(deps: Deps, now: Date = new Date()): Promise<RetentionRunResult> {
  const result: RetentionRunResult = { reported: [], erased: [] };
  for (const org of await repo.listOrgsToCheck(deps.db)) {
    const years = effectiveYears(org.inactive_years);
    const open = await repo.findOpenBatch(deps.db, org.org_id);
    if (open) {
      const erased = await finishBatch(deps, org, open.id, years, now);
      if (erased !== undefined) result.erased.push({ orgId: org.org_id, batchId: open.id, people: erased });
    } else if (years !== null) {
      const reported = await reportBatch(deps, org, years, now);
      if (reported) result.reported.push({ orgId: org.org_id, ...reported });
    }
  }
  return result;
}

async function reportBatch(deps: Deps, org: repo.RuleRow, years: number, now: Date) {
  const cutoffOn = cutoffFor(years, now);
  const eraseAfter = new Date(now.getTime() + NOTICE_DAYS * DAY_MS);
  const batch = await deps.db.transaction().execute(async (tx) => {
    const people = await repo.participantsPastRule(
      tx,
      org.org_id,
      cutoffOn,
      new Date(now.getTime() - KEEP_DAYS * DAY_MS),
    );
    if (people.length === 0) return undefined;
    const batchId = await repo.insertOpenBatch(tx, {
      orgId: org.org_id,
      inactiveYears: years,
      cutoffOn,
      reportedAt: now,
      eraseAfter,
    });
    if (!batchId) return undefined; // another run wrote it
    await repo.insertBatchPeople(tx, org.org_id, batchId, people);
    await recordAudit(tx, {
      orgId: org.org_id,
      actorId: null,
      action: 'retention.reported',
      subjectType: 'retention_batch',
      subjectId: batchId,
      detail: { people: people.length, inactive_years: years, erase_after: eraseAfter.toISOString() },
    });
    const oldest = people.reduce((a, p) => (p.last_activity < a ? p.last_activity : a), people[0]!.last_activity);
    return { batchId, people: people.length, oldest };
  });
  if (!batch) return undefined;
  const link = `${deps.config.publicUrl}/orgs/${org.slug}/retention/batches/${batch.batchId}`;
  const who = batch.people === 1 ? '1 person' : `${batch.people} people`;
  await mailLeads(deps, org.org_id, {
    subject: `${org.name}: ${who} will be erased on ${formatDate(eraseAfter)}`,
    text: [
      `Hello,`,
      ``,
      `${org.name} keeps a participant's record for ${years} years after the last time anything happened with them (a questionnaire, a consent decision, a self-completion link used, or the day the record was made).`,
      ``,
      `${who} had nothing happen since ${formatCalendarDate(cutoffOn)} or before. The longest gap goes back to ${formatCalendarDate(batch.oldest)}.`,
      ``,
      `Their records will be erased for good on ${formatDate(eraseAfter)}, unless you keep them.`,
      ``,
      `See the list, keep someone (with a reason) or erase them now:`,
      link,
      ``,
      `Anyone with new activity before then is taken off the list by itself.`,
    ].join('\n'),
  });
  return { batchId: batch.batchId, people: batch.people };
}

/** Drops people with new activity; once the notice has passed, erases those still due. */
async function finishBatch(
  deps: Deps,
  org: repo.RuleRow,
  batchId: string,
  years: number | null,
  now: Date,
): Promise<number | undefined> {
  const erased = await deps.db.transaction().execute(async (tx) => {
    await repo.dropActiveMembers(tx, org.org_id, batchId);
    if (!(await repo.claimBatchForErasure(tx, org.org_id, batchId, now))) return undefined;
    // The rule as it is now: turned off, nobody goes; made longer, fewer go.
    const due = years === null ? [] : await repo.dueMembers(tx, org.org_id, batchId, cutoffFor(years, now));
    let n = 0;
    for (const participantId of due) {
      if (await eraseParticipantWithin(tx, null, org.org_id, participantId, { reason: 'retention', batch: batchId }))
        n++;
    }
    await repo.dropRemaining(tx, org.org_id, batchId);
    await repo.setErasedCount(tx, org.org_id, batchId, n);
    await recordAudit(tx, {
      orgId: org.org_id,
      actorId: null,
      action: 'retention.erased',
      subjectType: 'retention_batch',
      subjectId: batchId,
      detail: { people: n },
    });
    return n;
  });
  if (erased === undefined) return undefined;
  const who = erased === 1 ? '1 person' : `${erased} people`;
  await mailLeads(deps, org.org_id, {
    subject: `${org.name}: ${who} erased under your retention rule`,
    text: [
      `Hello,`,
      ``,
      `The notice has passed, so the records of ${who} past ${org.name}'s retention rule have been erased for good.`,
      `Anyone you kept, or who had new activity, was left alone.`,
      ``,
      `Your retention rule and past erasures: ${deps.config.publicUrl}/orgs/${org.slug}/retention`,
    ].join('\n'),
  });
  return erased;
}

async function mailLeads(deps: Deps, orgId: string, message: { subject: string; text: string }) {
  for (const to of await leadEmailsOf(deps.db, orgId)) await deps.mailer.send({ to, ...message });
}

// ---- the lead's pages ----

export async function loadRetentionPage(deps: Deps, org: OrgTarget) {
  const [rule, open, past] = await Promise.all([
    repo.findRule(deps.db, org.id),
    repo.findOpenBatch(deps.db, org.id),
    repo.listFinishedBatches(deps.db, org.id, 10),
  ]);
  const saved = rule ? rule.inactive_years : undefined;
  return {
    org,
    years: effectiveYears(saved),
    isDefault: saved === undefined,
    open: open ? { ...open, counts: await statusCounts(deps.db, org.id, open.id) } : undefined,
    past: past.map((b) => ({
      id: b.id,
      reportedAt: b.reported_at,
      finishedAt: b.finished_at!,
      erased: b.erased_count ?? 0,
    })),
  };
}
export type RetentionPageView = Awaited<ReturnType<typeof loadRetentionPage>>;

async function statusCounts(db: Kysely<DB>, orgId: string, batchId: string) {
  const rows = await repo.countBatchPeople(db, orgId, batchId);
  const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { due: n('due'), kept: n('kept'), dropped: n('dropped') };
}

export async function saveRetentionRule(
  db: Kysely<DB>,
  actor: SignedInActor,
  org: OrgTarget,
  years: RetentionYears,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await repo.saveRule(tx, org.id, years, actor.personId);
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'retention.rule_changed',
      subjectType: 'organisation',
      subjectId: org.id,
      detail: { inactive_years: years },
    });
  });
}

export async function loadBatchPage(deps: Deps, org: OrgTarget, batchId: string) {
  const batch = await repo.findBatch(deps.db, org.id, batchId);
  if (!batch) throw notFound('list');
  const people = await repo.listBatchPeople(deps.db, org.id, batchId);
  return {
    org,
    batch: {
      id: batch.id,
      reportedAt: batch.reported_at,
      eraseAfter: batch.erase_after,
      cutoffOn: batch.cutoff_on,
      years: batch.inactive_years,
      open: batch.finished_at === null,
      erased: batch.erased_count,
    },
    people: people.map((p) => ({
      id: p.participant_id,
      code: p.code,
      lastActivity: p.last_activity,
      status: p.status as 'due' | 'kept' | 'dropped',
      keptReason: p.kept_reason,
    })),
  };
}
export type BatchPageView = Awaited<ReturnType<typeof loadBatchPage>>;

async function openMemberOrThrow(db: Kysely<DB>, org: OrgTarget, batchId: string, participantId: string) {
  const batch = await repo.findBatch(db, org.id, batchId);
  const member = batch && (await repo.findBatchMember(db, org.id, batchId, participantId));
  if (!batch || !member) throw notFound('person');
  if (batch.finished_at !== null) throw new AppError('conflict', 'This list has been dealt with already.');
  return member;
}

/** Keeps one person off this batch (and the next year's), with the lead's reason. Audited. */
export async function keepFromErasure(
  db: Kysely<DB>,
  actor: SignedInActor,
  org: OrgTarget,
  batchId: string,
  participantId: string,
  reason: string,
): Promise<void> {
  await openMemberOrThrow(db, org, batchId, participantId);
  await db.transaction().execute(async (tx) => {
    if (!(await repo.keepMember(tx, org.id, batchId, participantId, reason, actor.personId)))
      throw new AppError('conflict', 'This person is no longer waiting to be erased.');
    // The reason stays with the batch row, which goes if the person is ever erased; the
    // audit log says only that they were kept.
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: 'participant.retention_kept',
      subjectType: 'participant',
      subjectId: participantId,
      detail: { batch: batchId },
    });
  });
}

/** Erases one listed person at once, through the one erasure use case. */
export async function eraseListedNow(
  db: Kysely<DB>,
  actor: SignedInActor,
  org: OrgTarget,
  batchId: string,
  participantId: string,
): Promise<void> {
  const member = await openMemberOrThrow(db, org, batchId, participantId);
  if (member.status === 'dropped') throw new AppError('conflict', 'This person had new activity, so is not due.');
  await eraseParticipant(db, actor, org, participantId, { reason: 'retention', batch: batchId });
}

/** For the records of processing: how many organisations keep records for each choice. */
export async function retentionRulesAcrossNetwork(db: Kysely<DB>) {
  const [saved, withParticipants] = await Promise.all([repo.countSavedRules(db), repo.countOrgsWithParticipants(db)]);
  const count = (years: number | null) => Number(saved.find((r) => r.inactive_years === years)?.n ?? 0);
  const savedTotal = saved.reduce((a, r) => a + Number(r.n), 0);
  return {
    choices: RETENTION_CHOICES.map((years) => ({ years, organisations: count(years) })),
    /** Organisations with participants and no saved rule: the default applies to them. */
    onDefault: Math.max(0, withParticipants - savedTotal),
  };
}
