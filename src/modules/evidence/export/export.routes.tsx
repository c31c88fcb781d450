// The organisation's export: a page of downloads, one CSV per table plus a codebook. Audited.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { access, orgOf, personOf } from '../../../platform/http/access.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { pageContext } from '../../../platform/http/page-context.ts';
import { sendPage } from '../../../platform/http/render.ts';
import type { PageContext } from '../../../platform/http/page-context.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { exportEvidence } from '../evidence.policy.ts';
import { EvidenceLayout, orgCrumbs } from '../evidence.ui.tsx';
import { exportOrgTable, exportTables, isExportTable } from './export.service.ts';

function ExportPage({ ctx, org }: { ctx: PageContext; org: OrgTarget }) {
  return (
    <EvidenceLayout ctx={ctx} title="Download your data" crumbs={orgCrumbs(org)}>
      <h1>Download your data</h1>
      <p>
        Everything {org.name} holds, as CSV files that open in any spreadsheet program. The codebook says what every
        column means. These files hold personal data: keep them safe, and delete them when you no longer need them. Each
        download is noted in your audit log.
      </p>
      <ul>
        <li>
          <a href={`/orgs/${org.slug}/export/codebook`} download>
            codebook.csv
          </a>{' '}
          – what every column means
        </li>
        {exportTables().map((t) => (
          <li>
            <a href={`/orgs/${org.slug}/export/${t.table}`} download>
              {t.table}.csv
            </a>{' '}
            – {t.description}
          </li>
        ))}
      </ul>
    </EvidenceLayout>
  );
}

export function exportRoutes(deps: Deps) {
  return async function (app: FastifyInstance) {
    const ctx = (req: FastifyRequest, reply: FastifyReply) => pageContext(req, reply, deps.config.demo);
    const rule = { config: { access: access.org(exportEvidence) } };

    app.get('/orgs/:org/export', rule, async (req, reply) =>
      sendPage(reply, <ExportPage ctx={ctx(req, reply)} org={orgOf(req)} />),
    );

    app.get('/orgs/:org/export/:table', rule, async (req, reply) => {
      const org = orgOf(req);
      const table = String((req.params as { table?: string }).table ?? '');
      if (table !== 'codebook' && !isExportTable(table)) throw notFound('file');
      const body = await exportOrgTable(deps.db, personOf(req), org, table, req.ip);
      reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${org.slug}-${table}.csv"`);
      return reply.send(body);
    });
  };
}
