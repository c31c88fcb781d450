// Changing and removing an opportunity on the board: the person who added it, a lead of the
// organisation that added it, or a coordinator. Removing asks first.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, personOf } from '../../../platform/http/access.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { ChangeOpportunityPage, RemoveOpportunityPage } from '../funding.views.tsx';
import * as opportunities from './opportunities.service.ts';

const idOf = (req: FastifyRequest) => String((req.params as { id: string }).id);

export function changeOpportunityRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const signedIn = { config: { access: access.signedIn } };

    app.get('/funding/opportunities/:id/edit', signedIn, async (req, reply) => {
      const o = await opportunities.loadChangeableOpportunity(deps.db, personOf(req), idOf(req));
      return sendPage(reply, <ChangeOpportunityPage ctx={ctx(req, reply)} id={o.id} values={o.values} />);
    });
    app.post('/funding/opportunities/:id', signedIn, async (req, reply) => {
      const o = await opportunities.loadChangeableOpportunity(deps.db, personOf(req), idOf(req));
      const parsed = parseForm(opportunities.OpportunityForm, req.body);
      if (!parsed.ok)
        return sendPage(
          reply,
          <ChangeOpportunityPage ctx={ctx(req, reply)} id={o.id} errors={parsed.errors} values={parsed.values} />,
          400,
        );
      await opportunities.changeOpportunity(deps, personOf(req), o.id, parsed.data);
      setFlash(reply, { kind: 'success', text: 'The opportunity is changed.' });
      return reply.redirect(`/funding/opportunities/${o.id}`, 303);
    });

    app.get('/funding/opportunities/:id/remove', signedIn, async (req, reply) => {
      const o = await opportunities.loadChangeableOpportunity(deps.db, personOf(req), idOf(req));
      return sendPage(
        reply,
        <RemoveOpportunityPage ctx={ctx(req, reply)} id={o.id} title={o.title} interestedCount={o.interestedCount} />,
      );
    });
    app.post('/funding/opportunities/:id/remove', signedIn, async (req, reply) => {
      await opportunities.removeOpportunity(deps, personOf(req), idOf(req));
      setFlash(reply, { kind: 'success', text: 'The opportunity is no longer on the board.' });
      return reply.redirect('/funding/opportunities', 303);
    });
  };
}
