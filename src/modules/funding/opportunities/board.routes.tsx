// Routes of the board of funding opportunities: the board, its calendar of deadlines, adding
// an opportunity, one opportunity, and a member marking its interest. Changing one:
// change-opportunity.routes.tsx.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isSignedIn } from '../../../platform/auth/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { formatMoney } from '../domain/money.ts';
import { manageOrgFunding } from '../funding.policy.ts';
import { BoardPage, NewOpportunityPage, OpportunityPage } from '../funding.views.tsx';
import { deadlinesCalendar } from './deadlines.ics.ts';
import * as opportunities from './opportunities.service.ts';

const today = () => new Date().toISOString().slice(0, 10);
const n = (v: unknown) => Number(v ?? 0);

function amountOf(min: number | null, max: number | null): string {
  if (min !== null && max !== null)
    return min === max ? formatMoney(min) : `${formatMoney(min)} to ${formatMoney(max)}`;
  if (max !== null) return `up to ${formatMoney(max)}`;
  if (min !== null) return `from ${formatMoney(min)}`;
  return 'Not given';
}

export function boardRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const open = { config: { access: access.public } };
    const orgRule = { config: { access: access.org(manageOrgFunding) } };

    app.get('/funding/opportunities', open, async (req, reply) => {
      const [openRows, past] = await Promise.all([
        opportunities.listBoard(deps.db, today(), 'open'),
        opportunities.listBoard(deps.db, today(), 'past'),
      ]);
      const canAdd = isSignedIn(req.actor) && (await opportunities.mayAdd(deps.db, req.actor));
      const row = (o: (typeof openRows)[number]) => ({
        id: o.id,
        funder: o.funder,
        programme: o.programme,
        amount: amountOf(o.amount_min_pence, o.amount_max_pence),
        deadline: o.deadline,
        interested: n(o.interested),
        areas: o.areas,
      });
      return sendPage(
        reply,
        <BoardPage ctx={ctx(req, reply)} open={openRows.map(row)} past={past.map(row)} canAdd={canAdd} />,
      );
    });

    app.get('/funding/opportunities.ics', open, async (_req, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="funding-deadlines.ics"')
        .send(deadlinesCalendar(await opportunities.listAllDeadlines(deps.db), deps.config.publicUrl)),
    );

    app.get('/funding/opportunities/new', { config: { access: access.signedIn } }, async (req, reply) => {
      if (!(await opportunities.mayAdd(deps.db, personOf(req)))) throw notFound();
      return sendPage(reply, <NewOpportunityPage ctx={ctx(req, reply)} />);
    });
    app.post('/funding/opportunities', { config: { access: access.signedIn } }, async (req, reply) => {
      const parsed = parseForm(opportunities.OpportunityForm, req.body);
      if (!parsed.ok) {
        if (!(await opportunities.mayAdd(deps.db, personOf(req)))) throw notFound();
        return sendPage(
          reply,
          <NewOpportunityPage ctx={ctx(req, reply)} errors={parsed.errors} values={parsed.values} />,
          400,
        );
      }
      const id = await opportunities.addOpportunity(deps, personOf(req), parsed.data);
      setFlash(reply, { kind: 'success', text: 'The opportunity is on the board.' });
      return reply.redirect(`/funding/opportunities/${id}`, 303);
    });

    app.get('/funding/opportunities/:id', open, async (req, reply) => {
      const o = await opportunities.findOne(deps.db, String((req.params as { id: string }).id));
      if (!o) throw notFound('opportunity');
      const signedIn = isSignedIn(req.actor);
      const interested = signedIn ? await opportunities.interestedIn(deps.db, o.id) : null;
      const mine = signedIn ? await opportunities.myOrgsFor(deps.db, req.actor as never, o.id) : [];
      return sendPage(
        reply,
        <OpportunityPage
          ctx={ctx(req, reply)}
          interested={interested}
          myOrgs={mine}
          canChange={isSignedIn(req.actor) && opportunities.mayChange(req.actor, o)}
          o={{
            id: o.id,
            funder: o.funder,
            programme: o.programme,
            amount: amountOf(o.amount_min_pence, o.amount_max_pence),
            deadline: o.deadline,
            eligibility: o.eligibility,
            areas: o.areas,
            link: o.link,
            notes: o.notes,
            addedBy: o.added_by_org_name ?? 'The network coordinators',
            closed: o.deadline < today(),
          }}
        />,
      );
    });

    app.post('/orgs/:org/funding/opportunities/:id/interest', orgRule, async (req, reply) => {
      const id = String((req.params as { id: string }).id);
      const yes = (req.body as { interested?: string } | undefined)?.interested === 'yes';
      await opportunities.markInterest(deps, personOf(req), orgOf(req), id, yes);
      setFlash(reply, {
        kind: 'success',
        text: yes
          ? `${orgOf(req).name} is marked as interested. You will get a reminder before the deadline.`
          : 'Your interest is taken off.',
      });
      return reply.redirect(`/funding/opportunities/${id}`, 303);
    });
  };
}
