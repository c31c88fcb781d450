// The API tokens pages, registered twice from one factory: an organisation's (its lead) under
// /orgs/:org/api-tokens and the network's (coordinators) under /network/api-tokens. Only the
// access rule and the owner differ.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access, orgOf, personOf, type Access } from '../../platform/http/access.ts';
import { notFound } from '../../platform/http/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import { manageNetworkApiTokens, manageOrgApiTokens } from './api.policy.ts';
import { isTokenId, newTokenForm } from './tokens.schemas.ts';
import { createApiToken, loadApiTokensPage, revokeApiToken, scopesFor, type TokenOwner } from './tokens.service.ts';
import { ApiTokensPage, tokensBase } from './tokens.views.tsx';

function tokenPages(deps: Deps, base: string, rule: Access, ownerOf: (req: FastifyRequest) => TokenOwner) {
  return async function (app: FastifyInstance) {
    const config = { config: { access: rule } };
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);

    app.get(base, config, async (req, reply) => {
      const view = await loadApiTokensPage(deps, ownerOf(req));
      return sendPage(reply, <ApiTokensPage ctx={ctx(req, reply)} view={view} />);
    });

    app.post(base, config, async (req, reply) => {
      const owner = ownerOf(req);
      const form = parseForm(newTokenForm(scopesFor(owner)), req.body);
      if (!form.ok) {
        const view = await loadApiTokensPage(deps, owner);
        return sendPage(
          reply,
          <ApiTokensPage ctx={ctx(req, reply)} view={view} errors={form.errors} values={form.values} />,
          400,
        );
      }
      const created = await createApiToken(deps, personOf(req), owner, form.data, req.ip);
      const view = await loadApiTokensPage(deps, owner);
      // Shown in this answer only; never cached (signed-in pages are private, no-store).
      return sendPage(reply, <ApiTokensPage ctx={ctx(req, reply)} view={view} created={created} />);
    });

    app.post(`${base}/:tokenId/revoke`, config, async (req, reply) => {
      const owner = ownerOf(req);
      const id = String((req.params as { tokenId: string }).tokenId);
      if (!isTokenId(id)) throw notFound('token');
      const { name } = await revokeApiToken(deps, personOf(req), owner, id, req.ip);
      setFlash(reply, { kind: 'success', text: `The token “${name}” is revoked. It stopped working straight away.` });
      return reply.redirect(tokensBase({ owner }), 303);
    });
  };
}

export function apiTokenRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    await app.register(
      tokenPages(deps, '/orgs/:org/api-tokens', access.org(manageOrgApiTokens), (req) => ({
        kind: 'org',
        org: orgOf(req),
      })),
    );
    await app.register(
      tokenPages(deps, '/network/api-tokens', access.network(manageNetworkApiTokens), () => ({ kind: 'network' })),
    );
  };
}
