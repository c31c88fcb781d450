// Blank templates for each import, as CSV or Excel with notes: GET only, for those who import.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { importEvidence } from '../evidence.policy.ts';
import { makeImportTemplate } from './template.service.ts';

const templateParam = z.object({
  target: z.enum(['participants', 'assessments', 'activities']),
  format: z.enum(['csv', 'xlsx']),
});

export function importTemplateRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    app.get(
      '/orgs/:org/imports/templates/:target.:format',
      { config: { access: access.org(importEvidence) } },
      async (req, reply) => {
        const parsed = templateParam.safeParse(req.params);
        if (!parsed.success) throw notFound('template');
        const file = await makeImportTemplate(deps, orgOf(req), parsed.data.target, parsed.data.format);
        return reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.body);
      },
    );
  };
}
