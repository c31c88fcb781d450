// Routes of an organisation's funding home: its value statement, the running costs behind it,
// and whether its grants show on its public profile. The module's other routes: funders and
// grants data in grants/, the board in opportunities/, consortium bids in bids/.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { access, orgOf, personOf } from '../../platform/http/access.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import { parseMoney } from './domain/money.ts';
import { manageOrgFunding } from './funding.policy.ts';
import { OrgFundingPage } from './funding.views.tsx';
import { loadOrgFundingHome, saveRunningCosts, setGrantsShown } from './value/org-funding.service.ts';

const Costs = z.object({
  running_costs: z
    .string()
    .trim()
    .default('')
    .refine(
      (s) => s === '' || (parseMoney(s) ?? 0) > 0,
      'Enter the running costs in pounds, more than £0, or leave it empty',
    ),
  costs_year: z.string().trim().max(40, 'Keep the year to 40 characters').default(''),
});

export function fundingRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const orgRule = { config: { access: access.org(manageOrgFunding) } };

    async function orgPage(
      req: FastifyRequest,
      reply: FastifyReply,
      errors?: Record<string, string>,
      values?: Record<string, string>,
    ) {
      const org = orgOf(req);
      const { statement, showGrants, costs } = await loadOrgFundingHome(deps.db, org);
      return sendPage(
        reply,
        <OrgFundingPage
          ctx={ctx(req, reply)}
          org={org}
          statement={statement}
          showGrants={showGrants}
          errors={errors}
          values={values}
          costs={costs}
        />,
        errors ? 400 : 200,
      );
    }
    app.get('/orgs/:org/funding', orgRule, (req, reply) => orgPage(req, reply));
    app.post('/orgs/:org/funding/costs', orgRule, async (req, reply) => {
      const parsed = parseForm(Costs, req.body);
      if (!parsed.ok) return orgPage(req, reply, parsed.errors, parsed.values);
      await saveRunningCosts(
        deps.db,
        orgOf(req),
        parsed.data.running_costs ? parseMoney(parsed.data.running_costs)! : null,
        parsed.data.costs_year,
      );
      setFlash(reply, { kind: 'success', text: 'The running costs are saved.' });
      return reply.redirect(`/orgs/${orgOf(req).slug}/funding#value`, 303);
    });
    app.post('/orgs/:org/funding/show-grants', orgRule, async (req, reply) => {
      const body = req.body as { show_grants?: unknown } | undefined;
      const show =
        body?.show_grants === 'yes' || (Array.isArray(body?.show_grants) && body.show_grants.includes('yes'));
      await setGrantsShown(deps.db, personOf(req), orgOf(req), show);
      setFlash(reply, {
        kind: 'success',
        text: show ? 'Your grants are shown on your public profile.' : 'Your grants are no longer shown publicly.',
      });
      return reply.redirect(`/orgs/${orgOf(req).slug}/funding`, 303);
    });
  };
}
