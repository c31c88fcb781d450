// An organisation's side of the cycle: start a self-assessment, save it as a draft, add
// evidence, submit it with live figures frozen in, and respond to the decision.
import { DateTime } from 'luxon';
import type { SignedInActor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit.repository.ts';
import type { Deps } from '../../platform/deps.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { evidenceFiguresForOrg } from '../evidence/index.ts';
import { missingLevels } from './domain/cycle.ts';
import { MAX_EVIDENCE_BYTES, sniffEvidenceType } from './domain/evidence-file.ts';
import type { Level } from './domain/framework.ts';
import { todayInLondon } from './domain/renewal.ts';
import { eventFiguresForOrg } from '../events/index.ts';
import * as repo from './standards.repository.ts';

export interface LiveFigures {
  /** The twelve months the figures cover, as dates. */
  from: string;
  to: string;
  questionnaires: number;
  sessions: number;
  attendances: number;
  volunteerHours: number;
  volunteersOnTeam: number;
  /** Added later: submissions frozen before events existed have none. */
  eventsHeld?: number;
  eventAttendances?: number;
}

export async function liveFiguresFor(deps: Deps, orgId: string, today = todayInLondon()): Promise<LiveFigures> {
  const from = DateTime.fromISO(today).minus({ years: 1 }).toISODate()!;
  const [figures, team, events] = await Promise.all([
    evidenceFiguresForOrg(deps.db, orgId, from),
    repo.countVolunteersOnTeam(deps.db, orgId),
    eventFiguresForOrg(deps.db, orgId, from),
  ]);
  return { from, to: today, ...figures, volunteersOnTeam: team, ...events };
}

export async function startSelfAssessment(deps: Deps, actor: SignedInActor, org: OrgTarget): Promise<string> {
  const framework = await repo.latestPublishedFramework(deps.db);
  if (!framework) throw new AppError('conflict', 'The network has not published its standards yet.');
  const previous = await repo.listAssessmentsForOrg(deps.db, org.id);
  const open = previous.find((a) => a.status !== 'decided');
  if (open) return open.id;
  const lastRecognised = previous.find((a) => a.status === 'decided');
  const kind = lastRecognised ? 'renewal' : 'full';
  try {
    const { id } = await repo.insertAssessment(deps.db, {
      orgId: org.id,
      frameworkId: framework.id,
      kind,
      createdBy: actor.personId,
    });
    return id;
  } catch (err) {
    // Two starts at once: the unique index keeps one open assessment; use it.
    if ((err as { code?: string }).code !== '23505') throw err;
    const again = (await repo.listAssessmentsForOrg(deps.db, org.id)).find((a) => a.status !== 'decided');
    if (!again) throw err;
    return again.id;
  }
}

export interface AnswerInput {
  standardKey: string;
  level: Level | null;
  narrative: string;
  links: string;
}

async function loadDraft(deps: Deps, org: OrgTarget, assessmentId: string) {
  const assessment = await repo.findAssessmentForOrg(deps.db, org.id, assessmentId);
  if (!assessment) throw notFound('self-assessment');
  if (assessment.status !== 'draft') {
    throw new AppError('conflict', 'This self-assessment has been sent, so it can no longer be changed.');
  }
  return assessment;
}

/** Saves the draft; with `submit`, sends it (every standard needs a level) and freezes the live figures. */
export async function saveSelfAssessment(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  assessmentId: string,
  answers: AnswerInput[],
  options: { submit: boolean },
): Promise<void> {
  const assessment = await loadDraft(deps, org, assessmentId);
  const known = new Set(assessment.definition.standards.map((s) => s.key));
  const valid = answers.filter((a) => known.has(a.standardKey));
  if (options.submit) {
    const missing = missingLevels(assessment.definition, valid);
    if (missing.length) {
      throw new AppError(
        'validation',
        'Choose a level for every standard before you send it.',
        Object.fromEntries(missing.map((k) => [`level_${k}`, `Choose a level for standard ${k}`])),
      );
    }
  }
  const figures = options.submit ? await liveFiguresFor(deps, org.id) : undefined;
  await deps.db.transaction().execute(async (tx) => {
    await repo.upsertAnswers(tx, org.id, assessmentId, valid);
    if (options.submit) {
      const sent = await repo.markSubmitted(tx, org.id, assessmentId, figures);
      if (!sent) throw new AppError('conflict', 'This self-assessment has already been sent.');
      await recordAudit(tx, {
        orgId: org.id,
        actorId: actor.personId,
        action: 'standards.assessment.submitted',
        subjectType: 'standards_assessment',
        subjectId: assessmentId,
      });
    }
  });
}

export async function addEvidenceFile(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  assessmentId: string,
  input: { standardKey: string; filename: string; data: Buffer },
): Promise<void> {
  const assessment = await loadDraft(deps, org, assessmentId);
  if (!assessment.definition.standards.some((s) => s.key === input.standardKey)) {
    throw new AppError('validation', 'Choose the standard this file is evidence for.', {
      standard: 'Choose the standard this file is evidence for',
    });
  }
  if (input.data.length > MAX_EVIDENCE_BYTES) {
    throw new AppError('validation', 'The file is too big.', { file: 'The file must be 5 MB or smaller' });
  }
  if (input.data.length === 0) throw new AppError('validation', 'Choose a file.', { file: 'Choose a file' });
  const filename = input.filename.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || 'evidence';
  const contentType = sniffEvidenceType(input.data, filename);
  if (!contentType) {
    throw new AppError('validation', 'That kind of file can’t be added.', {
      file: 'The file must be a PDF, a Word document (.docx), or a PNG or JPEG picture',
    });
  }
  await repo.insertEvidenceFile(deps.db, {
    orgId: org.id,
    assessmentId,
    standardKey: input.standardKey,
    filename,
    contentType,
    data: input.data,
    uploadedBy: actor.personId,
  });
}

export async function respondToDecision(
  deps: Deps,
  actor: SignedInActor,
  org: OrgTarget,
  assessmentId: string,
  response: string,
): Promise<void> {
  const saved = await repo.saveResponse(deps.db, org.id, assessmentId, response);
  if (!saved) throw notFound('decision');
  await recordAudit(deps.db, {
    orgId: org.id,
    actorId: actor.personId,
    action: 'standards.decision.responded',
    subjectType: 'standards_assessment',
    subjectId: assessmentId,
  });
}

/** An evidence file of the organisation's own assessment. */
export async function readOrgEvidenceFile(deps: Deps, org: OrgTarget, assessmentId: string, fileId: string) {
  const assessment = await repo.findAssessmentForOrg(deps.db, org.id, assessmentId);
  if (!assessment) throw notFound('file');
  const file = await repo.findEvidenceFile(deps.db, assessmentId, fileId);
  if (!file) throw notFound('file');
  return file;
}
