// Page loaders for workspaces and network coordination: each reads what one page needs,
// scoped to the organisation or to what the coordinator may see, and returns its view model.
import type { z } from 'zod';
import { roleIn, type OrgRole, type SignedInActor } from '../../platform/auth/actor.ts';
import { listAuditForOrg } from '../../platform/audit.repository.ts';
import type { Deps } from '../../platform/deps.ts';
import type { OrgTarget } from '../../platform/http/access.ts';
import { notFound } from '../../platform/http/errors.ts';
import { manageOrgTeam } from './network.policy.ts';
import * as repo from './network.repository.ts';
import type { OrgListQuery } from './network.schemas.ts';
import type { AuditView, NetworkOrgView, NetworkView, TeamMemberView, WorkspaceView } from './network.views.tsx';

export const ORGANISATIONS_PER_PAGE = 25;

async function loadTeam(deps: Deps, org: OrgTarget): Promise<TeamMemberView[]> {
  return (await repo.listTeam(deps.db, org.id)).map((m) => ({
    personId: m.person_id,
    name: m.display_name,
    email: m.email,
    role: m.role as OrgRole,
    since: m.created_at,
  }));
}

export async function loadWorkspacePage(deps: Deps, actor: SignedInActor, org: OrgTarget): Promise<WorkspaceView> {
  const canManageTeam = manageOrgTeam.allows(actor, org);
  const [details, team, invitations] = await Promise.all([
    repo.getOrgDetails(deps.db, org.id),
    loadTeam(deps, org),
    canManageTeam ? repo.listPendingInvitations(deps.db, org.id) : Promise.resolve([]),
  ]);
  return {
    org: { ...org, summary: details.summary, town: details.town },
    links: deps.links.workspace
      .filter((l) => l.rule.allows(actor, org))
      .map((l) => ({ href: l.href(org), label: l.label, description: l.description })),
    myRole: roleIn(actor, org.id)!,
    canManageTeam,
    team,
    invitations: invitations.map((i) => ({ email: i.email, role: i.role as OrgRole, expires: i.expires_at })),
  };
}

/** The member about to be removed; 404 when they are not in this organisation. */
export async function loadRemoveMemberPage(deps: Deps, org: OrgTarget, personId: string) {
  const member = await repo.findMembership(deps.db, org.id, personId);
  if (!member) throw notFound('person');
  return { personId, name: member.display_name, role: member.role as OrgRole };
}

export async function loadAuditPage(deps: Deps, org: OrgTarget): Promise<AuditView> {
  const rows = await listAuditForOrg(deps.db, org.id);
  const entries = rows.map((r) => ({
    at: r.at,
    actor: r.actor_name ?? 'Someone no longer here',
    action: r.action,
    subject: r.subject_type ? `${r.subject_type} ${r.subject_id}` : '',
  }));
  return { org, entries };
}

export async function loadNetworkPage(
  deps: Deps,
  actor: SignedInActor,
  q: z.infer<typeof OrgListQuery>,
): Promise<NetworkView> {
  const [counts, list] = await Promise.all([
    repo.countOrganisationsByStatus(deps.db),
    repo.listOrganisations(deps.db, { status: q.status, q: q.q, page: q.page, perPage: ORGANISATIONS_PER_PAGE }),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / ORGANISATIONS_PER_PAGE));
  return {
    counts,
    rows: list.rows.map((r) => ({
      slug: r.slug,
      name: r.name,
      status: r.status as repo.OrgStatus,
      town: r.town,
      region: r.region,
      people: Number(r.people ?? 0),
    })),
    page: Math.min(q.page, pages),
    pages,
    status: q.status,
    q: q.q,
    links: deps.links.network
      .filter((l) => l.rule.allows(actor))
      .map((l) => ({ href: l.href, label: l.label, description: l.description })),
  };
}

export async function loadNetworkOrgPage(deps: Deps, org: OrgTarget): Promise<NetworkOrgView> {
  const [d, team] = await Promise.all([repo.getOrgDetails(deps.db, org.id), loadTeam(deps, org)]);
  return {
    org: { ...org, summary: d.summary, town: d.town, region: d.region, statusChangedAt: d.status_changed_at },
    team,
  };
}
