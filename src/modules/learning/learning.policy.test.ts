import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgRole, SignedInActor } from '../../platform/auth/actor.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import { actorWith } from '../../../test/support/actors.ts';
import {
  askForMentor,
  canReadResource,
  canSeePathway,
  contributeLearning,
  coordinateLearning,
  isNetworkMember,
  keepPathway,
  mentorForOrg,
} from './learning.policy.ts';

const member: OrgTarget = { id: 'o1', slug: 'o1', name: 'O1', status: 'member' };
const applicant: OrgTarget = { id: 'o1', slug: 'o1', name: 'O1', status: 'applicant' };
const members = new Set(['o1']);
const a = (role: OrgRole | null, net: SignedInActor['networkRole'] = null, org = 'o1') => actorWith(role, net, org);

// who, actor, contribute(member org), contribute(applicant), pathway, ask mentor, mentor(member), coordinate, network member
const cases: [string, SignedInActor, boolean, boolean, boolean, boolean, boolean, boolean, boolean][] = [
  ['lead', a('lead'), true, false, true, true, true, false, true],
  ['worker', a('worker'), true, false, true, false, false, false, true],
  ['volunteer', a('volunteer'), false, false, true, false, false, false, true],
  ['peer researcher', a('peer_researcher'), false, false, true, false, false, false, true],
  ['lead of another organisation', a('lead', null, 'o2'), false, false, false, false, false, false, false],
  ['coordinator', a(null, 'coordinator'), false, false, true, false, false, true, true],
  ['admin', a(null, 'admin'), false, false, true, false, false, true, true],
  ['nobody in particular', a(null), false, false, false, false, false, false, false],
];

for (const [who, actor, contribute, contributeApplicant, pathway, ask, mentor, coordinate, isMember] of cases) {
  test(`learning policy: ${who}`, () => {
    assert.equal(contributeLearning.allows(actor, member), contribute, 'contribute');
    assert.equal(contributeLearning.allows(actor, applicant), contributeApplicant, 'contribute as an applicant');
    assert.equal(keepPathway.allows(actor, applicant), pathway, 'pathway');
    assert.equal(askForMentor.allows(actor, applicant), ask, 'ask for a mentor');
    assert.equal(mentorForOrg.allows(actor, member), mentor, 'mentor');
    assert.equal(mentorForOrg.allows(actor, applicant), false, 'an applicant never mentors');
    assert.equal(coordinateLearning.allows(actor), coordinate, 'coordinate');
    assert.equal(isNetworkMember(actor, members), isMember, 'network member');
  });
}

test('reading: public for all, members-only for members, drafts for the owner and coordinators', () => {
  const pub = { visibility: 'public', status: 'published', orgId: 'o1' };
  const mem = { visibility: 'members', status: 'published', orgId: 'o1' };
  const sub = { visibility: 'public', status: 'submitted', orgId: 'o1' };
  assert.equal(canReadResource(undefined, members, pub), true);
  assert.equal(canReadResource(undefined, members, mem), false);
  assert.equal(
    canReadResource(a('volunteer', null, 'o2'), members, mem),
    false,
    'someone of a non-member organisation',
  );
  assert.equal(canReadResource(a('volunteer'), members, mem), true);
  assert.equal(canReadResource(undefined, members, sub), false);
  assert.equal(canReadResource(a('lead', null, 'o2'), members, sub), false);
  assert.equal(canReadResource(a('volunteer'), members, sub), true, 'its own organisation');
  assert.equal(canReadResource(a(null, 'coordinator'), members, sub), true);
});

test('pathway: the group, its mentor, coordinators; nobody else', () => {
  assert.equal(canSeePathway(a('lead', null, 'm1'), applicant, 'm1'), true, 'the mentor');
  assert.equal(canSeePathway(a('lead', null, 'm2'), applicant, 'm1'), false, 'another organisation');
  assert.equal(canSeePathway(a('lead', null, 'm1'), applicant, undefined), false, 'no mentor yet');
});
