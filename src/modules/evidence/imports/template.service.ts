// Downloading a blank template for an import: the organisation's own questionnaires decide the
// questionnaire template's columns, so it is built per organisation.
import type { Deps } from '../../../platform/deps.ts';
import type { OrgTarget } from '../../../platform/http/access.ts';
import { listInstrumentsForOrg } from '../instruments/instruments.repository.ts';
import { templateColumns } from './engine/import-template.ts';
import { IMPORT_TARGET_NAMES, schemaFor, type ImportTarget } from './engine/target-schemas.ts';
import { templateCsv, templateXlsx } from './engine/template-files.ts';

export type TemplateFormat = 'csv' | 'xlsx';

export interface TemplateFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

export async function makeImportTemplate(
  deps: Deps,
  org: OrgTarget,
  target: ImportTarget,
  format: TemplateFormat,
): Promise<TemplateFile> {
  const instruments =
    target === 'assessments' ? (await listInstrumentsForOrg(deps.db, org.id)).map((i) => i.definition) : [];
  const columns = templateColumns(schemaFor(target, instruments), instruments);
  const fileName = `${IMPORT_TARGET_NAMES[target].toLowerCase()}-template.${format}`;
  if (format === 'csv') return { fileName, contentType: 'text/csv; charset=utf-8', body: templateCsv(columns) };
  return {
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await templateXlsx(
      columns,
      `${IMPORT_TARGET_NAMES[target]}: a template for importing into Recovery Connectors`,
    ),
  };
}
