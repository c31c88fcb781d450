// Ajv's errors turned into one plain message per grant and field: which grant (by its id and
// place in the file), which field (by the title people see in the spreadsheet), what is wrong.
import type { ErrorObject } from 'ajv';
import { fieldTitle } from './schema.ts';

export interface GrantProblem {
  /** 1-based position in the file: the grant's number, or its spreadsheet row. */
  where: string;
  grantId: string;
  field: string;
  message: string;
}

const DATE_FIELDS = /(^|\/)(awardDate|startDate|endDate|transactionDate|issued|modified|dateModified)$/;

export function describeGrantErrors(errors: readonly ErrorObject[], grant: unknown, where: string): GrantProblem[] {
  const grantId = grantIdOf(grant);
  const byField = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const path =
      e.keyword === 'required' ? joinPath(e.instancePath, String(e.params.missingProperty)) : e.instancePath.slice(1);
    if (path === '' && e.keyword === 'oneOf') continue; // the summary of the branches below
    const list = byField.get(path) ?? [];
    list.push(e);
    byField.set(path, list);
  }
  const missingRecipient = ['recipientOrganization', 'recipientIndividual'].every((k) =>
    byField.get(k)?.every((e) => e.keyword === 'required'),
  );
  const out: GrantProblem[] = [];
  for (const [path, list] of byField) {
    if (missingRecipient && (path === 'recipientOrganization' || path === 'recipientIndividual')) continue;
    // A grant with an organisation recipient fails the "individual" branch: not a real problem.
    if (
      list.every((e) => e.keyword === 'required') &&
      (path === 'recipientIndividual' || path === 'recipientOrganization')
    )
      continue;
    const parts = path.split('/').filter(Boolean);
    const field = `${fieldTitle(parts)} (${parts.join('.')})`;
    out.push({ where, grantId, field, message: messageFor(path, list, valueAt(grant, parts)) });
  }
  if (missingRecipient) {
    out.push({
      where,
      grantId,
      field: 'Recipient Org (recipientOrganization)',
      message: 'is missing: a grant needs a recipient organisation or a recipient individual',
    });
  }
  return out;
}

function messageFor(path: string, list: ErrorObject[], value: unknown): string {
  const kinds = new Set(list.map((e) => e.keyword));
  if (kinds.has('required')) return 'is missing, and the standard requires it';
  const shown =
    value === undefined ? '' : `"${String(typeof value === 'object' ? JSON.stringify(value) : value).slice(0, 60)}" `;
  if (DATE_FIELDS.test(path) && (kinds.has('format') || kinds.has('pattern') || kinds.has('oneOf'))) {
    return `${shown}is not a date: write it as YYYY-MM-DD, for example 2024-03-31`;
  }
  if (kinds.has('type')) {
    const wanted = list.find((e) => e.keyword === 'type')!.params.type as string | string[];
    return `${shown}should be ${[wanted]
      .flat()
      .filter((t) => t !== 'null')
      .map(article)
      .join(' or ')}`;
  }
  if (kinds.has('enum')) return `${shown}is not in the standard's list (a currency is a 3-letter code such as GBP)`;
  if (kinds.has('minItems')) return 'needs at least one entry';
  if (kinds.has('format'))
    return `${shown}is not a valid ${String(list.find((e) => e.keyword === 'format')!.params.format)}`;
  if (kinds.has('pattern')) return `${shown}is not in the expected form`;
  return `${shown}${list[0]!.message ?? 'is not valid'}`;
}

function article(type: string): string {
  return (
    {
      number: 'a number',
      string: 'text',
      array: 'a list',
      object: 'a group of fields',
      integer: 'a whole number',
      boolean: 'yes or no',
    }[type] ?? type
  );
}

function joinPath(instancePath: string, property: string): string {
  return [instancePath.slice(1), property].filter(Boolean).join('/');
}

function valueAt(root: unknown, parts: readonly string[]): unknown {
  let v: unknown = root;
  for (const p of parts) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

export function grantIdOf(grant: unknown): string {
  const id = grant && typeof grant === 'object' ? (grant as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.trim() ? id.trim() : '(no id)';
}

export function formatProblem(p: GrantProblem): string {
  return `${p.where}, grant ${p.grantId}: ${p.field} ${p.message}.`;
}
