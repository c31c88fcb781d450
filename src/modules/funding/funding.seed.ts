// Demo funding data: the made-up grants package (matched to two demo members by their numbers),
// open and closed opportunities with interest, and a bid in progress between members.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DemoSeedContext } from '../../platform/modules.ts';
import { setRegistrationNumbers } from '../directory/index.ts';
import * as bids from './bids/bids.repository.ts';
import { setShowGrants } from './grants/grants.repository.ts';
import { importGrants } from './grants/import-grants.service.ts';
import { openBuffer } from './import/read-file.ts';
import { insertOpportunity, setInterest } from './opportunities/opportunities.repository.ts';

export const DEMO_GRANTS_FILE = new URL('./fixtures/demo-grants.json', import.meta.url);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export async function seedFundingDemo(tx: Kysely<DB>, context: DemoSeedContext): Promise<void> {
  const leeds = context.organisations.get('leeds-recovery-cafe');
  const manchester = context.organisations.get('manchester-peer-network');
  const bristol = context.organisations.get('bristol-recovery-collective');
  if (!leeds || !manchester || !bristol) return;
  const lead = context.people.get('lead@demo.example') ?? null;
  const coordinator = context.people.get('coordinator@demo.example') ?? null;
  await setRegistrationNumbers(tx, leeds.id, '9991101', '');
  await setRegistrationNumbers(tx, manchester.id, '', '09991102');
  await setShowGrants(tx, leeds.id, true);
  const report = await importGrants(tx, {
    fileName: 'demo-grants.json',
    open: openBuffer(readFileSync(DEMO_GRANTS_FILE)),
    importedBy: coordinator,
  });
  if (!report.ok) throw new Error('the demo grants package did not import');

  const base = {
    eligibility: 'Charities and community groups led by people with lived experience.',
    link: 'https://example.org/funding',
    addedBy: lead ?? coordinator ?? '',
    addedByOrg: null,
  };
  const community = await insertOpportunity(tx, {
    ...base,
    funder: 'Northern Recovery Fund (fictional)',
    programme: 'Community Recovery Grants 2026',
    amountMinPence: 1_000_000,
    amountMaxPence: 6_000_000,
    deadline: inDays(12),
    areas: 'North of England',
    notes: 'Partnership bids welcome.',
  });
  await insertOpportunity(tx, {
    ...base,
    funder: 'Coast and Country Trust (fictional)',
    programme: 'Open Programme',
    amountMinPence: null,
    amountMaxPence: 2_500_000,
    deadline: inDays(40),
    areas: '',
    notes: '',
  });
  await insertOpportunity(tx, {
    ...base,
    funder: 'Northern Recovery Fund (fictional)',
    programme: 'Small Grants',
    amountMinPence: 50_000,
    amountMaxPence: 500_000,
    deadline: inDays(75),
    areas: 'Yorkshire',
    notes: 'Quick decisions, short form.',
  });
  await insertOpportunity(tx, {
    ...base,
    funder: 'Coast and Country Trust (fictional)',
    programme: 'Winter Fund 2025',
    amountMinPence: null,
    amountMaxPence: 1_000_000,
    deadline: inDays(-30),
    areas: '',
    notes: '',
  });
  if (lead) {
    await setInterest(tx, community, leeds.id, lead, true);
    await setInterest(tx, community, manchester.id, lead, true);
    const bid = await bids.insertBid(tx, {
      leadOrgId: leeds.id,
      opportunityId: community,
      title: 'Peer recovery across the Pennines',
      totalPence: 6_000_000,
      summary:
        'Two member organisations run peer-led recovery cafés and mentoring in Leeds and Manchester for two years.',
      createdBy: lead,
      role: 'Lead partner and accountable body',
    });
    await bids.invitePartner(tx, bid, manchester.id, 'Delivery partner in Manchester');
    await bids.respondToInvitation(tx, bid, manchester.id, true, lead);
    await bids.invitePartner(tx, bid, bristol.id, 'Evaluation partner');
    await bids.replaceBudgetLines(tx, bid, [
      { orgId: leeds.id, description: 'Café evenings and coordination', pence: 3_400_000 },
      { orgId: manchester.id, description: 'Peer mentors in Manchester', pence: 2_000_000 },
    ]);
    await bids.insertTask(tx, bid, {
      ownerOrgId: manchester.id,
      title: 'Write the Manchester delivery plan',
      dueOn: inDays(7),
    });
    await bids.insertTask(tx, bid, {
      ownerOrgId: leeds.id,
      title: 'Agree the partnership agreement',
      dueOn: inDays(9),
    });
    const doc = await bids.insertDocumentVersion(tx, {
      bidId: bid,
      orgId: leeds.id,
      documentKey: randomUUID(),
      version: 1,
      title: 'Project plan',
      body: 'Year one: open two evenings a week in each city.\nYear two: train twenty more peer mentors.',
      addedBy: lead,
    });
    await bids.insertSignoff(tx, doc, leeds.id, lead);
    await bids.insertNote(
      tx,
      bid,
      leeds.id,
      lead,
      'The funder prefers one lead organisation with partners named in the budget.',
    );
  }
}
