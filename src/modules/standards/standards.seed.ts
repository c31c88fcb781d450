// Demo standards: the draft framework published as version 1, three trained peer researchers,
// and organisations at every stage (a draft, one waiting for reviewers, one working towards,
// one recognised nearly three years ago whose renewal is coming up).
import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DemoSeedContext } from '../../platform/modules.ts';
import { DRAFT_FRAMEWORK, DRAFT_FRAMEWORK_TITLE } from './domain/draft-framework.ts';
import { LEVELS, type Level } from './domain/framework.ts';
import { renewalDue, todayInLondon } from './domain/renewal.ts';
import * as repo from './standards.repository.ts';

const SAYINGS = [
  'We meet every week and new people are greeted at the door by someone who has been there.',
  'Volunteers with lived experience run most sessions; we are working on training for more.',
  'We keep a simple record of partners and referrals, and follow up with people a month later.',
];

export async function seedStandardsDemo(tx: Kysely<DB>, context: DemoSeedContext): Promise<void> {
  const orgs = [...context.organisations.values()].filter((o) => o.status === 'member');
  const at = (i: number) => orgs[i]!;
  const person = (email: string) => context.people.get(email);
  const coordinator = person('coordinator@demo.example');
  const researchers = ['researcher@demo.example', 'researcher.two@demo.example', 'researcher.three@demo.example']
    .map(person)
    .filter((id): id is string => !!id);
  if (!coordinator || researchers.length < 3 || orgs.length < 9) return;

  const framework = await repo.insertFramework(tx, {
    title: DRAFT_FRAMEWORK_TITLE,
    definition: DRAFT_FRAMEWORK,
    status: 'published',
    createdBy: coordinator,
  });
  const today = DateTime.fromISO(todayInLondon());
  for (const personId of researchers) {
    await repo.insertTraining(tx, {
      personId,
      course: 'Peer research for LERO standards (two days)',
      completedOn: today.minus({ months: 9 }).toISODate()!,
      expiresOn: today.plus({ months: 15 }).toISODate()!,
      recordedBy: coordinator,
    });
  }

  const answers = (shift: number) =>
    DRAFT_FRAMEWORK.standards.map((s, i) => ({
      standardKey: s.key,
      level: LEVELS[((i + shift) % 3) + (shift > 1 ? 1 : 0)] as Level,
      narrative: SAYINGS[(i + shift) % SAYINGS.length]!,
      links: '',
    }));
  const assess = async (orgIndex: number, shift: number, status: 'draft' | 'submitted' | 'decided') => {
    const org = at(orgIndex);
    const { id } = await repo.insertAssessment(tx, {
      orgId: org.id,
      frameworkId: framework.id,
      kind: 'full',
      createdBy: coordinator,
    });
    await repo.upsertAnswers(tx, org.id, id, status === 'draft' ? answers(shift).slice(0, 4) : answers(shift));
    if (status !== 'draft') {
      const figures = {
        from: today.minus({ years: 1 }).toISODate(),
        to: today.toISODate(),
        questionnaires: 64,
        sessions: 96,
        attendances: 1130,
        volunteerHours: 812,
        volunteersOnTeam: 6,
      };
      await repo.markSubmitted(tx, org.id, id, figures);
    }
    return { org, id };
  };
  const review = async (assessment: { org: { id: string }; id: string }, reviewerId: string, shift: number) => {
    const reviewId = (await repo.insertReview(tx, {
      orgId: assessment.org.id,
      assessmentId: assessment.id,
      reviewerId,
      assignedBy: coordinator,
      overrideReason: '',
    }))!;
    await repo.saveReview(tx, reviewId, reviewerId, {
      findings: Object.fromEntries(
        answers(shift).map((a) => [a.standardKey, { level: a.level, notes: 'Seen on the visit.' }]),
      ),
      visitDate: today.minus({ days: 20 }).toISODate()!,
      visitWho: 'The lead, two volunteers and four people who come to groups',
      visitSeen: 'A busy Tuesday drop-in, the volunteer rota and the welcome pack',
      submit: true,
    });
  };

  // The demo lead's own organisation has a draft in progress.
  await assess(0, 0, 'draft');
  // Nottingham is waiting for a coordinator to assign reviewers.
  await assess(7, 1, 'submitted');
  // Birmingham was reviewed and is working towards recognition.
  const working = await assess(3, 0, 'submitted');
  await review(working, researchers[1]!, 0);
  await review(working, researchers[2]!, 0);
  await repo.markDecided(tx, working.id);
  await repo.insertDecision(tx, {
    assessmentId: working.id,
    orgId: working.org.id,
    outcome: 'working_towards',
    feedback: 'Strong peer support and a warm welcome. Safeguarding and consent records need to be written down.',
    actionPlan: 'Write a safeguarding policy and start recording consent on the platform.',
    reviewBy: today.plus({ months: 6 }).toISODate()!,
    panel: [coordinator],
    decidedBy: coordinator,
    renewalDue: null,
  });
  // Sheffield was recognised nearly three years ago: its renewal reminder is due.
  const recognised = await assess(6, 2, 'submitted');
  await review(recognised, researchers[0]!, 2);
  await review(recognised, researchers[1]!, 2);
  await repo.markDecided(tx, recognised.id);
  const decidedOn = today.minus({ years: 3 }).plus({ days: 60 }).toISODate()!;
  await repo.insertDecision(tx, {
    assessmentId: recognised.id,
    orgId: recognised.org.id,
    outcome: 'recognised',
    feedback: 'Lived experience leads everything here, and people told us so. A model for others.',
    actionPlan: '',
    reviewBy: null,
    panel: [coordinator],
    decidedBy: coordinator,
    renewalDue: null,
  });
  await repo.backdateDecision(tx, recognised.id, decidedOn, renewalDue(decidedOn));
}
