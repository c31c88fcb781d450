// Papers to government: drafted by coordinators from live figures (the directory's members,
// insight's pooled figures under its own disclosure control), the consultation's common
// ground, and curated quotes; versions kept; commented on and endorsed by member leads.
import type { Actor, SignedInActor } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { findOrgFacts } from '../../directory/index.ts';
import { buildOutsideView } from '../../insight/index.ts';
import { memberOrgIds } from '../consultations/consultations.repository.ts';
import { consensusForPaper } from '../consultations/results.service.ts';
import { canReadSubmission, leadOrgsOf } from '../voice.policy.ts';
import { creditOf, listQuotableWords } from '../words/words.service.ts';
import * as repo from './submissions.repository.ts';
export type { SubmissionRow } from './submissions.repository.ts';

export interface PaperContent {
  title: string;
  addressee: string;
  whoWeAre: { text: string; members: number; regions: string[]; serviceTypes: number };
  evidence: { totals: { label: string; value: string }[]; measures: { name: string; sentence: string }[] };
  agreement: {
    title: string;
    participants: number;
    statements: { text: string; agree: number; votes: number }[];
  } | null;
  voices: { text: string; credit: string }[];
  recommendations: string[];
  savedAt: string;
}

export interface DraftInput {
  title: string;
  addressee: string;
  whoWeAre: string;
  consultationId: string | null;
  voiceIds: string[];
  recommendations: string;
}

async function compose(deps: Deps, actor: Actor, input: DraftInput): Promise<PaperContent> {
  const [facts, outside, quotable] = await Promise.all([
    findOrgFacts(deps.db),
    buildOutsideView(deps.db),
    listQuotableWords(deps),
  ]);
  const agreement = input.consultationId
    ? ((await consensusForPaper(deps, actor, input.consultationId)) ?? null)
    : null;
  const chosen = new Set(input.voiceIds);
  const t = outside.totals;
  return {
    title: input.title,
    addressee: input.addressee,
    whoWeAre: {
      text: input.whoWeAre,
      members: facts.length,
      regions: [...new Set(facts.map((f) => f.region).filter(Boolean))].sort(),
      serviceTypes: new Set(facts.flatMap((f) => f.serviceTypes)).size,
    },
    evidence: {
      totals: [
        { label: 'People supported (with consent to network use)', value: t.participants.display },
        { label: 'Sessions run', value: t.sessions.display },
        { label: 'Volunteer hours', value: t.volunteerHours.display },
      ],
      measures: outside.measures.map((m) => ({
        name: `${m.label.measureName} (${m.label.shortName})`,
        sentence: m.sentence,
      })),
    },
    agreement,
    voices: quotable.filter((w) => chosen.has(w.id)).map((w) => ({ text: w.text, credit: creditOf(w) })),
    recommendations: input.recommendations
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean),
    savedAt: new Date().toISOString(),
  };
}

export async function startPaper(deps: Deps, actor: SignedInActor, input: DraftInput): Promise<string> {
  const content = await compose(deps, actor, input);
  return deps.db.transaction().execute(async (tx) => {
    const id = await repo.insertSubmission(tx, {
      title: input.title,
      addressee: input.addressee,
      consultationId: input.consultationId,
      by: actor.personId,
    });
    await repo.addVersion(tx, id, input, content, actor.personId);
    return id;
  });
}

export async function saveDraft(deps: Deps, actor: SignedInActor, id: string, input: DraftInput): Promise<number> {
  const s = await repo.findSubmission(deps.db, id);
  if (!s) throw notFound('paper');
  if (s.status === 'published') throw new AppError('conflict', 'A published paper is not changed. Start a new one.');
  const content = await compose(deps, actor, input);
  return deps.db.transaction().execute((tx) => repo.addVersion(tx, id, input, content, actor.personId));
}

export async function loadPaper(deps: Deps, actor: Actor, id: string, version?: number) {
  const s = await repo.findSubmission(deps.db, id);
  const members = await memberOrgIds(deps.db);
  if (!s || !canReadSubmission(actor, s, members)) throw notFound('paper');
  const v = version && version >= 1 && version <= s.current_version ? version : s.current_version;
  const content = (await repo.findVersion(deps.db, id, v)) as PaperContent;
  const [endorsers, comments] = await Promise.all([
    repo.listEndorsers(deps.db, id),
    s.status === 'draft' ? repo.listComments(deps.db, id) : Promise.resolve([]),
  ]);
  const leadOf = leadOrgsOf(actor, members);
  return {
    submission: s,
    version: v,
    content,
    endorsers,
    comments,
    canRespond: leadOf.length > 0,
    endorsedByMine: endorsers.some((e) => leadOf.includes(e.org_id)),
  };
}

export async function commentOnPaper(deps: Deps, actor: SignedInActor, id: string, body: string): Promise<void> {
  const s = await repo.findSubmission(deps.db, id);
  const orgs = leadOrgsOf(actor, await memberOrgIds(deps.db));
  if (!s || orgs.length === 0) throw notFound('paper');
  if (s.status !== 'draft') throw new AppError('conflict', 'Comments are for drafts.');
  await repo.insertComment(deps.db, {
    submissionId: id,
    orgId: orgs[0]!,
    version: s.current_version,
    personId: actor.personId,
    body,
  });
}

/** A lead endorses for each member organisation they lead; once per organisation. */
export async function endorsePaper(deps: Deps, actor: SignedInActor, id: string): Promise<void> {
  const s = await repo.findSubmission(deps.db, id);
  const orgs = leadOrgsOf(actor, await memberOrgIds(deps.db));
  if (!s || orgs.length === 0) throw notFound('paper');
  for (const o of orgs) await repo.endorse(deps.db, id, o, actor.personId);
}

export async function publishPaper(deps: Deps, id: string): Promise<void> {
  const s = await repo.findSubmission(deps.db, id);
  if (!s) throw notFound('paper');
  await repo.publish(deps.db, id);
}

export async function listPapersForCoordinators(deps: Deps) {
  return repo.listSubmissions(deps.db, false);
}
export async function listPublishedSubmissions(deps: Deps) {
  return repo.listSubmissions(deps.db, true);
}
export async function draftChoices(deps: Deps, actor: Actor) {
  const { listConsultationsFor } = await import('../consultations/consultations.service.ts');
  const [consultations, quotable] = await Promise.all([listConsultationsFor(deps, actor), listQuotableWords(deps)]);
  return { consultations: consultations.filter((c) => c.row.org_id === null), quotable };
}
