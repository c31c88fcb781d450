// Validates our JSON against the shipped ORUK 3.0 schemas (spec/oruk/schema/),
// the same check the ORUK validator runs, but offline.
//
// Test and development support only: it reads schema files from disk and
// depends on ajv, which is a devDependency. Do not import it from production
// code paths.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const SPEC_DIR = new URL('../../../../spec/oruk/', import.meta.url);
const SCHEMA_BASE = 'https://openreferraluk.org/specifications/3.0/schema/';

/** What each ORUK GET endpoint returns, named after its schema file. */
export const ORUK_RESPONSE_KINDS = [
  'api_details',
  'service',
  'service_list',
  'organization',
  'organization_list',
  'service_at_location',
  'service_at_location_list',
  'taxonomy',
  'taxonomy_list',
  'taxonomy_term',
  'taxonomy_term_list',
] as const;

export type OrukResponseKind = (typeof ORUK_RESPONSE_KINDS)[number];

export type OrukValidationResult = { valid: true } | { valid: false; errors: string[] };

let validators: Map<OrukResponseKind | 'Page', ValidateFunction> | undefined;

function build(): Map<OrukResponseKind | 'Page', ValidateFunction> {
  // strict: false because the schemas carry non-JSON-Schema keywords
  // (constraints, core, example, datapackage_metadata, tabular_required, ...).
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS; under ESM its function may sit on `.default`.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
    a: Ajv2020,
  ) => void;
  addFormats(ajv);
  // The files have no $id; their cross-file $refs use these absolute URLs.
  const schemaDir = new URL('schema/', SPEC_DIR);
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(new URL(file, schemaDir), 'utf8')), `${SCHEMA_BASE}${file}`);
  }
  const map = new Map<OrukResponseKind | 'Page', ValidateFunction>();
  for (const kind of ORUK_RESPONSE_KINDS) map.set(kind, ajv.getSchema(`${SCHEMA_BASE}${kind}.json`)!);
  // The list schemas do not require any paging field; the OpenAPI "Page"
  // schema requires `empty`, and the validator pages using total_pages, so we
  // also hold list responses to a complete envelope.
  const openapi = JSON.parse(readFileSync(new URL('openapi.json', SPEC_DIR), 'utf8')) as {
    components: { schemas: { Page: Record<string, unknown> } };
  };
  map.set(
    'Page',
    ajv.compile({
      ...openapi.components.schemas.Page,
      required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
    }),
  );
  return map;
}

export function validateOrukResponse(kind: OrukResponseKind, json: unknown): OrukValidationResult {
  validators ??= build();
  const checks = [validators.get(kind)!];
  if (kind.endsWith('_list')) checks.push(validators.get('Page')!);
  const errors: string[] = [];
  for (const check of checks) {
    if (!check(json)) {
      for (const e of check.errors ?? [])
        errors.push(`${e.instancePath || '/'} ${e.message ?? 'is invalid'} (${e.schemaPath})`);
    }
  }
  return errors.length === 0 ? { valid: true } : { valid: false, errors };
}

/** Throws with every schema error listed; handy in tests. */
export function assertValidOruk(kind: OrukResponseKind, json: unknown): void {
  const result = validateOrukResponse(kind, json);
  if (!result.valid) throw new Error(`Not valid ORUK ${kind}:\n${result.errors.join('\n')}`);
}
