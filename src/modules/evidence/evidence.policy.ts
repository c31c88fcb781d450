// Who may do what with an organisation's evidence. Pure and synchronous; deny by default.
// Participant data is special-category health data, so the rules are narrow:
// - recording (participants, consents, assessments, self-completion links, activities,
//   imports): the people who run sessions — leads, workers and volunteers;
// - deleting a questionnaire (it can be restored for 30 days), and changing or deleting a
//   session or volunteer hours: leads and workers;
// - erasing a participant, exporting everything, subject access exports and building the
//   organisation's own measures: leads only;
// - peer researchers review standards and never see participants' records.
import { roleIn, type OrgRole } from '../../platform/auth/actor.ts';
import { orgRoleRule, type OrgRule } from '../../platform/http/access.ts';

const RECORDERS: readonly OrgRole[] = ['lead', 'worker', 'volunteer'];

/** See participants (codes, first names, answers) and record evidence about them. */
export const recordEvidence = orgRoleRule('evidence.record', RECORDERS);
/** Delete (and restore) a questionnaire: volunteers record, but only leads and workers delete. */
export const deleteAssessments = orgRoleRule('evidence.assessment.delete', ['lead', 'worker']);
/** Record sessions, attendance and volunteer hours (no personal data). */
export const recordActivities = orgRoleRule('evidence.activities.record', RECORDERS);
/** Change or delete a recorded session or volunteer hours (audited before and after): leads and workers. */
export const correctActivities = orgRoleRule('evidence.activities.correct', ['lead', 'worker']);
/** Import spreadsheets of participants, assessments or activities. */
export const importEvidence = orgRoleRule('evidence.import', ['lead', 'worker']);
/** Contribute summaries from another system. */
export const contributeSummaries = orgRoleRule('evidence.summaries.contribute', ['lead', 'worker']);
/** Erase a participant and everything about them. */
export const eraseParticipant = orgRoleRule('evidence.participant.erase', ['lead']);
/** Download a participant's whole record (subject access request) or the organisation's data. */
export const exportEvidence = orgRoleRule('evidence.export', ['lead']);
/** Set how long participants' records are kept, and keep or erase those past it. */
export const manageRetention = orgRoleRule('evidence.retention.manage', ['lead']);
/** Create the organisation's own measures. */
export const manageMeasures = orgRoleRule('evidence.measures.manage', ['lead']);
/** Any role that can use some part of the evidence pages: the evidence home and its workspace link. */
export const anyEvidenceRole: OrgRule = {
  name: 'evidence.home',
  allows: (actor, org) => recordEvidence.allows(actor, org) || recordActivities.allows(actor, org),
};

/** A participant's details beyond their code, first name and consent. */
export type ParticipantDetail = 'ageBand' | 'gender' | 'ethnicity' | 'substances' | 'localAuthority';
const ALL_DETAILS: readonly ParticipantDetail[] = ['ageBand', 'gender', 'ethnicity', 'substances', 'localAuthority'];
/** Leads and workers see every detail. Volunteers run sessions, which needs none of them (data minimisation). */
const DETAILS_BY_ROLE: Record<OrgRole, readonly ParticipantDetail[]> = {
  lead: ALL_DETAILS,
  worker: ALL_DETAILS,
  volunteer: [],
  peer_researcher: [],
};

/** The participant details this person may see in this organisation; none for anyone outside it. */
export function participantFieldsFor(
  actor: Parameters<OrgRule['allows']>[0],
  org: Parameters<OrgRule['allows']>[1],
): readonly ParticipantDetail[] {
  if (!recordEvidence.allows(actor, org)) return [];
  const role = roleIn(actor, org.id);
  return role ? DETAILS_BY_ROLE[role] : [];
}
