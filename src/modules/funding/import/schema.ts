// The 360Giving Data Standard 1.4.3 schemas, compiled once with Ajv (JSON Schema 2020-12).
// The schema names its meta-schema over http, which Ajv does not know, hence validateSchema
// false; strict false for the standard's own keywords (codelist, rollUp, openCodelist).
import { readFileSync } from 'node:fs';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const dir = new URL('./standard/', import.meta.url);
export const grantSchema = JSON.parse(readFileSync(new URL('360-giving-schema.json', dir), 'utf8')) as GrantSchema;
const packageSchema = JSON.parse(readFileSync(new URL('360-giving-package-schema.json', dir), 'utf8')) as object;

export interface SchemaNode {
  title?: string;
  type?: string | string[];
  items?: { $ref?: string } & SchemaNode;
  properties?: Record<string, SchemaNode>;
  $ref?: string;
}
export interface GrantSchema extends SchemaNode {
  properties: Record<string, SchemaNode>;
  $defs: Record<string, SchemaNode & { properties: Record<string, SchemaNode> }>;
}

let validators: { pkg: ValidateFunction; grant: ValidateFunction } | undefined;

function compiled() {
  if (!validators) {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false, validateSchema: false });
    addFormats.default(ajv);
    ajv.addSchema(grantSchema);
    validators = { pkg: ajv.compile(packageSchema), grant: ajv.getSchema(grantSchemaId())! };
  }
  return validators;
}

function grantSchemaId(): string {
  return (grantSchema as unknown as { $id: string }).$id;
}

/** Validates package metadata (everything but the grants), then each grant on its own. */
export function validatePackageMeta(meta: object): ErrorObject[] {
  const { pkg } = compiled();
  // A one-grant stand-in keeps the package rules (minItems) from firing on the metadata check.
  return pkg({ ...meta, grants: [{}] }) ? [] : (pkg.errors ?? []).filter((e) => !e.instancePath.startsWith('/grants'));
}

export function validateGrant(grant: unknown): ErrorObject[] {
  const { grant: validate } = compiled();
  return validate(grant) ? [] : [...(validate.errors ?? [])];
}

/** A field's title from the schema: "awardDate" -> "Award Date", "recipientOrganization/0/id" -> "Recipient Org: Identifier". */
export function fieldTitle(path: readonly string[]): string {
  const titles: string[] = [];
  let node: SchemaNode | undefined = { properties: grantSchema.properties };
  for (const part of path) {
    if (!node) break;
    if (/^\d+$/.test(part)) {
      node = node.items;
      if (node?.$ref) node = resolve(node.$ref);
      continue;
    }
    const child: SchemaNode | undefined = node.properties?.[part];
    if (!child) {
      titles.push(part);
      break;
    }
    titles.push(child.title ?? part);
    node = child.$ref ? resolve(child.$ref) : child;
  }
  return titles.join(': ');
}

function resolve(ref: string): SchemaNode | undefined {
  const m = /^#\/\$defs\/(\w+)$/.exec(ref);
  return m ? grantSchema.$defs[m[1]!] : undefined;
}
