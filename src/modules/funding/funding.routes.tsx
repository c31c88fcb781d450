// Routes for who funds recovery (public), importing grants and keywords (coordinators), the
// opportunities board, and an organisation's funding home with its value statement.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isSignedIn } from '../../platform/auth/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { access, orgOf, personOf } from '../../platform/http/access.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import { buildOrgDashboard } from '../insight/index.ts';
import { normaliseKeyword } from './domain/keywords.ts';
import { formatMoney, parseMoney } from './domain/money.ts';
import { buildValueStatement } from './domain/value-statement.ts';
import { coordinateFunding, manageOrgFunding } from './funding.policy.ts';
import {
  BoardPage,
  FunderPage,
  FundersPage,
  ImportPage,
  KeywordsPage,
  MemberGrantsPage,
  NewOpportunityPage,
  OpportunityPage,
  OrgFundingPage,
  type SourceView,
} from './funding.views.tsx';
import * as grants from './grants/grants.repository.ts';
import { addFundingKeyword, removeFundingKeyword } from './grants/keywords.service.ts';
import { importGrants } from './grants/import-grants.service.ts';
import { loadMemberIndex } from './grants/member-match.ts';
import { openBuffer } from './import/read-file.ts';
import { deadlinesCalendar } from './opportunities/deadlines.ics.ts';
import * as opportunities from './opportunities/opportunities.service.ts';

export const MAX_GRANTS_FILE_BYTES = 50 * 1024 * 1024;
const today = () => new Date().toISOString().slice(0, 10);
const n = (v: unknown) => Number(v ?? 0);

function sourceViews(rows: { publisher_name: string; licence: string; title: string }[]): SourceView[] {
  return rows.map((s) => ({ publisher: s.publisher_name, licence: s.licence, title: s.title }));
}

function amountOf(min: number | null, max: number | null): string {
  if (min !== null && max !== null)
    return min === max ? formatMoney(min) : `${formatMoney(min)} to ${formatMoney(max)}`;
  if (max !== null) return `up to ${formatMoney(max)}`;
  if (min !== null) return `from ${formatMoney(min)}`;
  return 'Not given';
}

const Keyword = z.object({
  keyword: z.string().trim().min(2, 'Enter a keyword of 2 letters or more').max(60, 'Keep a keyword to 60 characters'),
});
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
    await app.register(fastifyMultipart, {
      limits: { fileSize: MAX_GRANTS_FILE_BYTES, files: 1, fields: 4, fieldSize: 1000, parts: 6 },
    });
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const open = { config: { access: access.public } };
    const coordinator = { config: { access: access.network(coordinateFunding) } };
    const orgRule = { config: { access: access.org(manageOrgFunding) } };

    // ---- who funds recovery ----------------------------------------------------------------

    app.get('/funding', open, async (req, reply) => {
      const members = await loadMemberIndex(deps.db);
      const [funders, sources, received] = await Promise.all([
        grants.listRecoveryFunders(deps.db, members.ids),
        grants.sourcesFor(deps.db),
        grants.grantsToRecipients(deps.db, members.ids),
      ]);
      const counts = new Map<string, { name: string; slug: string; grants: number }>();
      for (const g of received) {
        const m = members.byId.get(g.recipient_id);
        if (!m) continue;
        const c = counts.get(m.slug) ?? { name: m.name, slug: m.slug, grants: 0 };
        c.grants++;
        counts.set(m.slug, c);
      }
      const visible = await Promise.all(
        [...counts.values()].map(async (c) =>
          (await grants.findOrgForGrants(deps.db, c.slug))?.show_grants ? c : null,
        ),
      );
      return sendPage(
        reply,
        <FundersPage
          ctx={ctx(req, reply)}
          sources={sourceViews(sources)}
          members={visible.filter((c) => c !== null)}
          funders={funders.map((f) => ({
            funderId: f.funder_id,
            name: f.funder_name,
            grants: n(f.grants),
            total: formatMoney(n(f.total), f.currency),
            memberGrants: n(f.member_grants),
            latest: String(f.latest).slice(0, 10),
          }))}
        />,
      );
    });

    app.get('/funding/funders/:funder', open, async (req, reply) => {
      const funderId = String((req.params as { funder: string }).funder).slice(0, 200);
      const summary = await grants.funderSummary(deps.db, funderId);
      if (!summary || n(summary.grants) === 0) throw notFound('funder');
      const members = await loadMemberIndex(deps.db);
      const [byYear, byArea, programmes, list, sources] = await Promise.all([
        grants.funderTotalsByYear(deps.db, funderId, members.ids),
        grants.funderTotalsByArea(deps.db, funderId, members.ids),
        grants.funderProgrammes(deps.db, funderId),
        grants.funderRecoveryGrants(deps.db, funderId, members.ids, 200),
        grants.sourcesFor(deps.db, funderId),
      ]);
      const funded = new Map<string, { name: string; slug: string }>();
      const rows = list.map((g) => {
        const m = members.byId.get(g.recipient_id);
        if (m) funded.set(m.slug, { name: m.name, slug: m.slug });
        return {
          id: g.grant_id,
          title: g.title,
          amount: formatMoney(n(g.amount_pence), g.currency),
          date: String(g.award_date).slice(0, 10),
          recipient: m ? m.name : g.recipient_name,
          ...(m ? { recipientHref: `/organisations/${m.slug}` } : {}),
          match: (m ? 'member' : 'keyword') as 'member' | 'keyword',
          keyword: g.keyword ?? '',
          area: g.area,
          programme: '',
        };
      });
      return sendPage(
        reply,
        <FunderPage
          ctx={ctx(req, reply)}
          name={summary.funder_name}
          sources={sourceViews(sources)}
          members={[...funded.values()]}
          byYear={byYear.map((r) => ({
            year: n(r.year),
            grants: n(r.grants),
            total: formatMoney(n(r.total), r.currency),
          }))}
          byArea={byArea.map((r) => ({
            area: r.area,
            grants: n(r.grants),
            total: formatMoney(n(r.total), r.currency),
          }))}
          programmes={programmes.map((p) => ({ programme: p.programme, grants: n(p.grants) }))}
          grants={rows}
        />,
      );
    });

    app.get('/organisations/:slug/grants', open, async (req, reply) => {
      const slug = String((req.params as { slug: string }).slug);
      const org = await grants.findOrgForGrants(deps.db, slug);
      // Shown to everyone only when the member allows it; to its own leads and workers always.
      const own =
        org &&
        isSignedIn(req.actor) &&
        manageOrgFunding.allows(req.actor, {
          id: org.id,
          slug: org.slug,
          name: org.name,
          status: org.status as 'member',
        });
      if (!org || org.status !== 'member' || !(org.show_grants || own)) throw notFound('page');
      const members = await loadMemberIndex(deps.db);
      const ids = [...members.byId].filter(([, m]) => m.orgId === org.id).map(([id]) => id);
      const received = await grants.grantsToRecipients(deps.db, ids);
      const sources = new Map(
        received.map((g) => [
          `${g.publisher_name}|${g.licence}`,
          { publisher: g.publisher_name, licence: g.licence, title: g.publisher_name },
        ]),
      );
      return sendPage(
        reply,
        <MemberGrantsPage
          ctx={ctx(req, reply)}
          name={org.name}
          slug={org.slug}
          sources={[...sources.values()]}
          grants={received.map((g) => ({
            id: g.grant_id,
            title: g.title,
            amount: formatMoney(n(g.amount_pence), g.currency),
            date: String(g.award_date).slice(0, 10),
            funder: g.funder_name,
            funderId: g.funder_id,
            programme: g.programme,
          }))}
        />,
      );
    });

    // ---- import and keywords (coordinators) ------------------------------------------------

    async function importPage(
      req: FastifyRequest,
      reply: FastifyReply,
      result?: Parameters<typeof ImportPage>[0]['result'],
      status = 200,
    ) {
      const sources = (await grants.listSources(deps.db)).map((s) => ({
        publisher: s.publisher_name,
        title: s.title,
        licence: s.licence,
        grants: s.grant_count,
        importedAt: s.imported_at.toISOString().slice(0, 10),
      }));
      return sendPage(reply, <ImportPage ctx={ctx(req, reply)} sources={sources} result={result} />, status);
    }
    app.get('/network/funding/import', coordinator, (req, reply) => importPage(req, reply));
    app.post('/network/funding/import', coordinator, async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file with the form on the page.');
      const fields: Record<string, string> = {};
      let file: { name: string; data: Buffer; truncated: boolean } | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'field') fields[part.fieldname] = String(part.value).trim();
          else if (part.fieldname === 'file') {
            const data = await part.toBuffer().catch(() => Buffer.alloc(0));
            file = { name: part.filename, data, truncated: part.file.truncated };
          }
        }
      } catch {
        file = { name: file?.name ?? '', data: Buffer.alloc(0), truncated: true };
      }
      if (!file || (file.data.length === 0 && !file.truncated))
        return importPage(
          req,
          reply,
          { ok: false, fileError: 'Choose a file to import.', problems: [], problemCount: 1 },
          400,
        );
      if (file.truncated)
        return importPage(
          req,
          reply,
          {
            ok: false,
            fileError: `The file is bigger than ${MAX_GRANTS_FILE_BYTES / 1024 / 1024} MB. Import it from the command line instead (connectors import grants FILE).`,
            problems: [],
            problemCount: 1,
          },
          413,
        );
      const report = await importGrants(deps.db, {
        fileName: file.name,
        open: openBuffer(file.data),
        publisherName: fields.publisher,
        licence: fields.licence,
        importedBy: personOf(req).personId,
      });
      if (!report.ok) return importPage(req, reply, report, 400);
      return importPage(req, reply, {
        ok: true,
        text: `${report.grants} grants from ${report.publisher}: ${report.added} new, ${report.changed} changed, ${report.unchanged} already here and unchanged.${report.ignoredColumns.length ? ` Columns not in the standard were left out: ${report.ignoredColumns.join(', ')}.` : ''}`,
      });
    });

    app.get('/network/funding/keywords', coordinator, async (req, reply) =>
      sendPage(reply, <KeywordsPage ctx={ctx(req, reply)} keywords={await grants.listKeywords(deps.db)} />),
    );
    app.post('/network/funding/keywords', coordinator, async (req, reply) => {
      const parsed = parseForm(Keyword, req.body);
      if (!parsed.ok)
        return sendPage(
          reply,
          <KeywordsPage
            ctx={ctx(req, reply)}
            keywords={await grants.listKeywords(deps.db)}
            errors={parsed.errors}
            values={parsed.values}
          />,
          400,
        );
      const keyword = normaliseKeyword(parsed.data.keyword);
      await addFundingKeyword(deps, keyword, personOf(req).personId);
      setFlash(reply, { kind: 'success', text: `"${keyword}" is added, and every grant is checked against it.` });
      return reply.redirect('/network/funding/keywords', 303);
    });
    app.post('/network/funding/keywords/remove', coordinator, async (req, reply) => {
      const keyword = normaliseKeyword(String((req.body as { keyword?: unknown } | undefined)?.keyword ?? ''));
      await removeFundingKeyword(deps, keyword);
      setFlash(reply, { kind: 'success', text: `"${keyword}" is removed.` });
      return reply.redirect('/network/funding/keywords', 303);
    });

    // ---- opportunities ---------------------------------------------------------------------

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

    // ---- an organisation's funding home ----------------------------------------------------

    async function orgPage(
      req: FastifyRequest,
      reply: FastifyReply,
      errors?: Record<string, string>,
      values?: Record<string, string>,
    ) {
      const org = orgOf(req);
      const [dash, costs, showGrants] = await Promise.all([
        buildOrgDashboard(deps.db, org.id),
        grants.getOrgCosts(deps.db, org.id),
        grants.getShowGrants(deps.db, org.id),
      ]);
      const ls = dash.measures.find(
        (m) => m.label.instrumentKey === 'ons4' && m.label.measureKey === 'life_satisfaction',
      )?.stats;
      const statement = buildValueStatement({
        participants: dash.reach.participants,
        sessions: dash.reach.sessions,
        attendance: dash.reach.attendance,
        volunteerHours: dash.reach.volunteerHours,
        lifeSatisfaction: ls ? { n: ls.n, meanChange: ls.meanChange, ciLow: ls.ciLow, ciHigh: ls.ciHigh } : null,
        runningCostsPence: costs.pence,
        costsYear: costs.year,
      });
      return sendPage(
        reply,
        <OrgFundingPage
          ctx={ctx(req, reply)}
          org={org}
          statement={statement}
          showGrants={showGrants}
          errors={errors}
          values={values}
          costs={{ pounds: costs.pence === null ? '' : (costs.pence / 100).toFixed(2), year: costs.year }}
        />,
        errors ? 400 : 200,
      );
    }
    app.get('/orgs/:org/funding', orgRule, (req, reply) => orgPage(req, reply));
    app.post('/orgs/:org/funding/costs', orgRule, async (req, reply) => {
      const parsed = parseForm(Costs, req.body);
      if (!parsed.ok) return orgPage(req, reply, parsed.errors, parsed.values);
      await grants.setOrgCosts(
        deps.db,
        orgOf(req).id,
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
      await grants.setShowGrants(deps.db, orgOf(req).id, show);
      setFlash(reply, {
        kind: 'success',
        text: show ? 'Your grants are shown on your public profile.' : 'Your grants are no longer shown publicly.',
      });
      return reply.redirect(`/orgs/${orgOf(req).slug}/funding`, 303);
    });
  };
}
