import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgRole, SignedInActor } from '../../platform/auth/actor.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import { manageNetworkApiTokens, manageOrgApiTokens } from './api.policy.ts';
import { scopesFor } from './tokens.service.ts';

const org: OrgTarget = { id: 'o1', slug: 'o1', name: 'O1', status: 'member' };
const person = (role?: OrgRole, networkRole: SignedInActor['networkRole'] = null, orgId = 'o1'): SignedInActor => ({
  kind: 'person',
  personId: 'p',
  email: 'p@x.example',
  displayName: 'P',
  networkRole,
  memberships: role ? [{ orgId, orgSlug: orgId, orgName: orgId, role }] : [],
  sessionHash: 'h',
});

// who, actor, manage o1's tokens, manage the network's tokens
const cases: [string, SignedInActor, boolean, boolean][] = [
  ['signed in, no organisation', person(), false, false],
  ['lead of o1', person('lead'), true, false],
  ['worker of o1', person('worker'), false, false],
  ['volunteer of o1', person('volunteer'), false, false],
  ['peer researcher of o1', person('peer_researcher'), false, false],
  ['lead of o2', person('lead', null, 'o2'), false, false],
  ['coordinator', person(undefined, 'coordinator'), false, true],
  ['admin', person(undefined, 'admin'), false, true],
];

for (const [who, actor, manageOrg, manageNetwork] of cases) {
  test(`api tokens policy: ${who}`, () => {
    assert.equal(manageOrgApiTokens.allows(actor, org), manageOrg, "o1's tokens");
    assert.equal(manageNetworkApiTokens.allows(actor), manageNetwork, "the network's tokens");
  });
}

test('an organisation gives public or its own scope; the network public or network', () => {
  assert.deepEqual(scopesFor({ kind: 'org', org }), ['public', 'org']);
  assert.deepEqual(scopesFor({ kind: 'network' }), ['public', 'network']);
});
