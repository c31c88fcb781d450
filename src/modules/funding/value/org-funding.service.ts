// An organisation's funding home: its value statement (what it achieves, what it costs), the
// running costs a lead enters, and whether its grants show on its public profile.
import type { Kysely } from 'kysely';
import type { SignedInActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { buildOrgDashboard } from '../../insight/index.ts';
import { buildValueStatement, type ValueStatement } from '../domain/value-statement.ts';
import * as grants from '../grants/grants.repository.ts';

type Db = Kysely<DB>;

export interface OrgFundingHome {
  statement: ValueStatement;
  showGrants: boolean;
  costs: { pounds: string; year: string };
}

export async function loadOrgFundingHome(db: Db, org: OrgTarget): Promise<OrgFundingHome> {
  const [dash, costs, showGrants] = await Promise.all([
    buildOrgDashboard(db, org.id),
    grants.getOrgCosts(db, org.id),
    grants.getShowGrants(db, org.id),
  ]);
  const ls = dash.measures.find(
    (m) => m.label.instrumentKey === 'ons4' && m.label.measureKey === 'life_satisfaction',
  )?.stats;
  const statement = buildValueStatement({
    participants: dash.reach.participants,
    sessions: dash.reach.sessions,
    attendance: dash.reach.attendance,
    volunteerHours: dash.reach.volunteerHours,
    lifeSatisfaction: ls ? { n: ls.n, meanChange: ls.meanChange, ciLow: ls.ciLow, ciHigh: ls.ciHigh } : null,
    runningCostsPence: costs.pence,
    costsYear: costs.year,
  });
  return {
    statement,
    showGrants,
    costs: { pounds: costs.pence === null ? '' : (costs.pence / 100).toFixed(2), year: costs.year },
  };
}

/** Saves the running costs behind the value statement; null pence clears them. */
export async function saveRunningCosts(db: Db, org: OrgTarget, pence: number | null, year: string): Promise<void> {
  await grants.setOrgCosts(db, org.id, pence, year);
}

/** Shows or hides the organisation's grants on its public profile; who can see them is audited. */
export async function setGrantsShown(db: Db, actor: SignedInActor, org: OrgTarget, show: boolean): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await grants.setShowGrants(tx, org.id, show);
    await recordAudit(tx, {
      orgId: org.id,
      actorId: actor.personId,
      action: show ? 'funding.grants_shown' : 'funding.grants_hidden',
      subjectType: 'organisation',
      subjectId: org.id,
    });
  });
}
