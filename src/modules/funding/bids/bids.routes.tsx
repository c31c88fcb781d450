// Routes for consortium bids under /orgs/:org/funding/bids. The access layer checks the
// organisation (its leads and workers, a member); each use case then checks the bid.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { formValues, parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import type { FieldErrors } from '../../../ui/components.tsx';
import { renderPackPdf } from '../../insight/index.ts';
import { isRealDate } from '../domain/deadlines.ts';
import { parseMoney } from '../domain/money.ts';
import { manageOrgFunding } from '../funding.policy.ts';
import {
  buildBidSummary,
  buildCombinedPack,
  loadBidList,
  loadBidPage,
  loadInvitation,
  loadOpportunityChoices,
} from './bid.pages.ts';
import * as service from './bids.service.ts';
import { BidListPage, BidPage, InvitationPage, OpenBidForm } from './bids.views.tsx';
import { renderPackDocx } from './pack.docx.ts';
import { Layout } from '../../../ui/layout.tsx';

const money = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => {
      const p = parseMoney(s);
      return p !== undefined && p > 0;
    }, `Enter ${label} in pounds, like 12,500 or 12500.50`);
const OpenBid = z.object({
  title: z.string().trim().min(1, 'Enter what the bid is called').max(200, 'Keep the name to 200 characters'),
  total: money('the total'),
  opportunity: z.string().trim().default(''),
  role: z.string().trim().max(100, 'Keep the role to 100 characters').default(''),
  summary: z.string().trim().max(5000, 'Keep the summary to 5,000 characters').default(''),
});
const BidDetails = OpenBid.omit({ opportunity: true, role: true }).extend({
  running_costs: z
    .string()
    .trim()
    .default('')
    .refine(
      (s) => s === '' || (parseMoney(s) ?? 0) > 0,
      'Enter the running costs in pounds, more than £0, or leave it empty',
    ),
  status: z.enum(['drafting', 'submitted', 'won', 'lost'], { message: 'Choose a stage' }),
});
const Invite = z.object({
  partner: z.string().trim().min(1, 'Choose a member organisation to invite'),
  role: z.string().trim().max(100, 'Keep the role to 100 characters').default(''),
});
const Task = z.object({
  task: z.string().trim().min(1, 'Enter the task').max(300, 'Keep the task to 300 characters'),
  owner: z.string().trim().uuid('Choose who owns it'),
  due: z
    .string()
    .trim()
    .default('')
    .refine((s) => s === '' || isRealDate(s), 'Enter the due date as a real date, like 2026-03-31'),
});
const Doc = z.object({
  document: z.string().trim().default(''),
  doc_title: z.string().trim().min(1, 'Enter a title').max(200, 'Keep the title to 200 characters'),
  doc_body: z
    .string()
    .trim()
    .min(1, 'Write the text of the document')
    .max(50_000, 'Keep a document to 50,000 characters'),
});
const Note = z.object({
  note: z.string().trim().min(1, 'Write the note').max(5000, 'Keep a note to 5,000 characters'),
});

export function bidRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const rule = { config: { access: access.org(manageOrgFunding) } };
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const bidId = (req: FastifyRequest) => String((req.params as { bid?: string }).bid ?? '');

    const choices = () => loadOpportunityChoices(deps);

    app.get('/orgs/:org/funding/bids', rule, async (req, reply) => {
      const org = orgOf(req);
      const [bids, opportunities] = await Promise.all([loadBidList(deps, org), choices()]);
      // "Open a bid for this opportunity" on the board arrives with it chosen (if still open).
      const asked = String((req.query as { opportunity?: unknown }).opportunity ?? '');
      const chosen = opportunities.some((o) => o.id === asked) ? asked : '';
      return sendPage(
        reply,
        <BidListPage
          ctx={ctx(req, reply)}
          org={org}
          bids={bids}
          opportunities={opportunities}
          chosenOpportunity={chosen}
        />,
      );
    });

    app.post('/orgs/:org/funding/bids', rule, async (req, reply) => {
      const org = orgOf(req);
      const parsed = parseForm(OpenBid, req.body);
      const opportunities = await choices();
      const refuse = (errors: FieldErrors, values: Record<string, string>) => {
        const c = ctx(req, reply);
        return sendPage(
          reply,
          <Layout ctx={c} title="Open a bid">
            <h1>Open a bid</h1>
            <OpenBidForm
              token={c.csrfToken()}
              org={org}
              opportunities={opportunities}
              errors={errors}
              values={values}
            />
          </Layout>,
          400,
        );
      };
      if (!parsed.ok) return refuse(parsed.errors, parsed.values);
      const opportunityId = parsed.data.opportunity || null;
      if (opportunityId && !opportunities.some((o) => o.id === opportunityId))
        return refuse({ opportunity: 'Choose an open opportunity from the list' }, formValues(req.body));
      const id = await service.openBid(deps, personOf(req), org, {
        title: parsed.data.title,
        totalPence: parseMoney(parsed.data.total)!,
        summary: parsed.data.summary,
        role: parsed.data.role,
        opportunityId,
      });
      setFlash(reply, { kind: 'success', text: 'The bid is open. Invite your partners next.' });
      return reply.redirect(`/orgs/${org.slug}/funding/bids/${id}`, 303);
    });

    async function page(
      req: FastifyRequest,
      reply: FastifyReply,
      errors?: FieldErrors,
      values?: Record<string, string>,
    ) {
      const org = orgOf(req);
      const found = await service.loadBid(deps.db, org, bidId(req), 'see-invitation').catch(() => undefined);
      if (found)
        return sendPage(
          reply,
          <InvitationPage ctx={ctx(req, reply)} org={org} inv={await loadInvitation(deps, org, bidId(req))} />,
        );
      const v = await loadBidPage(deps, org, bidId(req));
      return sendPage(
        reply,
        <BidPage ctx={ctx(req, reply)} org={org} v={v} errors={errors} values={values} />,
        errors ? 400 : 200,
      );
    }
    const back = (req: FastifyRequest, reply: FastifyReply, text: string, anchor = '') => {
      setFlash(reply, { kind: 'success', text });
      return reply.redirect(`/orgs/${orgOf(req).slug}/funding/bids/${bidId(req)}${anchor}`, 303);
    };
    /** Runs a use case; a validation error shows the page again with its message. */
    async function attempt(
      req: FastifyRequest,
      reply: FastifyReply,
      run: () => Promise<unknown>,
      ok: string,
      anchor: string,
    ) {
      try {
        await run();
      } catch (err) {
        if (err instanceof AppError && (err.code === 'validation' || err.code === 'conflict')) {
          return page(
            req,
            reply,
            Object.keys(err.fields).length ? err.fields : { form: err.message },
            formValues(req.body),
          );
        }
        throw err;
      }
      return back(req, reply, ok, anchor);
    }

    app.get('/orgs/:org/funding/bids/:bid', rule, (req, reply) => page(req, reply));

    app.post('/orgs/:org/funding/bids/:bid/respond', rule, async (req, reply) => {
      const accept = (req.body as { answer?: string } | undefined)?.answer === 'accept';
      const org = orgOf(req);
      await service.respondToBid(deps, personOf(req), org, bidId(req), accept);
      setFlash(reply, {
        kind: 'success',
        text: accept ? 'You have joined the bid.' : 'You have declined the invitation.',
      });
      return reply.redirect(
        accept ? `/orgs/${org.slug}/funding/bids/${bidId(req)}` : `/orgs/${org.slug}/funding/bids`,
        303,
      );
    });

    app.post('/orgs/:org/funding/bids/:bid/details', rule, async (req, reply) => {
      await service.loadBid(deps.db, orgOf(req), bidId(req), 'edit-bid');
      const parsed = parseForm(BidDetails, req.body);
      if (!parsed.ok) return page(req, reply, parsed.errors, parsed.values);
      const d = parsed.data;
      return attempt(
        req,
        reply,
        () =>
          service.saveBidDetails(deps, personOf(req), orgOf(req), bidId(req), {
            title: d.title,
            summary: d.summary,
            totalPence: parseMoney(d.total)!,
            runningCostsPence: d.running_costs ? parseMoney(d.running_costs)! : null,
            status: d.status,
          }),
        'The bid is saved.',
        '#details',
      );
    });

    app.post('/orgs/:org/funding/bids/:bid/partners', rule, async (req, reply) => {
      await service.loadBid(deps.db, orgOf(req), bidId(req), 'invite');
      const parsed = parseForm(Invite, req.body);
      if (!parsed.ok) return page(req, reply, parsed.errors, parsed.values);
      return attempt(
        req,
        reply,
        () =>
          service.invitePartnerToBid(deps, personOf(req), orgOf(req), bidId(req), {
            partnerSlug: parsed.data.partner,
            role: parsed.data.role,
          }),
        'The invitation is sent.',
        '#partners',
      );
    });

    app.post('/orgs/:org/funding/bids/:bid/budget', rule, async (req, reply) => {
      const org = orgOf(req);
      const { bid } = await service.loadBid(deps.db, org, bidId(req), 'set-budget');
      const values = formValues(req.body);
      const errors: FieldErrors = {};
      const lines: { orgId: string; description: string; pence: number }[] = [];
      for (const p of await service.listBudgetPartners(deps.db, bid.id)) {
        const raw = values[`amount_${p.org_id}`] ?? '';
        const description = (values[`description_${p.org_id}`] ?? '').slice(0, 300);
        const pence = raw === '' ? 0 : parseMoney(raw);
        if (pence === undefined) errors[`amount_${p.org_id}`] = `Enter ${p.name}'s amount in pounds, like 12,500`;
        else lines.push({ orgId: p.org_id, description, pence });
      }
      if (Object.keys(errors).length) return page(req, reply, errors, values);
      return attempt(
        req,
        reply,
        () => service.saveBidBudget(deps, personOf(req), org, bid.id, lines),
        'The budget is saved: it adds up to the total.',
        '#budget',
      );
    });

    app.post('/orgs/:org/funding/bids/:bid/tasks', rule, async (req, reply) => {
      await service.loadBid(deps.db, orgOf(req), bidId(req), 'add-task');
      const parsed = parseForm(Task, req.body);
      if (!parsed.ok) return page(req, reply, parsed.errors, parsed.values);
      return attempt(
        req,
        reply,
        () =>
          service.addBidTask(deps, orgOf(req), bidId(req), {
            ownerOrgId: parsed.data.owner,
            title: parsed.data.task,
            dueOn: parsed.data.due || null,
          }),
        'The task is added.',
        '#tasks',
      );
    });

    app.post('/orgs/:org/funding/bids/:bid/tasks/:task', rule, async (req, reply) => {
      const done = (req.body as { done?: string } | undefined)?.done === 'yes';
      await service.markBidTask(deps, orgOf(req), bidId(req), String((req.params as { task: string }).task), done);
      return back(req, reply, done ? 'Marked done.' : 'Marked not done.', '#tasks');
    });

    app.post('/orgs/:org/funding/bids/:bid/documents', rule, async (req, reply) => {
      await service.loadBid(deps.db, orgOf(req), bidId(req), 'add-document');
      // A new version's text comes in a field named for its document, so each form's ids are unique.
      const body = { ...(req.body as Record<string, unknown>) };
      const key = typeof body.document === 'string' ? body.document : '';
      if (key && typeof body[`doc_body_${key}`] === 'string') body.doc_body = body[`doc_body_${key}`];
      const parsed = parseForm(Doc, body);
      if (!parsed.ok) return page(req, reply, parsed.errors, parsed.values);
      return attempt(
        req,
        reply,
        () =>
          service.addBidDocument(deps, personOf(req), orgOf(req), bidId(req), {
            documentKey: parsed.data.document || null,
            title: parsed.data.doc_title,
            body: parsed.data.doc_body,
          }),
        'The document is saved. Each partner signs off the new version.',
        '#documents',
      );
    });

    app.post('/orgs/:org/funding/bids/:bid/documents/:document/sign-off', rule, async (req, reply) =>
      attempt(
        req,
        reply,
        () =>
          service.signOffBidDocument(
            deps,
            personOf(req),
            orgOf(req),
            bidId(req),
            String((req.params as { document: string }).document),
          ),
        'Signed off.',
        '#documents',
      ),
    );

    app.post('/orgs/:org/funding/bids/:bid/notes', rule, async (req, reply) => {
      await service.loadBid(deps.db, orgOf(req), bidId(req), 'add-note');
      const parsed = parseForm(Note, req.body);
      if (!parsed.ok) return page(req, reply, parsed.errors, parsed.values);
      return attempt(
        req,
        reply,
        () => service.addBidNote(deps, personOf(req), orgOf(req), bidId(req), parsed.data.note),
        'The note is added.',
        '#notes',
      );
    });

    const send = (reply: FastifyReply, body: Buffer, type: string, name: string) =>
      reply
        .header('content-type', type)
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

    app.get('/orgs/:org/funding/bids/:bid/pack.pdf', rule, async (req, reply) => {
      await service.loadBid(deps.db, orgOf(req), bidId(req), 'export');
      return send(
        reply,
        await renderPackPdf(await buildCombinedPack(deps, orgOf(req), bidId(req))),
        'application/pdf',
        'combined-evidence-pack.pdf',
      );
    });
    app.get('/orgs/:org/funding/bids/:bid/pack.docx', rule, async (req, reply) => {
      await service.loadBid(deps.db, orgOf(req), bidId(req), 'export');
      return send(
        reply,
        await renderPackDocx(await buildCombinedPack(deps, orgOf(req), bidId(req))),
        DOCX,
        'combined-evidence-pack.docx',
      );
    });
    app.get('/orgs/:org/funding/bids/:bid/summary.pdf', rule, async (req, reply) => {
      await service.loadBid(deps.db, orgOf(req), bidId(req), 'export');
      return send(
        reply,
        await renderPackPdf(await buildBidSummary(deps, orgOf(req), bidId(req))),
        'application/pdf',
        'bid-summary.pdf',
      );
    });
    app.get('/orgs/:org/funding/bids/:bid/summary.docx', rule, async (req, reply) => {
      await service.loadBid(deps.db, orgOf(req), bidId(req), 'export');
      return send(
        reply,
        await renderPackDocx(await buildBidSummary(deps, orgOf(req), bidId(req))),
        DOCX,
        'bid-summary.docx',
      );
    });
  };
}
