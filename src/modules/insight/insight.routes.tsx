// The insight module's routes: thin — authorise (config.access), build the view model, render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access, orgOf } from '../../platform/http/access.ts';
import { pageContext } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findOrgLogo } from '../directory/index.ts';
import { NotificationBanner } from '../../ui/components.tsx';
import { buildOrgDashboard, buildOutsideView } from './insight.service.ts';
import { assertGroupCanBeShown } from './release.service.ts';
import { releaseSentence } from './domain/release-calendar.ts';
import { makeOrgPack, viewNetworkInsight, viewOrgInsight } from './insight.policy.ts';
import { orgDashboardSections, networkDashboardSections, impactSections, groupChooser } from './dashboard.sections.tsx';
import { organisationPack, outsidePack, socialValueFor, socialValueBlocks } from './pack.document.ts';
import { renderPackPdf } from './pack.pdf.ts';
import { codebookCsv, openDataCsv } from './open-data.csv.ts';
import { readSocialValueForm, socialValueQuery } from './social-value.form.ts';
import { loadNetworkInsightPage, readMembers } from './reach.service.ts';
import { InsightPage, PackPage, SocialValueFormView, orgCrumbs, Downloads } from './insight.views.tsx';
import { todayInUk } from '../../platform/time.ts';

const today = () => todayInUk();
const NETWORK_CRUMBS = [
  { href: '/network', label: 'Network' },
  { href: '/network/insight', label: 'Insight' },
];

export function insightRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    // Public figures come from the latest monthly release, so they change only when one is made.
    const publicView = () => buildOutsideView(deps.db);
    const query = (req: FastifyRequest) => (req.query ?? {}) as Record<string, unknown>;

    // ---- the organisation's own -------------------------------------------------------------
    app.get('/orgs/:org/insight', { config: { access: access.org(viewOrgInsight) } }, async (req, reply) => {
      const org = orgOf(req);
      const dashboard = await buildOrgDashboard(deps.db, org.id);
      const actor = req.actor;
      const packs = actor.kind !== 'anonymous' && makeOrgPack.allows(actor, org);
      return sendPage(
        reply,
        <InsightPage
          ctx={ctx(req, reply)}
          title={`Insight: ${org.name}`}
          crumbs={[{ href: `/orgs/${org.slug}`, label: org.name }]}
          intro={
            <>
              <p class="lead">
                Your organisation's own figures, exact, from everyone in your records. Figures that leave your
                organisation are rounded and protected, and count only people who agreed to network use.
              </p>
              {packs && (
                <Downloads
                  links={[
                    { href: `/orgs/${org.slug}/insight/social-value`, label: 'Work out your social value' },
                    { href: `/orgs/${org.slug}/insight/pack`, label: 'Evidence pack' },
                    { href: `/orgs/${org.slug}/insight/pack.pdf`, label: 'Evidence pack (PDF)' },
                    { href: `/orgs/${org.slug}/insight/open-data.csv`, label: 'Open data (CSV, protected)' },
                  ]}
                />
              )}
            </>
          }
          sections={orgDashboardSections(dashboard)}
        />,
      );
    });

    app.get('/orgs/:org/insight/social-value', { config: { access: access.org(makeOrgPack) } }, async (req, reply) => {
      const org = orgOf(req);
      const form = readSocialValueForm(query(req));
      const dashboard = await buildOrgDashboard(deps.db, org.id);
      const result = socialValueFor({ own: dashboard }, form.costs, form.assumptions);
      const q = socialValueQuery(form);
      return sendPage(
        reply,
        <InsightPage
          ctx={ctx(req, reply)}
          title="Social value"
          crumbs={orgCrumbs(org)}
          intro={
            <p class="lead">
              Change the assumptions for this report; every figure below shows its source and date. The evidence pack
              uses the same assumptions when you open it from here.
            </p>
          }
          sections={
            Object.keys(form.errors).length > 0
              ? []
              : [{ id: 'result', heading: 'Result', blocks: socialValueBlocks(result, form.assumptions, form.costs) }]
          }
        >
          <h2>Assumptions</h2>
          <SocialValueFormView
            action={`/orgs/${org.slug}/insight/social-value`}
            form={form}
            submitLabel="Work it out"
          />
          <Downloads
            links={[
              {
                href: `/orgs/${org.slug}/insight/pack${q ? `?${q}` : ''}`,
                label: 'Evidence pack with these assumptions',
              },
              { href: `/orgs/${org.slug}/insight/pack.pdf${q ? `?${q}` : ''}`, label: 'PDF with these assumptions' },
            ]}
          />
        </InsightPage>,
        Object.keys(form.errors).length > 0 ? 400 : 200,
      );
    });

    const orgPack = async (req: FastifyRequest) => {
      const org = orgOf(req);
      const form = readSocialValueForm(query(req));
      const [dashboard, network, logo] = await Promise.all([
        buildOrgDashboard(deps.db, org.id),
        buildOutsideView(deps.db),
        findOrgLogo(deps, org.id),
      ]);
      const doc = organisationPack(org.name, dashboard, network, form.costs, form.assumptions, today());
      if (logo)
        doc.logo = {
          png: logo.png,
          src: `/organisations/${org.slug}/logo.png?v=${logo.updated_at.getTime()}`,
          alt: `${org.name} logo`,
          width: logo.width,
          height: logo.height,
        };
      return { org, form, doc };
    };
    app.get('/orgs/:org/insight/pack', { config: { access: access.org(makeOrgPack) } }, async (req, reply) => {
      const { org, form, doc } = await orgPack(req);
      const q = socialValueQuery(form);
      return sendPage(
        reply,
        <PackPage
          ctx={ctx(req, reply)}
          doc={doc}
          crumbs={orgCrumbs(org)}
          downloads={[
            { href: `/orgs/${org.slug}/insight/pack.pdf${q ? `?${q}` : ''}`, label: 'Download as PDF' },
            { href: `/orgs/${org.slug}/insight/open-data.csv`, label: 'Open data (CSV)' },
            { href: '/impact/codebook.csv', label: 'Codebook (CSV)' },
            {
              href: `/orgs/${org.slug}/insight/social-value${q ? `?${q}` : ''}`,
              label: 'Change the social value assumptions',
            },
          ]}
        />,
      );
    });
    app.get('/orgs/:org/insight/pack.pdf', { config: { access: access.org(makeOrgPack) } }, async (req, reply) => {
      const { org, doc } = await orgPack(req);
      const pdf = await renderPackPdf(doc);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="evidence-pack-${org.slug}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    });
    app.get('/orgs/:org/insight/open-data.csv', { config: { access: access.org(makeOrgPack) } }, async (req, reply) => {
      const org = orgOf(req);
      const view = await buildOutsideView(deps.db, [org.id]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="open-data-${org.slug}.csv"`)
        .send(openDataCsv('organisation', view));
    });

    // ---- the network's ----------------------------------------------------------------------
    app.get('/network/insight', { config: { access: access.network(viewNetworkInsight) } }, async (req, reply) => {
      const { view, coverage, members } = await loadNetworkInsightPage(deps);
      return sendPage(
        reply,
        <InsightPage
          ctx={ctx(req, reply)}
          title="Network insight"
          crumbs={[{ href: '/network', label: 'Network' }]}
          intro={
            <>
              <p class="lead">
                Pooled figures across member organisations, from people who agreed to network use. Every figure is
                protected: small numbers are hidden and counts rounded to the nearest 5.
              </p>
              <p>
                {releaseSentence(view.release)} Organisations with fewer than 8 people who agreed to network use are
                left out of every figure, totals included.
              </p>
              <Downloads
                links={[
                  { href: '/network/insight/pack', label: 'Network evidence pack' },
                  { href: '/network/insight/pack.pdf', label: 'Network evidence pack (PDF)' },
                  { href: '/network/insight/open-data.csv', label: 'Open data (CSV)' },
                  { href: '/impact', label: 'Public impact page' },
                ]}
              />
            </>
          }
          sections={networkDashboardSections(view, coverage, new Date())}
        >
          {groupChooser(members)}
        </InsightPage>,
      );
    });

    const outsideScope = async (req: FastifyRequest) => {
      const raw = query(req).orgs;
      const slugs = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : []).filter(
        (s): s is string => typeof s === 'string' && s.length > 0,
      );
      if (slugs.length === 0)
        return { orgIds: undefined, title: 'Network evidence pack', scope: 'the network', key: 'network' };
      const members = await readMembers(deps.db);
      const chosen = members.filter((m) => slugs.includes(m.slug));
      await assertGroupCanBeShown(deps.db, chosen);
      return {
        orgIds: chosen.map((m) => m.id),
        title: `Consortium evidence pack: ${chosen.map((m) => m.name).join(', ') || 'no organisations chosen'}`,
        scope: `a group of ${chosen.length} organisations`,
        key: 'group',
        slugs: chosen.map((m) => m.slug),
      };
    };
    const outsideDoc = async (req: FastifyRequest) => {
      const s = await outsideScope(req);
      const form = readSocialValueForm(query(req));
      const view = await buildOutsideView(deps.db, s.orgIds);
      return { s, form, view, doc: outsidePack(s.title, s.scope, view, form.costs, form.assumptions, today()) };
    };
    /** A group that can't be shown: say why on a page that lets them choose again. */
    const groupRefused = async (req: FastifyRequest, reply: FastifyReply, message: string) =>
      sendPage(
        reply,
        <InsightPage
          ctx={ctx(req, reply)}
          title="Choose another group"
          crumbs={NETWORK_CRUMBS}
          intro={
            <NotificationBanner kind="warning" title="This group can't be shown">
              <p>{message}</p>
            </NotificationBanner>
          }
          sections={[]}
        >
          {groupChooser(await readMembers(deps.db))}
        </InsightPage>,
        400,
      );
    app.get('/network/insight/pack', { config: { access: access.network(viewNetworkInsight) } }, async (req, reply) => {
      let built: Awaited<ReturnType<typeof outsideDoc>>;
      try {
        built = await outsideDoc(req);
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation') return groupRefused(req, reply, err.message);
        throw err;
      }
      const { s, form, doc } = built;
      const params = new URLSearchParams(socialValueQuery(form));
      if (s.slugs) params.set('orgs', s.slugs.join(','));
      const q = params.toString() ? `?${params}` : '';
      return sendPage(
        reply,
        <PackPage
          ctx={ctx(req, reply)}
          doc={doc}
          crumbs={NETWORK_CRUMBS}
          downloads={[
            { href: `/network/insight/pack.pdf${q}`, label: 'Download as PDF' },
            { href: `/network/insight/open-data.csv${q}`, label: 'Open data (CSV)' },
            { href: '/impact/codebook.csv', label: 'Codebook (CSV)' },
          ]}
        />,
      );
    });
    app.get(
      '/network/insight/pack.pdf',
      { config: { access: access.network(viewNetworkInsight) } },
      async (req, reply) => {
        const { s, doc } = await outsideDoc(req);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="evidence-pack-${s.key}.pdf"`)
          .header('cache-control', 'private, no-store')
          .send(await renderPackPdf(doc));
      },
    );
    app.get(
      '/network/insight/open-data.csv',
      { config: { access: access.network(viewNetworkInsight) } },
      async (req, reply) => {
        const { s, view } = await outsideDoc(req);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="open-data-${s.key}.csv"`)
          .send(openDataCsv(s.key, view));
      },
    );

    // ---- public -----------------------------------------------------------------------------
    app.get('/impact', { config: { access: access.public } }, async (req, reply) => {
      const view = await publicView();
      return sendPage(
        reply,
        <InsightPage
          ctx={ctx(req, reply)}
          title="Our impact"
          crumbs={[]}
          intro={
            <>
              <p class="lead">
                What happens for people supported by the network's member organisations, pooled across organisations.
                Figures count only people who agreed to their answers being used by the network; small numbers are
                hidden and counts are rounded to the nearest 5. <a href="/methods">How the figures are worked out</a>.
              </p>
              <p>
                {releaseSentence(view.release)} We publish once a month, so that no one can work out a small group by
                watching the figures change.
              </p>
              <Downloads
                links={[
                  { href: '/impact/open-data.csv', label: 'Open data (CSV)' },
                  { href: '/impact/codebook.csv', label: 'Codebook (CSV)' },
                ]}
              />
            </>
          }
          sections={impactSections(view)}
        />,
      );
    });
    app.get('/impact/open-data.csv', { config: { access: access.public } }, async (_req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="recovery-connectors-impact.csv"')
        .header('cache-control', 'public, max-age=60')
        .send(openDataCsv('network', await publicView())),
    );
    app.get('/impact/codebook.csv', { config: { access: access.public } }, async (_req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="codebook.csv"')
        .header('cache-control', 'public, max-age=86400')
        .send(codebookCsv()),
    );
  };
}
