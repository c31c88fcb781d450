// Coordinators keep the help-now numbers right: list, change, say when checked.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, personOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { pageContext, setFlash } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import { editHelpLines } from '../directory.policy.ts';
import { HelpLineForm, helpLineParam } from './help-lines.schemas.ts';
import * as service from './help-lines.service.ts';
import { HelpLineFormPage, HelpLinesPage } from './help-lines.views.tsx';

/** Today in UK time, as YYYY-MM-DD. */
const todayInUk = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

export function helpLineRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const coordinator = { config: { access: access.network(editHelpLines) } };
    const lineId = (req: FastifyRequest): string => {
      const parsed = helpLineParam.safeParse(req.params);
      if (!parsed.success) throw notFound('help line');
      return parsed.data.line;
    };

    app.get('/network/help-lines', coordinator, async (req, reply) =>
      sendPage(
        reply,
        <HelpLinesPage
          ctx={pageContext(req, reply, deps.config.demo)}
          lines={await service.loadHelpLinesPage(deps.db)}
        />,
      ),
    );

    app.get('/network/help-lines/:line', coordinator, async (req, reply) => {
      const line = await service.loadHelpLine(deps.db, lineId(req));
      const values = { number: line.number, purpose: line.purpose };
      return sendPage(
        reply,
        <HelpLineFormPage ctx={pageContext(req, reply, deps.config.demo)} line={line} values={values} />,
      );
    });

    app.post('/network/help-lines/:line', coordinator, async (req, reply) => {
      const id = lineId(req);
      const form = parseForm(HelpLineForm, req.body);
      if (!form.ok) {
        const line = await service.loadHelpLine(deps.db, id);
        const page = (
          <HelpLineFormPage
            ctx={pageContext(req, reply, deps.config.demo)}
            line={line}
            values={form.values}
            errors={form.errors}
          />
        );
        return sendPage(reply, page, 400);
      }
      const name = await service.saveHelpLine(deps.db, personOf(req), id, form.data, todayInUk());
      setFlash(reply, { kind: 'success', text: `${name} is saved.` });
      return reply.redirect('/network/help-lines', 303);
    });
  };
}
