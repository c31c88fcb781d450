// The voice's front doors: /voice for everyone, an organisation's consultations, the coordinators' page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access, orgOf } from '../../platform/http/access.ts';
import { pageContext, type PageContext } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import { Layout } from '../../ui/layout.tsx';
import { listConsultationsFor } from './consultations/consultations.service.ts';
import { ConsultationList } from './consultations/consultations.views.tsx';
import { coordinateVoice, runOrgConsultations } from './voice.policy.ts';
import { listPublished } from './words/words.service.ts';
import { listPublishedSubmissions } from './submissions/submissions.service.ts';

type Items = Awaited<ReturnType<typeof listConsultationsFor>>;

function VoicePage({
  ctx,
  items,
  collections,
  submissions,
}: {
  ctx: PageContext;
  items: Items;
  collections: { id: string; title: string }[];
  submissions: { id: string; title: string; addressee: string }[];
}) {
  return (
    <Layout ctx={ctx} title="Speak with one voice">
      <h1>Speak with one voice</h1>
      <p class="lede">
        No two of our organisations are the same. Here we find what we agree on, say where we differ, and take it to
        local and national government.
      </p>
      <h2>Consultations</h2>
      <ConsultationList items={items} />
      <h2>In our own words</h2>
      <p>
        <a href="/voice/words/share">Share your words</a>: a sentence or two about recovery, your group, or what needs
        to change. You choose whether we may quote you.
      </p>
      {collections.length > 0 && (
        <ul class="voice-list">
          {collections.map((c) => (
            <li>
              <a href={`/voice/collections/${c.id}`}>{c.title}</a>
            </li>
          ))}
        </ul>
      )}
      <h2>Papers to government</h2>
      {submissions.length === 0 ? (
        <p class="empty">No papers published yet.</p>
      ) : (
        <ul class="voice-list">
          {submissions.map((s) => (
            <li>
              <a href={`/voice/submissions/${s.id}`}>{s.title}</a>
              {s.addressee ? ` — to ${s.addressee}` : ''}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

function NetworkVoicePage({ ctx, items }: { ctx: PageContext; items: Items }) {
  return (
    <Layout ctx={ctx} title="The network’s voice">
      <h1>The network’s voice</h1>
      <ul class="voice-list">
        <li>
          <a href="/network/voice/consultations/new">Open a consultation</a>
        </li>
        <li>
          <a href="/network/voice/words">Words waiting to be checked, and key phrases</a>
        </li>
        <li>
          <a href="/network/voice/collections">Collections of phrases</a>
        </li>
        <li>
          <a href="/network/voice/submissions">Papers to government</a>
        </li>
      </ul>
      <h2>Consultations</h2>
      <ConsultationList items={items} />
    </Layout>
  );
}

function OrgVoicePage({ ctx, slug, name, items }: { ctx: PageContext; slug: string; name: string; items: Items }) {
  return (
    <Layout ctx={ctx} title={`Consultations: ${name}`}>
      <h1>Consultations for {name}</h1>
      <p>
        <a href={`/orgs/${slug}/voice/new`}>Ask your people: open a consultation</a>
      </p>
      <ConsultationList items={items} />
    </Layout>
  );
}

export function hubRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    app.get('/voice', { config: { access: access.public } }, async (req, reply) => {
      const [items, collections, submissions] = await Promise.all([
        listConsultationsFor(deps, req.actor),
        listPublished(deps),
        listPublishedSubmissions(deps),
      ]);
      return sendPage(
        reply,
        <VoicePage ctx={ctx(req, reply)} items={items} collections={collections} submissions={submissions} />,
      );
    });
    app.get('/network/voice', { config: { access: access.network(coordinateVoice) } }, async (req, reply) =>
      sendPage(reply, <NetworkVoicePage ctx={ctx(req, reply)} items={await listConsultationsFor(deps, req.actor)} />),
    );
    app.get('/orgs/:org/voice', { config: { access: access.org(runOrgConsultations) } }, async (req, reply) => {
      const org = orgOf(req);
      return sendPage(
        reply,
        <OrgVoicePage
          ctx={ctx(req, reply)}
          slug={org.slug}
          name={org.name}
          items={await listConsultationsFor(deps, req.actor, { orgId: org.id })}
        />,
      );
    });
  };
}
