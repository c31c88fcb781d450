import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgRole, SignedInActor } from '../../platform/auth/actor.ts';
import { ANONYMOUS } from '../../platform/auth/actor.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import { actorWith } from '../../../test/support/actors.ts';
import {
  canManageConsultation,
  canReadSubmission,
  canSeeResults,
  canTakePart,
  coordinateVoice,
  leadOrgsOf,
  phaseOf,
  runOrgConsultations,
  type ConsultationTarget,
} from './voice.policy.ts';

const members = new Set(['o1', 'o2']);
const a = (role: OrgRole | null, net: SignedInActor['networkRole'] = null, org = 'o1') => actorWith(role, net, org);
const org1: OrgTarget = { id: 'o1', slug: 'o1', name: 'O1', status: 'member' };
const link: ConsultationTarget = { orgId: null, audience: 'link', resultsVisibility: 'after_close' };
const network: ConsultationTarget = { orgId: null, audience: 'network', resultsVisibility: 'after_close' };
const own: ConsultationTarget = { orgId: 'o1', audience: 'org', resultsVisibility: 'live' };

// who, actor, coordinate, run o1, manage network, manage o1's, take part: link, network, o1's; lead of orgs
const cases: [
  string,
  SignedInActor | typeof ANONYMOUS,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
  number,
][] = [
  ['anonymous', ANONYMOUS, false, false, false, false, true, false, false, 0],
  ['lead of o1', a('lead'), false, true, false, true, true, true, true, 1],
  ['worker of o1', a('worker'), false, false, false, false, true, true, true, 0],
  ['volunteer of o1', a('volunteer'), false, false, false, false, true, true, true, 0],
  ['lead of o2', a('lead', null, 'o2'), false, false, false, false, true, true, false, 1],
  ['lead of an applicant', a('lead', null, 'o9'), false, false, false, false, true, false, false, 0],
  ['coordinator', a(null, 'coordinator'), true, false, true, false, true, true, false, 0],
  ['admin', a(null, 'admin'), true, false, true, false, true, true, false, 0],
  ['nobody in particular', a(null), false, false, false, false, true, false, false, 0],
];

for (const [who, actor, coordinate, runO1, manageNetwork, manageOwn, partLink, partNetwork, partOwn, leads] of cases) {
  test(`voice policy: ${who}`, () => {
    const signed = actor.kind === 'person';
    assert.equal(signed && coordinateVoice.allows(actor), coordinate, 'coordinate');
    assert.equal(signed && runOrgConsultations.allows(actor, org1), runO1, 'run o1 consultations');
    assert.equal(canManageConsultation(actor, network), manageNetwork, 'manage the network’s');
    assert.equal(canManageConsultation(actor, own), manageOwn, 'manage o1’s');
    assert.equal(canTakePart(actor, link, members), partLink, 'take part: link');
    assert.equal(canTakePart(actor, network, members), partNetwork, 'take part: network');
    assert.equal(canTakePart(actor, own, members), partOwn, 'take part: o1’s');
    assert.equal(leadOrgsOf(actor, members).length, leads, 'lead of member organisations');
  });
}

test('results: managers always; others who may take part, once closed or when live', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const open = phaseOf({ opensAt: new Date('2026-05-01'), closesAt: new Date('2026-07-01'), closedAt: null }, now);
  const closedEarly = phaseOf(
    { opensAt: new Date('2026-05-01'), closesAt: new Date('2026-07-01'), closedAt: new Date('2026-05-20') },
    now,
  );
  assert.equal(open, 'open');
  assert.equal(closedEarly, 'closed');
  assert.equal(
    phaseOf({ opensAt: new Date('2026-07-01'), closesAt: new Date('2026-08-01'), closedAt: null }, now),
    'upcoming',
  );
  assert.equal(
    phaseOf({ opensAt: new Date('2026-05-01'), closesAt: now, closedAt: null }, now),
    'closed',
    'closed at the closing time',
  );
  assert.equal(canSeeResults(ANONYMOUS, link, 'open', members), false, 'after_close hides results while open');
  assert.equal(canSeeResults(ANONYMOUS, link, 'closed', members), true);
  assert.equal(canSeeResults(a(null, 'coordinator'), link, 'open', members), true);
  assert.equal(canSeeResults(a('worker'), own, 'open', members), true, 'live');
  assert.equal(canSeeResults(a('worker', null, 'o2'), own, 'closed', members), false, 'another organisation never');
  assert.equal(canSeeResults(ANONYMOUS, network, 'closed', members), false);
});

test('papers: published for all; drafts for coordinators and member leads', () => {
  assert.equal(canReadSubmission(ANONYMOUS, { status: 'published' }, members), true);
  assert.equal(canReadSubmission(ANONYMOUS, { status: 'draft' }, members), false);
  assert.equal(canReadSubmission(a('worker'), { status: 'draft' }, members), false);
  assert.equal(canReadSubmission(a('lead'), { status: 'draft' }, members), true);
  assert.equal(canReadSubmission(a(null, 'coordinator'), { status: 'draft' }, members), true);
});
