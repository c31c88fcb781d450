// Table-driven: every role against every rule of the evidence module.
import assert from 'node:assert/strict';
import { actorWith } from '../../../test/support/actors.ts';
import { test } from 'node:test';
import type { NetworkRole, OrgRole, SignedInActor } from '../../platform/auth/actor.ts';
import type { OrgRule, OrgTarget } from '../../platform/http/access.ts';
import {
  participantFieldsFor,
  anyEvidenceRole,
  contributeSummaries,
  deleteAssessments,
  eraseParticipant,
  exportEvidence,
  importEvidence,
  manageMeasures,
  manageRetention,
  recordActivities,
  correctActivities,
  recordEvidence,
} from './evidence.policy.ts';

const org: OrgTarget = { id: 'org-a', slug: 'a', name: 'A', status: 'member' };

const actor = (role: OrgRole | null, networkRole: NetworkRole | null = null, orgId = org.id) =>
  actorWith(role, networkRole, orgId);

const actors: SignedInActor[] = [
  actor('lead'),
  actor('worker'),
  actor('volunteer'),
  actor('peer_researcher'),
  actor('lead', null, 'org-b'),
  actor(null),
  actor(null, 'coordinator'),
];
const names = [
  'lead',
  'worker',
  'volunteer',
  'peer researcher',
  'lead of another organisation',
  'no role',
  'coordinator',
];

//                                        lead  worker volunteer peer  otherLead none  coord
const table: [string, OrgRule, boolean[]][] = [
  ['see and record participants', recordEvidence, [true, true, true, false, false, false, false]],
  ['record activities', recordActivities, [true, true, true, false, false, false, false]],
  ['change or delete sessions and hours', correctActivities, [true, true, false, false, false, false, false]],
  ['import spreadsheets', importEvidence, [true, true, false, false, false, false, false]],
  ['contribute summaries', contributeSummaries, [true, true, false, false, false, false, false]],
  ['delete or restore a questionnaire', deleteAssessments, [true, true, false, false, false, false, false]],
  ['erase a participant', eraseParticipant, [true, false, false, false, false, false, false]],
  ['export personal data', exportEvidence, [true, false, false, false, false, false, false]],
  ['build measures', manageMeasures, [true, false, false, false, false, false, false]],
  ['set retention, keep or erase those past it', manageRetention, [true, false, false, false, false, false, false]],
  ['open the evidence home', anyEvidenceRole, [true, true, true, false, false, false, false]],
];

for (const [action, rule, expected] of table) {
  actors.forEach((a, i) => {
    test(`${names[i]} ${expected[i] ? 'may' : 'may not'} ${action}`, () =>
      assert.equal(rule.allows(a, org), expected[i]));
  });
}

// Which of a participant's details each role sees: volunteers get what running a session needs
// (code, first name, consent), not substances, age, gender, ethnicity or area.
const fieldTable: [OrgRole, string[]][] = [
  ['lead', ['ageBand', 'gender', 'ethnicity', 'substances', 'localAuthority']],
  ['worker', ['ageBand', 'gender', 'ethnicity', 'substances', 'localAuthority']],
  ['volunteer', []],
  ['peer_researcher', []],
];
for (const [role, fields] of fieldTable) {
  test(`a ${role} sees these participant details: ${fields.join(', ') || 'none beyond code, first name and consent'}`, () =>
    assert.deepEqual([...participantFieldsFor(actor(role), org)], fields));
}
test('a lead of another organisation sees none of them', () =>
  assert.deepEqual([...participantFieldsFor(actor('lead', null, 'org-b'), org)], []));
