// Questions answered by peers: ask, answer, "this helped", accept, report and hide, follow tags.
import type { Actor, SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { renderMarkdown } from '../domain/markdown.ts';
import { parseQuestionTags } from '../domain/tags.ts';
import { moderate } from '../learning.policy.ts';
import { viewerOf, type Viewer } from '../membership.ts';
import * as repo from './questions.repository.ts';

/** Questions are between members: anyone else is told the page is missing. */
async function memberViewer(deps: Deps, actor: Actor): Promise<Viewer & { actor: SignedInActor }> {
  const viewer = await viewerOf(deps, actor);
  if (!viewer.member || !viewer.actor) throw notFound('page');
  return viewer as Viewer & { actor: SignedInActor };
}

/** The organisation a person writes for: the one they chose, else their first member organisation. */
function writingOrg(viewer: Viewer & { actor: SignedInActor }, chosen?: string): string {
  const orgs = viewer.actor.memberships.filter((m) => viewer.memberOrgIds.has(m.orgId)).map((m) => m.orgId);
  const org = chosen && orgs.includes(chosen) ? chosen : orgs[0];
  if (!org)
    throw new AppError(
      'forbidden',
      'Questions and answers are written on behalf of a member organisation. Ask to join one first.',
    );
  return org;
}

export async function loadQuestionsPage(
  deps: Deps,
  actor: Actor,
  o: { unanswered: boolean; tag?: string | undefined },
) {
  const viewer = await memberViewer(deps, actor);
  const [rows, following] = await Promise.all([
    repo.listQuestions(deps.db, { unansweredOnly: o.unanswered, tag: o.tag, includeHidden: false, limit: 100 }),
    repo.followedTags(deps.db, viewer.actor.personId),
  ]);
  return {
    unanswered: o.unanswered,
    tag: o.tag,
    following,
    questions: rows.map((r) => ({
      id: r.id,
      title: r.title,
      tags: r.tags,
      askedAt: r.created_at,
      orgName: r.org_name,
      answers: r.answers ?? 0,
      solved: r.accepted_answer_id !== null,
    })),
  };
}

export async function loadQuestionPage(deps: Deps, actor: Actor, id: string) {
  const viewer = await memberViewer(deps, actor);
  const q = await repo.findQuestion(deps.db, id);
  const moderator = moderate(viewer.actor);
  if (!q || (q.hidden && !moderator)) throw notFound('question');
  const answers = (await repo.listAnswers(deps.db, q.id, viewer.actor.personId)).filter((a) => moderator || !a.hidden);
  // The accepted answer first, then the most helpful, then the oldest.
  answers.sort(
    (a, b) =>
      Number(b.id === q.accepted_answer_id) - Number(a.id === q.accepted_answer_id) ||
      (b.helped ?? 0) - (a.helped ?? 0) ||
      a.created_at.getTime() - b.created_at.getTime(),
  );
  const mine = q.person_id === viewer.actor.personId;
  return {
    id: q.id,
    title: q.title,
    bodyHtml: renderMarkdown(q.body),
    tags: q.tags,
    askedBy: q.asker_name ?? 'Someone no longer here',
    orgName: q.org_name,
    askedAt: q.created_at,
    hidden: q.hidden,
    mine,
    moderator,
    answers: answers.map((a) => ({
      id: a.id,
      bodyHtml: renderMarkdown(a.body),
      by: a.author_name ?? 'Someone no longer here',
      orgName: a.org_name,
      at: a.created_at,
      helped: a.helped ?? 0,
      helpedByMe: Boolean(a.helped_by_me),
      accepted: a.id === q.accepted_answer_id,
      hidden: a.hidden,
      mine: a.person_id === viewer.actor.personId,
    })),
  };
}

export async function askQuestion(
  deps: Deps,
  actor: Actor,
  input: { title: string; body: string; tags: string; org?: string | undefined },
) {
  const viewer = await memberViewer(deps, actor);
  const orgId = writingOrg(viewer, input.org);
  const tags = parseQuestionTags(input.tags);
  const id = await deps.db
    .transaction()
    .execute((tx) =>
      repo.insertQuestion(tx, { orgId, personId: viewer.actor.personId, title: input.title, body: input.body, tags }),
    );
  // After the transaction: mail is network I/O and never held inside one.
  const followers = await repo.followersOf(deps.db, tags, viewer.actor.personId);
  for (const to of followers) {
    await deps.mailer.send({
      to,
      subject: `A new question in the network: ${input.title}`,
      text: `Someone asked a question tagged ${tags.join(', ')}. Can you help?\n\n${input.title}\n\n${deps.config.publicUrl}/learning/questions/${id}\n\nYou get this because you follow these tags. Change what you follow at ${deps.config.publicUrl}/learning/questions.\n`,
    });
  }
  return id;
}

async function visibleQuestion(deps: Deps, viewer: Viewer & { actor: SignedInActor }, id: string) {
  const q = await repo.findQuestion(deps.db, id);
  if (!q || (q.hidden && !moderate(viewer.actor))) throw notFound('question');
  return q;
}

export async function answerQuestion(deps: Deps, actor: Actor, questionId: string, body: string) {
  const viewer = await memberViewer(deps, actor);
  const q = await visibleQuestion(deps, viewer, questionId);
  const orgId = writingOrg(viewer);
  return deps.db
    .transaction()
    .execute((tx) => repo.insertAnswer(tx, { orgId, questionId: q.id, personId: viewer.actor.personId, body }));
}

export async function markHelped(deps: Deps, actor: Actor, questionId: string, answerId: string) {
  const viewer = await memberViewer(deps, actor);
  await visibleQuestion(deps, viewer, questionId);
  const a = await repo.findAnswer(deps.db, answerId);
  if (!a || a.question_id !== questionId || a.hidden) throw notFound('answer');
  if (a.person_id === viewer.actor.personId)
    throw new AppError('conflict', 'You can’t mark your own answer as helpful.');
  await repo.addHelped(deps.db, a.org_id, a.id, viewer.actor.personId);
}

export async function acceptAnswer(deps: Deps, actor: Actor, questionId: string, answerId: string) {
  const viewer = await memberViewer(deps, actor);
  const q = await visibleQuestion(deps, viewer, questionId);
  if (q.person_id !== viewer.actor.personId)
    throw new AppError('forbidden', 'Only the person who asked can choose the answer that solved it.');
  const a = await repo.findAnswer(deps.db, answerId);
  if (!a || a.question_id !== q.id || a.hidden) throw notFound('answer');
  await repo.setAccepted(deps.db, q.id, a.id);
}

export async function reportContent(
  deps: Deps,
  actor: Actor,
  questionId: string,
  answerId: string | undefined,
  reason: string,
) {
  const viewer = await memberViewer(deps, actor);
  const q = await visibleQuestion(deps, viewer, questionId);
  let orgId = q.org_id;
  if (answerId) {
    const a = await repo.findAnswer(deps.db, answerId);
    if (!a || a.question_id !== q.id) throw notFound('answer');
    orgId = a.org_id;
  }
  await repo.insertReport(deps.db, {
    orgId,
    questionId: answerId ? null : q.id,
    answerId: answerId ?? null,
    personId: viewer.actor.personId,
    reason,
  });
}

export async function hideContent(
  deps: Deps,
  actor: SignedInActor,
  kind: 'question' | 'answer',
  id: string,
  hidden: boolean,
) {
  if (!moderate(actor)) throw notFound('page');
  await deps.db.transaction().execute(async (tx) => {
    if (!(await repo.setHidden(tx, kind, id, hidden))) throw notFound(kind);
    await repo.resolveReportsFor(tx, kind, id);
    await recordAudit(tx, {
      orgId: null,
      actorId: actor.personId,
      action: hidden ? `learning.${kind}.hidden` : `learning.${kind}.restored`,
      subjectType: `learning_${kind}`,
      subjectId: id,
    });
  });
}

export async function loadModerationPage(deps: Deps) {
  const [unanswered, reports] = await Promise.all([
    repo.listQuestions(deps.db, { unansweredOnly: true, includeHidden: false, limit: 100 }),
    repo.openReports(deps.db),
  ]);
  return {
    unanswered: unanswered.map((q) => ({ id: q.id, title: q.title, askedAt: q.created_at, orgName: q.org_name })),
    reports: reports.map((r) => ({
      id: r.id,
      reason: r.reason,
      at: r.created_at,
      kind: (r.answer_id ? 'answer' : 'question') as 'answer' | 'question',
      targetId: (r.answer_id ?? r.question_id)!,
      questionId: (r.answer_question_id ?? r.question_id)!,
      hidden: Boolean(r.answer_id ? r.a_hidden : r.q_hidden),
    })),
  };
}

export async function setFollowedTags(deps: Deps, actor: Actor, raw: string) {
  const viewer = await memberViewer(deps, actor);
  const tags = parseQuestionTags(raw);
  await deps.db.transaction().execute((tx) => repo.followTags(tx, viewer.actor.personId, tags));
  return tags;
}
