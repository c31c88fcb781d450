// Who may assess and who may coordinate standards, as a table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorWith } from '../../../test/support/actors.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import { assessOrgStandards, coordinateStandards } from './standards.policy.ts';

const org: OrgTarget = { id: 'o1', slug: 'o1', name: 'O1', status: 'member' };

const table: [string, ReturnType<typeof actorWith>, boolean, boolean][] = [
  ['lead', actorWith('lead', null, 'o1'), true, false],
  ['worker', actorWith('worker', null, 'o1'), true, false],
  ['volunteer', actorWith('volunteer', null, 'o1'), false, false],
  ['peer researcher of the organisation', actorWith('peer_researcher', null, 'o1'), false, false],
  ['lead of another organisation', actorWith('lead', null, 'o2'), false, false],
  ['coordinator', actorWith(null, 'coordinator', 'o1'), false, true],
  ['admin', actorWith(null, 'admin', 'o1'), false, true],
  ['nobody in particular', actorWith(null, null, 'o1'), false, false],
];

for (const [who, actor, assess, coordinate] of table) {
  test(`standards policy: ${who}`, () => {
    assert.equal(assessOrgStandards.allows(actor, org), assess, 'self-assess');
    assert.equal(coordinateStandards.allows(actor), coordinate, 'coordinate');
  });
}
