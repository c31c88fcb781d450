import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgRole, SignedInActor } from '../../platform/auth/actor.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import { editHelpLines, editOrgDirectory, reviewApplications } from './directory.policy.ts';

const org: OrgTarget = { id: 'o1', slug: 'o1', name: 'O1', status: 'member' };
const actor = (role?: OrgRole, networkRole: SignedInActor['networkRole'] = null, orgId = 'o1'): SignedInActor => ({
  kind: 'person',
  personId: 'p',
  email: 'p@x.example',
  displayName: 'P',
  networkRole,
  memberships: role ? [{ orgId, orgSlug: orgId, orgName: orgId, role }] : [],
  sessionHash: 'h',
});

const cases: [string, SignedInActor, boolean, boolean][] = [
  ['lead of the organisation', actor('lead'), true, false],
  ['worker', actor('worker'), false, false],
  ['volunteer', actor('volunteer'), false, false],
  ['peer researcher', actor('peer_researcher'), false, false],
  ['lead of another organisation', actor('lead', null, 'o2'), false, false],
  ['coordinator', actor(undefined, 'coordinator'), false, true],
  ['admin', actor(undefined, 'admin'), false, true],
  ['nobody in particular', actor(), false, false],
];

for (const [who, a, edit, review] of cases) {
  test(`policy: ${who}`, () => {
    assert.equal(editOrgDirectory.allows(a, org), edit, 'edit the directory entry');
    assert.equal(reviewApplications.allows(a), review, 'review applications');
    assert.equal(editHelpLines.allows(a), review, 'keep the help-now numbers');
  });
}
