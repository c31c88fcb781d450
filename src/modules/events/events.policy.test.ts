import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ANONYMOUS, type Actor, type OrgRole, type SignedInActor } from '../../platform/auth/actor.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import { manageNetworkEvents, manageOrgEvents, mayAttend, mayOrganise, type Audience } from './events.policy.ts';

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

// who, actor, manage org o1's events, manage network events, attend o1 event for: anyone, network, organisation
const cases: [string, Actor, boolean, boolean, [boolean, boolean, boolean]][] = [
  ['anonymous visitor', ANONYMOUS, false, false, [true, false, false]],
  ['signed in, no organisation', person(), false, false, [true, false, false]],
  ['lead of o1', person('lead'), true, false, [true, true, true]],
  ['worker of o1', person('worker'), true, false, [true, true, true]],
  ['volunteer of o1', person('volunteer'), false, false, [true, true, true]],
  ['peer researcher of o1', person('peer_researcher'), false, false, [true, true, true]],
  ['lead of o2', person('lead', null, 'o2'), false, false, [true, true, false]],
  ['coordinator', person(undefined, 'coordinator'), false, true, [true, true, false]],
  ['admin', person(undefined, 'admin'), false, true, [true, true, false]],
];

const audiences: Audience[] = ['anyone', 'network', 'organisation'];

for (const [who, actor, manageOrg, manageNetwork, attend] of cases) {
  test(`events policy: ${who}`, () => {
    const signedIn = actor.kind === 'person';
    assert.equal(signedIn && manageOrgEvents.allows(actor, org), manageOrg, 'manage o1 events');
    assert.equal(signedIn && manageNetworkEvents.allows(actor), manageNetwork, 'manage network events');
    assert.equal(mayOrganise(actor, { orgId: 'o1' }), manageOrg, 'organise an o1 event');
    assert.equal(mayOrganise(actor, { orgId: null }), manageNetwork, 'organise a network event');
    audiences.forEach((audience, i) =>
      assert.equal(mayAttend(actor, { orgId: 'o1', audience }), attend[i], `attend o1 ${audience}`),
    );
    // the network's members-only events: anyone in the network
    assert.equal(
      mayAttend(actor, { orgId: null, audience: 'network' }),
      signedIn && (manageNetwork || actor.memberships.length > 0),
    );
  });
}
