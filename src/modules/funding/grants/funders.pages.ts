// What the public "who funds recovery" pages show: the funders of recovery work, one funder's
// grants by year, area and programme, and the grants a member has received (when it allows).
import type { Kysely } from 'kysely';
import { isSignedIn, type Actor } from '../../../platform/auth/actor.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { formatMoney } from '../domain/money.ts';
import { manageOrgFunding } from '../funding.policy.ts';
import type { FunderPage, FundersPage, MemberGrantsPage, SourceView } from '../funding.views.tsx';
import * as grants from './grants.repository.ts';
import { loadMemberIndex } from './member-match.ts';

type Db = Kysely<DB>;
type PropsOf<P extends (props: never) => unknown> = Omit<Parameters<P>[0], 'ctx'>;

const n = (v: unknown) => Number(v ?? 0);
const day = (v: unknown) => String(v).slice(0, 10);

function sourceViews(rows: { publisher_name: string; licence: string; title: string }[]): SourceView[] {
  return rows.map((s) => ({ publisher: s.publisher_name, licence: s.licence, title: s.title }));
}

/** Every funder with recovery grants, and the members with grants that show them publicly. */
export async function loadFundersPage(db: Db): Promise<PropsOf<typeof FundersPage>> {
  const members = await loadMemberIndex(db);
  const [funders, sources, received] = await Promise.all([
    grants.listRecoveryFunders(db, members.ids),
    grants.sourcesFor(db),
    grants.grantsToRecipients(db, members.ids),
  ]);
  const counts = new Map<string, { name: string; slug: string; grants: number }>();
  for (const g of received) {
    const m = members.byId.get(g.recipient_id);
    if (!m) continue;
    const c = counts.get(m.slug) ?? { name: m.name, slug: m.slug, grants: 0 };
    c.grants++;
    counts.set(m.slug, c);
  }
  const visible = await Promise.all(
    [...counts.values()].map(async (c) => ((await grants.findOrgForGrants(db, c.slug))?.show_grants ? c : null)),
  );
  return {
    sources: sourceViews(sources),
    members: visible.filter((c) => c !== null),
    funders: funders.map((f) => ({
      funderId: f.funder_id,
      name: f.funder_name,
      grants: n(f.grants),
      total: formatMoney(n(f.total), f.currency),
      memberGrants: n(f.member_grants),
      latest: day(f.latest),
    })),
  };
}

/** One funder's recovery grants, or not found for a funder with none. */
export async function loadFunderPage(db: Db, funderId: string): Promise<PropsOf<typeof FunderPage>> {
  const summary = await grants.funderSummary(db, funderId);
  if (!summary || n(summary.grants) === 0) throw notFound('funder');
  const members = await loadMemberIndex(db);
  const [byYear, byArea, programmes, list, sources] = await Promise.all([
    grants.funderTotalsByYear(db, funderId, members.ids),
    grants.funderTotalsByArea(db, funderId, members.ids),
    grants.funderProgrammes(db, funderId),
    grants.funderRecoveryGrants(db, funderId, members.ids, 200),
    grants.sourcesFor(db, funderId),
  ]);
  const funded = new Map<string, { name: string; slug: string }>();
  const rows = list.map((g) => {
    const m = members.byId.get(g.recipient_id);
    if (m) funded.set(m.slug, { name: m.name, slug: m.slug });
    return {
      id: g.grant_id,
      title: g.title,
      amount: formatMoney(n(g.amount_pence), g.currency),
      date: day(g.award_date),
      recipient: m ? m.name : g.recipient_name,
      ...(m ? { recipientHref: `/organisations/${m.slug}` } : {}),
      match: (m ? 'member' : 'keyword') as 'member' | 'keyword',
      keyword: g.keyword ?? '',
      area: g.area,
      programme: '',
    };
  });
  return {
    name: summary.funder_name,
    sources: sourceViews(sources),
    members: [...funded.values()],
    byYear: byYear.map((r) => ({ year: n(r.year), grants: n(r.grants), total: formatMoney(n(r.total), r.currency) })),
    byArea: byArea.map((r) => ({ area: r.area, grants: n(r.grants), total: formatMoney(n(r.total), r.currency) })),
    programmes: programmes.map((p) => ({ programme: p.programme, grants: n(p.grants) })),
    grants: rows,
  };
}

/**
 * The grants a member has received: shown to everyone only when the member allows it, to its
 * own leads and workers always; otherwise not found, so a hidden page is not confirmed.
 */
export async function loadMemberGrantsPage(
  db: Db,
  slug: string,
  actor: Actor,
): Promise<PropsOf<typeof MemberGrantsPage>> {
  const org = await grants.findOrgForGrants(db, slug);
  const own =
    org &&
    isSignedIn(actor) &&
    manageOrgFunding.allows(actor, { id: org.id, slug: org.slug, name: org.name, status: org.status as 'member' });
  if (!org || org.status !== 'member' || !(org.show_grants || own)) throw notFound('page');
  const members = await loadMemberIndex(db);
  const ids = [...members.byId].filter(([, m]) => m.orgId === org.id).map(([id]) => id);
  const received = await grants.grantsToRecipients(db, ids);
  const sources = new Map(
    received.map((g) => [
      `${g.publisher_name}|${g.licence}`,
      { publisher: g.publisher_name, licence: g.licence, title: g.publisher_name },
    ]),
  );
  return {
    name: org.name,
    slug: org.slug,
    sources: [...sources.values()],
    grants: received.map((g) => ({
      id: g.grant_id,
      title: g.title,
      amount: formatMoney(n(g.amount_pence), g.currency),
      date: day(g.award_date),
      funder: g.funder_name,
      funderId: g.funder_id,
      programme: g.programme,
    })),
  };
}
