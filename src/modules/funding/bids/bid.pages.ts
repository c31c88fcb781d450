// What the bid pages and exports show, built from the repository for one organisation's view.
import type { Deps } from '../../../platform/deps.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import {
  buildOutsideView,
  DEFAULT_ASSUMPTIONS,
  MINIMUM_GROUP_SIZE,
  outsidePack,
  socialValueFor,
  type PackDocument,
} from '../../insight/index.ts';
import { todayInUk } from '../../../platform/time.ts';
import { formatCalendarDate } from '../../../ui/format.ts';
import { formatMoney } from '../domain/money.ts';
import { listOpenOpportunityChoices } from '../opportunities/opportunities.repository.ts';
import * as repo from './bids.repository.ts';
import { loadBid, type LoadedBid } from './bids.service.ts';

export interface BidPartnerView {
  orgId: string;
  name: string;
  slug: string;
  role: string;
  status: string;
  linePence: number | null;
  lineDescription: string;
}
export interface BidDocumentView {
  key: string;
  title: string;
  versions: { id: string; version: number; body: string; addedBy: string; createdAt: Date; signedBy: string[] }[];
}
export interface BidView {
  bid: LoadedBid['bid'];
  standing: LoadedBid['standing'];
  partners: BidPartnerView[];
  tasks: Awaited<ReturnType<typeof repo.listTasks>>;
  documents: BidDocumentView[];
  notes: Awaited<ReturnType<typeof repo.listNotes>>;
  invitable: { slug: string; name: string }[];
  budgetTotal: number;
  leadName: string;
}

export async function loadBidPage(deps: Deps, org: OrgTarget, bidId: string): Promise<BidView> {
  const loaded = await loadBid(deps.db, org, bidId, 'view');
  const { bid } = loaded;
  const [partners, lines, tasks, documents, signoffs, notes, invitable] = await Promise.all([
    repo.listPartners(deps.db, bid.id),
    repo.listBudgetLines(deps.db, bid.id),
    repo.listTasks(deps.db, bid.id),
    repo.listDocuments(deps.db, bid.id),
    repo.listSignoffs(deps.db, bid.id),
    repo.listNotes(deps.db, bid.id),
    loaded.standing === 'lead' ? repo.listInvitableMembers(deps.db, bid.id) : Promise.resolve([]),
  ]);
  const lineOf = new Map(lines.map((l) => [l.org_id, l]));
  const docs = new Map<string, BidDocumentView>();
  for (const d of documents) {
    const entry = docs.get(d.document_key) ?? { key: d.document_key, title: d.title, versions: [] };
    entry.versions.push({
      id: d.id,
      version: d.version,
      body: d.body,
      addedBy: d.added_by_org,
      createdAt: d.created_at,
      signedBy: signoffs.filter((s) => s.document_id === d.id).map((s) => s.name),
    });
    docs.set(d.document_key, entry);
  }
  return {
    bid,
    standing: loaded.standing,
    partners: partners.map((p) => ({
      orgId: p.org_id,
      name: p.name,
      slug: p.slug,
      role: p.role,
      status: p.status,
      linePence: lineOf.get(p.org_id)?.amount_pence ?? null,
      lineDescription: lineOf.get(p.org_id)?.description ?? '',
    })),
    tasks,
    documents: [...docs.values()],
    notes,
    invitable: invitable.filter((o) => o.id !== org.id).map((o) => ({ slug: o.slug, name: o.name })),
    budgetTotal: lines.reduce((s, l) => s + l.amount_pence, 0),
    leadName: partners.find((p) => p.status === 'lead')?.name ?? '',
  };
}

/** The invitation, which is all an invited organisation sees of a bid. */
export async function loadInvitation(deps: Deps, org: OrgTarget, bidId: string) {
  const { bid } = await loadBid(deps.db, org, bidId, 'see-invitation');
  const partners = await repo.listPartners(deps.db, bid.id);
  return {
    id: bid.id,
    title: bid.title,
    summary: bid.summary,
    total: formatMoney(bid.total_pence, bid.currency),
    leadName: partners.find((p) => p.status === 'lead')?.name ?? '',
    role: partners.find((p) => p.org_id === org.id)?.role ?? '',
  };
}

const todayText = () => todayInUk();
const todayInWords = () => formatCalendarDate(todayText());

/**
 * The combined evidence pack: the partners who stand behind the bid (lead and accepted), their
 * reach and outcomes pooled by the insight module's random-effects method under its
 * disclosure rules, and the social value against the running costs the partners entered.
 */
export async function buildCombinedPack(deps: Deps, org: OrgTarget, bidId: string): Promise<PackDocument> {
  const view = await loadBidPage(deps, org, bidId);
  const partners = view.partners.filter((p) => p.status === 'lead' || p.status === 'accepted');
  const ids = partners.map((p) => p.orgId);
  const combined = await buildOutsideView(deps.db, ids);
  const costs = view.bid.running_costs_pence === null ? 0 : view.bid.running_costs_pence / 100;
  const pack = outsidePack(
    `Combined evidence pack: ${view.bid.title}`,
    `the ${partners.length} partners in this bid`,
    combined,
    costs,
    DEFAULT_ASSUMPTIONS,
    todayText(),
  );
  const perPartner = await Promise.all(
    partners.map(async (p) => ({ p, v: await buildOutsideView(deps.db, [p.orgId]) })),
  );
  const left = combined.measures.filter(
    (m) => (m.excludedOrganisations.shown && m.excludedOrganisations.value > 0) || !m.excludedOrganisations.shown,
  );
  pack.sections.splice(1, 0, {
    id: 'partners',
    heading: 'The partners',
    blocks: [
      {
        kind: 'table',
        caption: 'Partners in the bid',
        head: ['Partner', 'Role', 'Budget line'],
        rows: partners.map((p) => [
          p.name + (p.status === 'lead' ? ' (lead)' : ''),
          p.role || '–',
          p.linePence === null ? 'not set yet' : formatMoney(p.linePence, view.bid.currency),
        ]),
      },
      {
        kind: 'table',
        caption: 'The social value each partner stands behind (from its own figures, disclosure-controlled)',
        head: ['Partner', 'Social value'],
        // A partner under the threshold is left out of every outside figure, so it has none of its own here.
        rows: perPartner.map(({ p, v }) => [
          p.name,
          v.totals.organisations === 0 && v.measures.length === 0
            ? `not shown: fewer than ${MINIMUM_GROUP_SIZE} people who agreed to network use`
            : `${Math.round(socialValueFor({ outside: v }, 0, DEFAULT_ASSUMPTIONS).totalValue).toLocaleString('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 })}`,
        ]),
      },
      {
        kind: 'p',
        text: `A partner with fewer than ${MINIMUM_GROUP_SIZE} people with a first and a later score on a measure is left out of that pooled figure, so no one can be recognised; ${left.length === 0 ? 'no partner was left out.' : `for ${left.map((m) => m.label.measureName).join(', ')}, some partners are left out for this reason (the tables below say how many).`}`,
      },
      ...(view.bid.running_costs_pence === null
        ? [
            {
              kind: 'p' as const,
              text: 'No value for every £1 is shown: the partners have not yet entered the running costs of the work this bid pays for. The lead can enter them on the bid page.',
            },
          ]
        : [
            {
              kind: 'p' as const,
              text: `The running costs the partners entered for this work: ${formatMoney(view.bid.running_costs_pence, view.bid.currency)}.`,
            },
          ]),
    ],
  });
  return pack;
}

/** The bid summary: partners and roles, the budget, tasks, and the latest version of each document with its sign-offs. */
export async function buildBidSummary(deps: Deps, org: OrgTarget, bidId: string): Promise<PackDocument> {
  const v = await loadBidPage(deps, org, bidId);
  const cur = v.bid.currency;
  return {
    title: `Bid summary: ${v.bid.title}`,
    subtitle: `Led by ${v.leadName}. Prepared ${todayInWords()} with Recovery Connectors.`,
    sections: [
      {
        id: 'bid',
        heading: 'The bid',
        blocks: [
          { kind: 'p', text: v.bid.summary || 'No summary written yet.' },
          { kind: 'p', text: `Total asked for: ${formatMoney(v.bid.total_pence, cur)}.` },
        ],
      },
      {
        id: 'partners',
        heading: 'Partners and budget',
        blocks: [
          {
            kind: 'table',
            caption: 'Partners, roles and budget lines',
            head: ['Partner', 'Role', 'Status', 'What the money is for', 'Amount'],
            rows: v.partners
              .filter((p) => p.status !== 'declined')
              .map((p) => [
                p.name,
                p.role || '–',
                p.status,
                p.lineDescription || '–',
                p.linePence === null ? '–' : formatMoney(p.linePence, cur),
              ]),
          },
          {
            kind: 'p',
            text:
              v.budgetTotal === v.bid.total_pence
                ? `The budget lines add up to the total, ${formatMoney(v.bid.total_pence, cur)}.`
                : `The budget lines add up to ${formatMoney(v.budgetTotal, cur)}, not yet the total of ${formatMoney(v.bid.total_pence, cur)}.`,
          },
        ],
      },
      {
        id: 'tasks',
        heading: 'Tasks',
        blocks: [
          {
            kind: 'table',
            caption: 'Tasks and who owns them',
            head: ['Task', 'Owner', 'Due', 'Done'],
            rows: v.tasks.map((t) => [t.title, t.owner, t.due_on ?? '–', t.done ? 'yes' : 'no']),
          },
        ],
      },
      {
        id: 'documents',
        heading: 'Documents',
        blocks: v.documents.flatMap((d) => {
          const latest = d.versions[0]!;
          return [
            {
              kind: 'p' as const,
              text: `${d.title}, version ${latest.version}. Signed off by: ${latest.signedBy.length ? latest.signedBy.join(', ') : 'no one yet'}.`,
            },
            { kind: 'p' as const, text: latest.body },
          ];
        }),
      },
    ],
  };
}

export interface OpportunityChoice {
  id: string;
  label: string;
}

/** The open opportunities a new bid can be for, each named with its funder and closing date. */
export async function loadOpportunityChoices(deps: Pick<Deps, 'db'>): Promise<OpportunityChoice[]> {
  return (await listOpenOpportunityChoices(deps.db)).map((o) => ({
    id: o.id,
    label: `${o.funder}: ${o.programme} (closes ${formatCalendarDate(o.deadline)})`,
  }));
}

/** The bids the organisation leads or is a partner in, for its bids page. */
export async function loadBidList(deps: Pick<Deps, 'db'>, org: OrgTarget) {
  return (await repo.listBidsFor(deps.db, org.id)).map((b) => ({
    id: b.id,
    title: b.title,
    total: formatMoney(b.total_pence, b.currency),
    status: b.status,
    standing: b.standing,
    role: b.role,
    leadName: b.lead_name,
  }));
}
