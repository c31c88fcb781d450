// The front door of shared learning: search, what's new, and the ways in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access } from '../../platform/http/access.ts';
import { pageContext } from '../../platform/http/page-context.ts';
import { sendPage } from '../../platform/http/render.ts';
import { Breadcrumbs, Button, LinkCards, TextInput } from '../../ui/components.tsx';
import { Layout } from '../../ui/layout.tsx';
import { KIND_LABEL, type ResourceKind } from './domain/tags.ts';
import { loadLearningHub } from './library/library.service.ts';

type Latest = Awaited<ReturnType<typeof loadLearningHub>>['resources'];

function List({ rows }: { rows: Latest }) {
  return (
    <ul class="learning-hits">
      {rows.map((r) => (
        <li>
          <a href={`/learning/library/${r.id}`}>{r.title}</a>
          <span class="learning-meta">
            {' '}
            {KIND_LABEL[r.kind as ResourceKind]} from {r.org_name}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function hubRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    app.get('/learning', { config: { access: access.public } }, async (req: FastifyRequest, reply: FastifyReply) => {
      const ctx = pageContext(req, reply, deps.config.demo);
      const view = await loadLearningHub(deps, req.actor);
      const links = [
        {
          href: '/learning/library',
          label: 'The library',
          description: 'Guides, templates and policies from groups across the network.',
        },
        {
          href: '/learning/library?kind=story',
          label: 'Innovation stories',
          description: 'What a group tried, what it cost, and how to copy it.',
        },
        {
          href: '/learning/start',
          label: 'Start a recovery group',
          description: 'The steps from an idea to a group to a charity, and a mentor to help.',
        },
        {
          href: '/learning/questions',
          label: 'Ask the network',
          description: 'Questions answered by people who have been there. For members.',
        },
        {
          href: '/learning/people',
          label: 'People who can help',
          description: 'Members who can offer a skill or some experience, and what they are looking for. For members.',
        },
      ];
      return sendPage(
        reply,
        <Layout ctx={ctx} title="Learn from each other" before={<Breadcrumbs items={[{ href: '/', label: 'Home' }]} />}>
          <h1>Learn from each other</h1>
          <p class="lede">
            No two groups are the same, and that is the point. Here is what they have learned, shared for everyone.
          </p>
          <form method="get" action="/learning/library" role="search" class="learning-search">
            <TextInput name="q" label="Search the library" type="search" spellcheck={false} />
            <Button>Search</Button>
          </form>
          <LinkCards links={links} />
          <h2>New in the library</h2>
          <List rows={view.resources} />
          <h2>Recent stories</h2>
          <List rows={view.stories} />
        </Layout>,
      );
    });
  };
}
