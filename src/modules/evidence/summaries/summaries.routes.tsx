// HTTP routes for summaries contributed by organisations that keep records elsewhere.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import type { FieldErrors } from '../../../platform/http/form-fields.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { contributeSummaries } from '../evidence.policy.ts';
import { SummaryForm } from '../evidence.schemas.ts';
import { contributeSummary, loadSummariesPage } from './summaries.service.ts';
import { SummariesPage } from './summaries.views.tsx';

export function summaryRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const rule = { config: { access: access.org(contributeSummaries) } };

    async function page(
      req: FastifyRequest,
      reply: FastifyReply,
      errors: FieldErrors = {},
      values: Record<string, string> = {},
    ) {
      const view = await loadSummariesPage(deps, orgOf(req));
      const status = Object.keys(errors).length ? 400 : 200;
      return sendPage(
        reply,
        <SummariesPage ctx={ctx(req, reply)} view={view} errors={errors} values={values} />,
        status,
      );
    }

    app.get('/orgs/:org/summaries', rule, async (req, reply) => page(req, reply));

    app.post('/orgs/:org/summaries', rule, async (req, reply) => {
      const org = orgOf(req);
      const form = parseForm(SummaryForm, req.body);
      if (!form.ok) return page(req, reply, form.errors, form.values);
      const result = await contributeSummary(deps, personOf(req), org, form.data);
      if (!result.ok) return page(req, reply, result.errors, formValues(req.body));
      setFlash(reply, { kind: 'success', text: `Summary for ${result.label} saved. Thank you.` });
      return reply.redirect(`/orgs/${org.slug}/summaries`, 303);
    });
  };
}
