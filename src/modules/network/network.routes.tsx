// HTTP routes for organisation workspaces (their teams) and network coordination.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OrgRole } from '../../platform/auth/actor.ts';
import { roleIn } from '../../platform/auth/actor.ts';
import { listAuditForOrg } from '../../platform/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { access, orgOf, personOf, type OrgTarget } from '../../platform/http/access.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import { coordinateNetwork, coordinateOrganisation, manageOrgTeam, readOrgAudit, viewOrgWorkspace } from './network.policy.ts';
import * as repo from './network.repository.ts';
import { InviteForm, OrgListQuery, personParam, RoleForm, StatusForm } from './network.schemas.ts';
import * as service from './network.service.ts';
import { AuditPage, NetworkOrgPage, NetworkPage, RemoveMemberPage, WorkspacePage, type TeamMemberView, type WorkspaceView } from './network.views.tsx';

const PER_PAGE = 25;

export function networkRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);

    async function loadTeam(org: OrgTarget): Promise<TeamMemberView[]> {
      return (await repo.listTeam(deps.db, org.id)).map((m) => ({
        personId: m.person_id,
        name: m.display_name,
        email: m.email,
        role: m.role as OrgRole,
        since: m.created_at,
      }));
    }

    async function workspaceView(req: FastifyRequest): Promise<WorkspaceView> {
      const org = orgOf(req);
      const actor = personOf(req);
      const details = await repo.getOrgDetails(deps.db, org.id);
      const canManageTeam = manageOrgTeam.allows(actor, org);
      return {
        org: { ...org, summary: details.summary, town: details.town },
        links: deps.links.workspace
          .filter((l) => l.rule.allows(actor, org))
          .map((l) => ({ href: l.href(org), label: l.label, description: l.description })),
        myRole: roleIn(actor, org.id)!,
        canManageTeam,
        team: await loadTeam(org),
        invitations: canManageTeam
          ? (await repo.listPendingInvitations(deps.db, org.id)).map((i) => ({ email: i.email, role: i.role as OrgRole, expires: i.expires_at }))
          : [],
      };
    }

    function personIdFrom(req: FastifyRequest): string {
      const parsed = personParam.safeParse(req.params);
      if (!parsed.success) throw notFound('person');
      return parsed.data.person;
    }

    app.get('/orgs/:org', { config: { access: access.org(viewOrgWorkspace) } }, async (req, reply) =>
      sendPage(reply, <WorkspacePage ctx={ctx(req, reply)} view={await workspaceView(req)} />),
    );

    app.post('/orgs/:org/team/invite', { config: { access: access.org(manageOrgTeam) } }, async (req, reply) => {
      const org = orgOf(req);
      const form = parseForm(InviteForm, req.body);
      if (!form.ok) {
        return sendPage(reply, <WorkspacePage ctx={ctx(req, reply)} view={await workspaceView(req)} errors={form.errors} values={form.values} />, 400);
      }
      try {
        await service.inviteToOrganisation(deps, personOf(req), org, form.data);
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') {
          return sendPage(reply, <WorkspacePage ctx={ctx(req, reply)} view={await workspaceView(req)} errors={err.fields} values={{ email: form.data.email, role: form.data.role }} />, 409);
        }
        throw err;
      }
      setFlash(reply, { kind: 'success', text: `We've sent an invitation to ${form.data.email}.` });
      return reply.redirect(`/orgs/${org.slug}#team`, 303);
    });

    app.post('/orgs/:org/team/:person/role', { config: { access: access.org(manageOrgTeam) } }, async (req, reply) => {
      const org = orgOf(req);
      const personId = personIdFrom(req);
      const form = parseForm(RoleForm, req.body);
      if (!form.ok) throw new AppError('validation', form.errors.role ?? 'Choose a role');
      await service.changeMemberRole(deps, personOf(req), org, personId, form.data.role);
      setFlash(reply, { kind: 'success', text: 'Role saved.' });
      return reply.redirect(`/orgs/${org.slug}#team`, 303);
    });

    app.get('/orgs/:org/team/:person/remove', { config: { access: access.org(manageOrgTeam) } }, async (req, reply) => {
      const org = orgOf(req);
      const personId = personIdFrom(req);
      const member = await repo.findMembership(deps.db, org.id, personId);
      if (!member) throw notFound('person');
      return sendPage(reply, <RemoveMemberPage ctx={ctx(req, reply)} org={org} member={{ personId, name: member.display_name, role: member.role as OrgRole }} />);
    });

    app.post('/orgs/:org/team/:person/remove', { config: { access: access.org(manageOrgTeam) } }, async (req, reply) => {
      const org = orgOf(req);
      const name = await service.removeMember(deps, personOf(req), org, personIdFrom(req));
      setFlash(reply, { kind: 'success', text: `${name} is no longer part of ${org.name}.` });
      return reply.redirect(`/orgs/${org.slug}#team`, 303);
    });

    app.get('/orgs/:org/audit', { config: { access: access.org(readOrgAudit) } }, async (req, reply) => {
      const org = orgOf(req);
      const rows = await listAuditForOrg(deps.db, org.id);
      const entries = rows.map((r) => ({
        at: r.at,
        actor: r.actor_name ?? 'Someone no longer here',
        action: r.action,
        subject: r.subject_type ? `${r.subject_type} ${r.subject_id}` : '',
      }));
      return sendPage(reply, <AuditPage ctx={ctx(req, reply)} view={{ org, entries }} />);
    });

    app.get('/network', { config: { access: access.network(coordinateNetwork) } }, async (req, reply) => {
      const q = OrgListQuery.parse(req.query ?? {});
      const [counts, list] = await Promise.all([
        repo.countOrganisationsByStatus(deps.db),
        repo.listOrganisations(deps.db, { status: q.status, q: q.q, page: q.page, perPage: PER_PAGE }),
      ]);
      const pages = Math.max(1, Math.ceil(list.total / PER_PAGE));
      const view = {
        counts,
        rows: list.rows.map((r) => ({ slug: r.slug, name: r.name, status: r.status as repo.OrgStatus, town: r.town, region: r.region, people: Number(r.people ?? 0) })),
        page: Math.min(q.page, pages),
        pages,
        status: q.status,
        q: q.q,
        links: deps.links.network
          .filter((l) => l.rule.allows(personOf(req)))
          .map((l) => ({ href: l.href, label: l.label, description: l.description })),
      };
      return sendPage(reply, <NetworkPage ctx={ctx(req, reply)} view={view} />);
    });

    async function networkOrgView(req: FastifyRequest) {
      const org = orgOf(req);
      const d = await repo.getOrgDetails(deps.db, org.id);
      return {
        org: { ...org, summary: d.summary, town: d.town, region: d.region, statusChangedAt: d.status_changed_at },
        team: await loadTeam(org),
      };
    }

    const coordinate = { config: { access: access.org(coordinateOrganisation) } };

    app.get('/network/orgs/:org', coordinate, async (req, reply) =>
      sendPage(reply, <NetworkOrgPage ctx={ctx(req, reply)} view={await networkOrgView(req)} />),
    );

    app.post('/network/orgs/:org/status', coordinate, async (req, reply) => {
      const org = orgOf(req);
      const form = parseForm(StatusForm, req.body);
      if (!form.ok) {
        return sendPage(reply, <NetworkOrgPage ctx={ctx(req, reply)} view={await networkOrgView(req)} errors={form.errors} values={form.values} />, 400);
      }
      await service.changeOrganisationStatus(deps, personOf(req), org, form.data.status);
      setFlash(reply, { kind: 'success', text: `${org.name} is now ${form.data.status === 'member' ? 'a member' : form.data.status === 'applicant' ? 'an applicant' : 'lapsed'}.` });
      return reply.redirect(`/network/orgs/${org.slug}`, 303);
    });

    app.post('/network/orgs/:org/invite', coordinate, async (req, reply) => {
      const org = orgOf(req);
      const form = parseForm(InviteForm, req.body);
      if (!form.ok) {
        return sendPage(reply, <NetworkOrgPage ctx={ctx(req, reply)} view={await networkOrgView(req)} errors={form.errors} values={form.values} />, 400);
      }
      try {
        await service.inviteToOrganisation(deps, personOf(req), org, form.data);
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') {
          return sendPage(reply, <NetworkOrgPage ctx={ctx(req, reply)} view={await networkOrgView(req)} errors={err.fields} values={{ email: form.data.email }} />, 409);
        }
        throw err;
      }
      setFlash(reply, { kind: 'success', text: `We've sent an invitation to ${form.data.email}.` });
      return reply.redirect(`/network/orgs/${org.slug}`, 303);
    });
  };
}
