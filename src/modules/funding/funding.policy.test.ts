// Who may do what with funding: table-driven, actor × action → allowed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorWith } from '../../../test/support/actors.ts';
import { canOnBid, coordinateFunding, manageOrgFunding, mayAddOpportunity, type BidAction, type PartnerStanding } from './funding.policy.ts';

const org = { id: 'o1', slug: 'x', name: 'X', status: 'member' as const };

test('an organisation’s funding: its leads and workers, only while it is a member', () => {
  const cases: [Parameters<typeof actorWith>[0], Parameters<typeof actorWith>[1], string, 'member' | 'applicant' | 'lapsed', boolean][] = [
    ['lead', null, 'o1', 'member', true], ['worker', null, 'o1', 'member', true], ['volunteer', null, 'o1', 'member', false],
    ['peer_researcher', null, 'o1', 'member', false], ['lead', null, 'o2', 'member', false], [null, 'coordinator', 'o1', 'member', false],
    ['lead', null, 'o1', 'applicant', false], ['lead', null, 'o1', 'lapsed', false],
  ];
  for (const [role, network, at, status, allowed] of cases) assert.equal(manageOrgFunding.allows(actorWith(role, network, at), { ...org, status }), allowed, `${role}/${network}/${at}/${status}`);
});

test('coordinators import grants; adding opportunities: coordinators and member leads or workers', () => {
  assert.equal(coordinateFunding.allows(actorWith(null, 'coordinator', 'o1')), true);
  assert.equal(coordinateFunding.allows(actorWith(null, 'admin', 'o1')), true);
  assert.equal(coordinateFunding.allows(actorWith('lead', null, 'o1')), false);
  assert.equal(mayAddOpportunity(actorWith('lead', null, 'o1'), new Set(['o1'])), true);
  assert.equal(mayAddOpportunity(actorWith('worker', null, 'o1'), new Set(['o1'])), true);
  assert.equal(mayAddOpportunity(actorWith('volunteer', null, 'o1'), new Set(['o1'])), false);
  assert.equal(mayAddOpportunity(actorWith('lead', null, 'o1'), new Set()), false, 'an applicant’s lead may not');
  assert.equal(mayAddOpportunity(actorWith(null, 'coordinator', 'o1'), new Set()), true);
});

test('bids: the lead does everything, a partner works on it, an invitee sees only the invitation, others nothing', () => {
  const actions: BidAction[] = ['see-invitation', 'respond', 'view', 'edit-bid', 'invite', 'set-budget', 'add-task', 'add-document', 'sign-off', 'add-note', 'export'];
  const expected: Record<string, BidAction[]> = {
    lead: ['view', 'edit-bid', 'invite', 'set-budget', 'add-task', 'add-document', 'sign-off', 'add-note', 'export'],
    accepted: ['view', 'add-task', 'add-document', 'sign-off', 'add-note', 'export'],
    invited: ['see-invitation', 'respond'],
    declined: [],
    none: [],
  };
  for (const [standing, allowed] of Object.entries(expected)) {
    for (const a of actions) {
      const s = (standing === 'none' ? undefined : standing) as PartnerStanding;
      assert.equal(canOnBid(s, a), allowed.includes(a), `${standing} ${a}`);
    }
  }
});
