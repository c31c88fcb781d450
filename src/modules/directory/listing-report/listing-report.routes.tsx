// Public "report a problem with this listing" on every profile.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access } from '../../../platform/http/access.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { ListingReportForm } from './listing-report.schemas.ts';
import { loadListingReportPage, reportListingProblem } from './listing-report.service.ts';
import { ListingReportPage } from './listing-report.views.tsx';

const slugOf = (req: FastifyRequest): string => String((req.params as { slug: string }).slug);

export function listingReportRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const open = { config: { access: access.public } };
    app.get('/organisations/:slug/report', open, async (req, reply) => {
      const org = await loadListingReportPage(deps, slugOf(req));
      return sendPage(reply, <ListingReportPage ctx={pageContext(req, reply, deps.config.demo)} org={org} />);
    });
    app.post('/organisations/:slug/report', open, async (req, reply) => {
      const slug = slugOf(req);
      const form = parseForm(ListingReportForm, req.body);
      if (!form.ok) {
        const org = await loadListingReportPage(deps, slug);
        return sendPage(
          reply,
          <ListingReportPage
            ctx={pageContext(req, reply, deps.config.demo)}
            org={org}
            values={form.values}
            errors={form.errors}
          />,
          400,
        );
      }
      const name = await reportListingProblem(deps, slug, form.data);
      setFlash(reply, { kind: 'success', text: `Thank you. We have sent your message to ${name}.` });
      return reply.redirect(`/organisations/${slug}`, 303);
    });
  };
}
