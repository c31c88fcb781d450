import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgRole, SignedInActor } from '../../platform/auth/actor.ts';
import { landingPath } from './landing.ts';

const m = (orgSlug: string, role: OrgRole) => ({ orgId: orgSlug, orgSlug, orgName: orgSlug, role });
const cases: [string, SignedInActor['networkRole'], SignedInActor['memberships'], string][] = [
  ['coordinator', 'coordinator', [], '/network'],
  ['admin who is also a lead', 'admin', [m('leeds', 'lead')], '/network'],
  ['lead of one organisation', null, [m('leeds', 'lead')], '/orgs/leeds'],
  ['worker', null, [m('leeds', 'worker')], '/orgs/leeds'],
  ['volunteer', null, [m('leeds', 'volunteer')], '/orgs/leeds'],
  ['peer researcher', null, [m('leeds', 'peer_researcher')], '/orgs/leeds'],
  ['volunteer in two organisations', null, [m('leeds', 'volunteer'), m('bradford', 'lead')], '/account'],
  ['nobody yet', null, [], '/account'],
];

for (const [who, networkRole, memberships, path] of cases) {
  test(`signing in lands a ${who} on ${path}`, () => {
    assert.equal(landingPath({ networkRole, memberships }), path);
  });
}
