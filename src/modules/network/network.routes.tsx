// HTTP routes for organisation workspaces (their teams) and network coordination.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access, orgOf, personOf } from '../../platform/http/access.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import {
  coordinateNetwork,
  coordinateOrganisation,
  manageOrgTeam,
  readOrgAudit,
  viewOrgWorkspace,
} from './network.policy.ts';
import * as pages from './network.pages.ts';
import { InviteForm, OrgListQuery, personParam, RoleForm, StatusForm } from './network.schemas.ts';
import * as service from './network.service.ts';
import { AuditPage, NetworkOrgPage, NetworkPage, RemoveMemberPage, WorkspacePage } from './network.views.tsx';

export function networkRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);

    const workspaceView = (req: FastifyRequest) => pages.loadWorkspacePage(deps, personOf(req), orgOf(req));

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
        return sendPage(
          reply,
          <WorkspacePage
            ctx={ctx(req, reply)}
            view={await workspaceView(req)}
            errors={form.errors}
            values={form.values}
          />,
          400,
        );
      }
      try {
        await service.inviteToOrganisation(deps, personOf(req), org, form.data);
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') {
          return sendPage(
            reply,
            <WorkspacePage
              ctx={ctx(req, reply)}
              view={await workspaceView(req)}
              errors={err.fields}
              values={{ email: form.data.email, role: form.data.role }}
            />,
            409,
          );
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
      const member = await pages.loadRemoveMemberPage(deps, org, personId);
      return sendPage(reply, <RemoveMemberPage ctx={ctx(req, reply)} org={org} member={member} />);
    });

    app.post(
      '/orgs/:org/team/:person/remove',
      { config: { access: access.org(manageOrgTeam) } },
      async (req, reply) => {
        const org = orgOf(req);
        const name = await service.removeMember(deps, personOf(req), org, personIdFrom(req));
        setFlash(reply, { kind: 'success', text: `${name} is no longer part of ${org.name}.` });
        return reply.redirect(`/orgs/${org.slug}#team`, 303);
      },
    );

    app.get('/orgs/:org/audit', { config: { access: access.org(readOrgAudit) } }, async (req, reply) => {
      return sendPage(reply, <AuditPage ctx={ctx(req, reply)} view={await pages.loadAuditPage(deps, orgOf(req))} />);
    });

    app.get('/network', { config: { access: access.network(coordinateNetwork) } }, async (req, reply) => {
      const view = await pages.loadNetworkPage(deps, personOf(req), OrgListQuery.parse(req.query ?? {}));
      return sendPage(reply, <NetworkPage ctx={ctx(req, reply)} view={view} />);
    });

    const networkOrgView = (req: FastifyRequest) => pages.loadNetworkOrgPage(deps, orgOf(req));

    const coordinate = { config: { access: access.org(coordinateOrganisation) } };

    app.get('/network/orgs/:org', coordinate, async (req, reply) =>
      sendPage(reply, <NetworkOrgPage ctx={ctx(req, reply)} view={await networkOrgView(req)} />),
    );

    app.post('/network/orgs/:org/status', coordinate, async (req, reply) => {
      const org = orgOf(req);
      const form = parseForm(StatusForm, req.body);
      if (!form.ok) {
        return sendPage(
          reply,
          <NetworkOrgPage
            ctx={ctx(req, reply)}
            view={await networkOrgView(req)}
            errors={form.errors}
            values={form.values}
          />,
          400,
        );
      }
      await service.changeOrganisationStatus(deps, personOf(req), org, form.data.status);
      setFlash(reply, {
        kind: 'success',
        text: `${org.name} is now ${form.data.status === 'member' ? 'a member' : form.data.status === 'applicant' ? 'an applicant' : 'lapsed'}.`,
      });
      return reply.redirect(`/network/orgs/${org.slug}`, 303);
    });

    app.post('/network/orgs/:org/invite', coordinate, async (req, reply) => {
      const org = orgOf(req);
      const form = parseForm(InviteForm, req.body);
      if (!form.ok) {
        return sendPage(
          reply,
          <NetworkOrgPage
            ctx={ctx(req, reply)}
            view={await networkOrgView(req)}
            errors={form.errors}
            values={form.values}
          />,
          400,
        );
      }
      try {
        await service.inviteToOrganisation(deps, personOf(req), org, form.data);
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') {
          return sendPage(
            reply,
            <NetworkOrgPage
              ctx={ctx(req, reply)}
              view={await networkOrgView(req)}
              errors={err.fields}
              values={{ email: form.data.email }}
            />,
            409,
          );
        }
        throw err;
      }
      setFlash(reply, { kind: 'success', text: `We've sent an invitation to ${form.data.email}.` });
      return reply.redirect(`/network/orgs/${org.slug}`, 303);
    });
  };
}
