// Public routes of who funds recovery: the funders, one funder, and a member's grants.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access } from '../../../platform/http/access.ts';
import { pageContext } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { FunderPage, FundersPage, MemberGrantsPage } from '../funding.views.tsx';
import { loadFunderPage, loadFundersPage, loadMemberGrantsPage } from './funders.pages.ts';

export function fundersRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const open = { config: { access: access.public } };

    app.get('/funding', open, async (req, reply) =>
      sendPage(reply, <FundersPage ctx={ctx(req, reply)} {...await loadFundersPage(deps.db)} />),
    );

    app.get('/funding/funders/:funder', open, async (req, reply) => {
      const funderId = String((req.params as { funder: string }).funder).slice(0, 200);
      return sendPage(reply, <FunderPage ctx={ctx(req, reply)} {...await loadFunderPage(deps.db, funderId)} />);
    });

    app.get('/organisations/:slug/grants', open, async (req, reply) => {
      const slug = String((req.params as { slug: string }).slug);
      const page = await loadMemberGrantsPage(deps.db, slug, req.actor);
      return sendPage(reply, <MemberGrantsPage ctx={ctx(req, reply)} {...page} />);
    });
  };
}
