// The lead's retention pages: the rule, the list a daily run found, and keeping or erasing one
// person on it. Leads only; another organisation's list answers 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { manageRetention } from '../evidence.policy.ts';
import { batchParam, KeepForm, memberParam, RuleForm } from './retention.schemas.ts';
import * as service from './retention.service.ts';
import { BatchPage, BatchPersonPage, RetentionPage } from './retention.views.tsx';

export function retentionRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const lead = { config: { access: access.org(manageRetention) } };

    // Lists of participants' references: never kept by a browser or proxy cache.
    app.addHook('onSend', async (_req, reply) => {
      reply.header('cache-control', 'no-store');
    });

    const batchOf = (req: FastifyRequest) => {
      const p = batchParam.safeParse(req.params);
      if (!p.success) throw notFound('list');
      return p.data.batch;
    };
    const memberOf = async (req: FastifyRequest) => {
      const p = memberParam.safeParse(req.params);
      if (!p.success) throw notFound('person');
      const view = await service.loadBatchPage(deps, orgOf(req), p.data.batch);
      const person = view.people.find((x) => x.id === p.data.participant && x.status === 'due');
      if (!view.batch.open || !person) throw notFound('person');
      return { batch: view.batch, person };
    };

    app.get('/orgs/:org/retention', lead, async (req, reply) => {
      const view = await service.loadRetentionPage(deps, orgOf(req));
      return sendPage(reply, <RetentionPage ctx={ctx(req, reply)} view={view} />);
    });

    app.post('/orgs/:org/retention', lead, async (req, reply) => {
      const org = orgOf(req);
      const form = parseForm(RuleForm, req.body);
      if (!form.ok) {
        const view = await service.loadRetentionPage(deps, org);
        return sendPage(
          reply,
          <RetentionPage ctx={ctx(req, reply)} view={view} errors={form.errors} value={formValues(req.body).years} />,
          400,
        );
      }
      await service.saveRetentionRule(deps.db, personOf(req), org, form.data.years);
      const text =
        form.data.years === null
          ? 'Saved. Records will be kept until they are erased by hand.'
          : `Saved. Records will be erased ${form.data.years} years after the last activity, after a warning to you.`;
      setFlash(reply, { kind: 'success', text });
      return reply.redirect(`/orgs/${org.slug}/retention`, 303);
    });

    app.get('/orgs/:org/retention/batches/:batch', lead, async (req, reply) => {
      const view = await service.loadBatchPage(deps, orgOf(req), batchOf(req));
      return sendPage(reply, <BatchPage ctx={ctx(req, reply)} view={view} />);
    });

    app.get('/orgs/:org/retention/batches/:batch/people/:participant', lead, async (req, reply) => {
      const { batch, person } = await memberOf(req);
      return sendPage(reply, <BatchPersonPage ctx={ctx(req, reply)} org={orgOf(req)} batch={batch} person={person} />);
    });

    app.post('/orgs/:org/retention/batches/:batch/people/:participant/keep', lead, async (req, reply) => {
      const org = orgOf(req);
      const { batch, person } = await memberOf(req);
      const form = parseForm(KeepForm, req.body);
      if (!form.ok) {
        return sendPage(
          reply,
          <BatchPersonPage
            ctx={ctx(req, reply)}
            org={org}
            batch={batch}
            person={person}
            errors={form.errors}
            reason={formValues(req.body).reason}
          />,
          400,
        );
      }
      await service.keepFromErasure(deps.db, personOf(req), org, batch.id, person.id, form.data.reason);
      setFlash(reply, { kind: 'success', text: `${person.code} will be kept.` });
      return reply.redirect(`/orgs/${org.slug}/retention/batches/${batch.id}`, 303);
    });

    app.post('/orgs/:org/retention/batches/:batch/people/:participant/erase', lead, async (req, reply) => {
      const org = orgOf(req);
      const { batch, person } = await memberOf(req);
      await service.eraseListedNow(deps.db, personOf(req), org, batch.id, person.id);
      setFlash(reply, { kind: 'success', text: `${person.code} and everything about them has been erased.` });
      return reply.redirect(`/orgs/${org.slug}/retention/batches/${batch.id}`, 303);
    });
  };
}
