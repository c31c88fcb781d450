// HTTP routes for summaries contributed by organisations that keep records elsewhere.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../../platform/audit.ts';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import type { FieldErrors } from '../../../ui/components.tsx';
import { contributeSummaries } from '../evidence.policy.ts';
import { SummaryForm } from '../evidence.schemas.ts';
import { listInstrumentsForOrg } from '../instruments/instruments.repository.ts';
import { insertSummary, listSummaries } from './summaries.repository.ts';
import { checkSummaryAgainstMeasure, SummariesPage, type SummariesView } from './summaries.views.tsx';

export function summaryRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const rule = { config: { access: access.org(contributeSummaries) } };

    async function measures(orgId: string) {
      // Only instruments the network pools: an organisation's own measures are never pooled.
      return (await listInstrumentsForOrg(deps.db, orgId))
        .filter((i) => i.definition.pooled_by_network)
        .flatMap((i) => i.definition.measures.map((m) => ({ value: `${i.key}:${m.key}`, label: `${i.definition.short_name}: ${m.name}`, instrument: i, measure: m })));
    }

    async function page(req: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, values: Record<string, string> = {}) {
      const org = orgOf(req);
      const [options, rows] = await Promise.all([measures(org.id), listSummaries(deps.db, org.id)]);
      const view: SummariesView = {
        org,
        measures: options.map((o) => ({ value: o.value, label: `${o.label} (${o.measure.range.min} to ${o.measure.range.max})` })),
        rows: rows.map((r) => ({
          measure: options.find((o) => o.value === `${r.instrument_key}:${r.measure_key}`)?.label ?? `${r.instrument_key} ${r.measure_key}`,
          periodStart: r.period_start,
          periodEnd: r.period_end,
          n: r.n_paired,
          meanChange: r.mean_change,
          sdChange: r.sd_change,
          method: r.collection_method,
        })),
      };
      return sendPage(reply, <SummariesPage ctx={ctx(req, reply)} view={view} errors={errors} values={values} />, Object.keys(errors).length ? 400 : 200);
    }

    app.get('/orgs/:org/summaries', rule, async (req, reply) => page(req, reply));

    app.post('/orgs/:org/summaries', rule, async (req, reply) => {
      const org = orgOf(req);
      const form = parseForm(SummaryForm, req.body);
      if (!form.ok) return page(req, reply, form.errors, form.values);
      const f = form.data;
      const chosen = (await measures(org.id)).find((o) => o.value === f.measure);
      if (!chosen) return page(req, reply, { measure: 'Choose the questionnaire and measure' }, formValues(req.body));
      const rangeErrors = checkSummaryAgainstMeasure(chosen.measure, f);
      if (Object.keys(rangeErrors).length > 0) return page(req, reply, rangeErrors, formValues(req.body));
      const actor = personOf(req);
      await deps.db.transaction().execute(async (tx) => {
        await insertSummary(tx, org.id, {
          instrumentKey: chosen.instrument.key,
          instrumentVersion: chosen.instrument.version,
          measureKey: chosen.measure.key,
          periodStart: f.period_start,
          periodEnd: f.period_end,
          nPaired: f.n_paired,
          meanChange: f.mean_change,
          sdChange: f.sd_change,
          baselineMean: f.baseline_mean ?? null,
          baselineSd: f.baseline_sd ?? null,
          collectionMethod: f.collection_method,
          createdBy: actor.personId,
        });
        await recordAudit(tx, { orgId: org.id, actorId: actor.personId, action: 'summary.contributed', subjectType: 'instrument', subjectId: chosen.instrument.key });
      });
      setFlash(reply, { kind: 'success', text: `Summary for ${chosen.label} saved. Thank you.` });
      return reply.redirect(`/orgs/${org.slug}/summaries`, 303);
    });
  };
}
