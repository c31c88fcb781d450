// Every conflict rule, each tried on its own, and the override that only the shared-area rule allows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignmentAllowed, reviewConflicts, type ReviewerFacts, type TargetFacts } from './conflicts.ts';
import { decisionBlocker, missingLevels } from './cycle.ts';
import { DRAFT_FRAMEWORK } from './draft-framework.ts';
import { sniffEvidenceType } from './evidence-file.ts';
import { renewalDue, reminderDue } from './renewal.ts';

const today = '2026-12-01';
const clean: ReviewerFacts = {
  peerResearcherOrgIds: ['other'],
  memberOrgIds: ['other'],
  trainingExpiresOn: '2027-06-01',
  declaredOrgIds: [],
  ownAreaCodes: ['E08000012'],
};
const target: TargetFacts = { orgId: 'target', areaCodes: ['E08000035'], recentRelationships: [] };
const rules = (r: Partial<ReviewerFacts>, t: Partial<TargetFacts> = {}) =>
  reviewConflicts({ ...clean, ...r }, { ...target, ...t }, today).map((c) => c.rule);

test('a trained peer researcher from another organisation in another area has no conflict', () => {
  assert.deepEqual(rules({}), []);
  assert.equal(assignmentAllowed([], ''), true);
});

test('each rule refuses on its own, with its reason', () => {
  const cases: [string, Partial<ReviewerFacts>, Partial<TargetFacts>, string][] = [
    ['not a peer researcher', { peerResearcherOrgIds: [] }, {}, 'not_peer_researcher'],
    ['no training record', { trainingExpiresOn: undefined }, {}, 'no_current_training'],
    ['training ran out yesterday', { trainingExpiresOn: '2026-11-30' }, {}, 'no_current_training'],
    ['member of the target', { memberOrgIds: ['other', 'target'] }, {}, 'own_organisation'],
    ['declared a relationship', { declaredOrgIds: ['target'] }, {}, 'declared_interest'],
    [
      'mentor within three years',
      {},
      { recentRelationships: [{ orgId: 'other', what: 'was a mentor of' }] },
      'recent_relationship',
    ],
    ['same local authority', { ownAreaCodes: ['E08000035'] }, {}, 'same_local_authority'],
  ];
  for (const [why, reviewer, t, rule] of cases) assert.deepEqual(rules(reviewer, t), [rule], why);
  assert.deepEqual(rules({ trainingExpiresOn: today }), [], 'training that runs out today still counts today');
});

test('only the shared-area rule can be overridden, and only with a real reason', () => {
  const area = reviewConflicts({ ...clean, ownAreaCodes: ['E08000035'] }, target, today);
  assert.equal(assignmentAllowed(area, ''), false);
  assert.equal(assignmentAllowed(area, 'ok'), false);
  assert.equal(assignmentAllowed(area, 'Only reviewer who speaks Welsh'), true);
  const own = reviewConflicts({ ...clean, memberOrgIds: ['target'] }, target, today);
  assert.equal(assignmentAllowed(own, 'A long and heartfelt reason to allow it'), false);
  const both = reviewConflicts({ ...clean, ownAreaCodes: ['E08000035'], declaredOrgIds: ['target'] }, target, today);
  assert.equal(assignmentAllowed(both, 'A long and heartfelt reason to allow it'), false);
});

test('a submission needs a level for every standard; a decision needs two reviews and an independent panel', () => {
  assert.deepEqual(missingLevels(DRAFT_FRAMEWORK, []).length, 10);
  const all = DRAFT_FRAMEWORK.standards.map((s) => ({ standardKey: s.key, level: 'developing' as const }));
  assert.deepEqual(missingLevels(DRAFT_FRAMEWORK, all), []);
  assert.deepEqual(missingLevels(DRAFT_FRAMEWORK, all.slice(1)), ['C1']);
  const ok = {
    submittedReviewerIds: ['a', 'b'],
    assignedReviewerIds: ['a', 'b'],
    panelIds: ['c'],
    kind: 'full' as const,
  };
  assert.equal(decisionBlocker(ok), undefined);
  assert.match(decisionBlocker({ ...ok, submittedReviewerIds: ['a'] })!, /at least 2/);
  assert.match(decisionBlocker({ ...ok, panelIds: ['c', 'a'] })!, /Nobody who reviewed/);
  assert.match(decisionBlocker({ ...ok, panelIds: [] })!, /at least one coordinator/);
  const renewal = { ...ok, kind: 'renewal' as const, submittedReviewerIds: ['a'] };
  assert.equal(decisionBlocker(renewal), undefined, 'a renewal is a lighter desk review by one reviewer');
  assert.match(decisionBlocker({ ...renewal, submittedReviewerIds: [] })!, /desk review/);
});

test('renewal is three years on, and the reminder falls due ninety days before', () => {
  assert.equal(renewalDue('2026-12-01'), '2029-12-01');
  assert.equal(renewalDue('2028-02-29'), '2031-02-28');
  assert.equal(reminderDue('2029-12-01', '2029-09-01'), false);
  assert.equal(reminderDue('2029-12-01', '2029-09-02'), true);
});

test('evidence files are what their bytes say, not what their name claims', () => {
  const pdf = Buffer.from('%PDF-1.7\n...');
  assert.equal(sniffEvidenceType(pdf, 'plan.pdf'), 'application/pdf');
  assert.equal(sniffEvidenceType(pdf, 'plan.exe'), undefined);
  assert.equal(sniffEvidenceType(Buffer.from('<script>alert(1)</script>'), 'plan.pdf'), undefined);
  assert.equal(
    sniffEvidenceType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'a.png'),
    'image/png',
  );
  assert.equal(sniffEvidenceType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'a.JPG'), 'image/jpeg');
  assert.equal(
    sniffEvidenceType(Buffer.from('PK\u0003\u0004....word/document.xml'), 'a.docx'),
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  assert.equal(sniffEvidenceType(Buffer.from('PK\u0003\u0004....xl/workbook.xml'), 'a.docx'), undefined);
});
