// Table-driven: every role against every rule of this module.
import assert from 'node:assert/strict';
import { actorWith } from '../../../test/support/actors.ts';
import { test } from 'node:test';
import type { NetworkRole, OrgRole, SignedInActor } from '../../platform/auth/actor.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import {
  coordinateNetwork,
  coordinateOrganisation,
  manageOrgTeam,
  readOrgAudit,
  viewOrgWorkspace,
} from './network.policy.ts';

const org: OrgTarget = { id: 'org-a', slug: 'a', name: 'A', status: 'member' };

const actor = (role: OrgRole | null, networkRole: NetworkRole | null = null, orgId = org.id) =>
  actorWith(role, networkRole, orgId);

const actors: Record<string, SignedInActor> = {
  lead: actor('lead'),
  worker: actor('worker'),
  volunteer: actor('volunteer'),
  peer_researcher: actor('peer_researcher'),
  'lead of another organisation': actor('lead', null, 'org-b'),
  'no role': actor(null),
  coordinator: actor(null, 'coordinator'),
  admin: actor(null, 'admin'),
};

//                                 lead  worker volunteer peer  otherLead none  coord admin
const table: [string, (a: SignedInActor) => boolean, boolean[]][] = [
  ['view workspace', (a) => viewOrgWorkspace.allows(a, org), [true, true, true, true, false, false, false, false]],
  ['manage team', (a) => manageOrgTeam.allows(a, org), [true, false, false, false, false, false, false, false]],
  ['read audit log', (a) => readOrgAudit.allows(a, org), [true, false, false, false, false, false, false, false]],
  ['coordinate network', (a) => coordinateNetwork.allows(a), [false, false, false, false, false, false, true, true]],
  [
    'coordinate an organisation',
    (a) => coordinateOrganisation.allows(a, org),
    [false, false, false, false, false, false, true, true],
  ],
];

for (const [action, allows, expected] of table) {
  Object.entries(actors).forEach(([who, a], i) => {
    test(`${who} ${expected[i] ? 'may' : 'may not'} ${action}`, () => {
      assert.equal(allows(a), expected[i]);
    });
  });
}

test('a coordinator cannot see inside an organisation they are not part of', () => {
  assert.equal(viewOrgWorkspace.allows(actors.coordinator!, org), false);
});
