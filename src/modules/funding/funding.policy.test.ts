// Who may do what with funding: table-driven, actor × action → allowed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorWith } from '../../../test/support/actors.ts';
import {
  canOnBid,
  coordinateFunding,
  manageOrgFunding,
  mayAddOpportunity,
  mayChangeOpportunity,
  type BidAction,
  type PartnerStanding,
} from './funding.policy.ts';

const org = { id: 'o1', slug: 'x', name: 'X', status: 'member' as const };

test('an organisation’s funding: its leads and workers, only while it is a member', () => {
  const cases: [
    Parameters<typeof actorWith>[0],
    Parameters<typeof actorWith>[1],
    string,
    'member' | 'applicant' | 'lapsed',
    boolean,
  ][] = [
    ['lead', null, 'o1', 'member', true],
    ['worker', null, 'o1', 'member', true],
    ['volunteer', null, 'o1', 'member', false],
    ['peer_researcher', null, 'o1', 'member', false],
    ['lead', null, 'o2', 'member', false],
    [null, 'coordinator', 'o1', 'member', false],
    ['lead', null, 'o1', 'applicant', false],
    ['lead', null, 'o1', 'lapsed', false],
  ];
  for (const [role, network, at, status, allowed] of cases)
    assert.equal(
      manageOrgFunding.allows(actorWith(role, network, at), { ...org, status }),
      allowed,
      `${role}/${network}/${at}/${status}`,
    );
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

test('changing an opportunity: coordinators, the person who added it, or a lead of the organisation that added it', () => {
  const byP = { addedBy: 'p', addedByOrg: null };
  const byOrg = { addedBy: 'someone-else', addedByOrg: 'o1' };
  const byNobody = { addedBy: null, addedByOrg: null };
  const cases: [
    string,
    Parameters<typeof actorWith>,
    { addedBy: string | null; addedByOrg: string | null },
    boolean,
  ][] = [
    ['coordinator, anything', [null, 'coordinator', 'o1'], byNobody, true],
    ['the person who added it', ['volunteer', null, 'o9'], byP, true],
    ['a lead of the adding organisation', ['lead', null, 'o1'], byOrg, true],
    ['a worker of the adding organisation', ['worker', null, 'o1'], byOrg, false],
    ['a lead elsewhere', ['lead', null, 'o2'], byOrg, false],
    ['a lead, when no organisation added it', ['lead', null, 'o1'], byNobody, false],
  ];
  for (const [what, actor, o, allowed] of cases)
    assert.equal(mayChangeOpportunity(actorWith(...actor), o), allowed, what);
});

test('bids: the lead does everything, a partner works on it, an invitee sees only the invitation, others nothing', () => {
  const actions: BidAction[] = [
    'see-invitation',
    'respond',
    'view',
    'edit-bid',
    'invite',
    'set-budget',
    'add-task',
    'add-document',
    'sign-off',
    'add-note',
    'export',
  ];
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
