// A column mapping says which heading in the file holds each target field. It is a plain JSON
// object ({ "participant_code": "Client ID", ... }) so an organisation's choice can be saved and
// offered again next time. Suggestions are made by loose matching of headings; a person confirms.

import type { TargetField, TargetSchema } from './target-schemas.ts';
import type { ImportProblem } from './import-problem.ts';

/** Target field key -> heading in the file, exactly as it appears there. */
export type ColumnMapping = Record<string, string>;

export interface MappingSuggestion {
  mapping: ColumnMapping;
  /** How sure each suggestion is, 0..1 (1 = same words). */
  confidence: Record<string, number>;
  unmappedHeaders: string[];
  missingRequired: string[];
}

const ACCEPT_AT = 0.75;

export function suggestMapping(headers: readonly string[], schema: TargetSchema): MappingSuggestion {
  const candidates: Array<{ field: string; header: string; score: number; order: number }> = [];
  schema.fields.forEach((field, order) => {
    for (const header of headers) {
      const score = Math.max(...namesOf(field).map((name) => similarity(header, name)));
      if (score >= ACCEPT_AT) candidates.push({ field: field.key, header, score, order });
    }
  });
  // Best matches first; ties go to the field listed first in the schema.
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);

  const mapping: ColumnMapping = {};
  const confidence: Record<string, number> = {};
  const usedHeaders = new Set<string>();
  for (const candidate of candidates) {
    if (Object.hasOwn(mapping, candidate.field) || usedHeaders.has(candidate.header)) continue;
    mapping[candidate.field] = candidate.header;
    confidence[candidate.field] = Math.round(candidate.score * 100) / 100;
    usedHeaders.add(candidate.header);
  }
  return {
    mapping,
    confidence,
    unmappedHeaders: headers.filter((header) => !usedHeaders.has(header)),
    missingRequired: schema.fields
      .filter((field) => field.required && !Object.hasOwn(mapping, field.key))
      .map((field) => field.key),
  };
}

/** Problems that stop an import before any row is read: the mapping must fit the file and the target. */
export function checkMapping(
  mapping: ColumnMapping,
  headers: readonly string[],
  schema: TargetSchema,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const fields = new Map(schema.fields.map((field) => [field.key, field]));
  const headerSet = new Set(headers);
  const usedBy = new Map<string, string>();
  for (const [fieldKey, header] of Object.entries(mapping)) {
    const field = fields.get(fieldKey);
    if (!field) {
      problems.push({
        row: null,
        column: header,
        problem: `The column is matched to '${fieldKey}', which is not something a ${schema.target} import can take.`,
        howToFix: 'Remove that match or choose a different field.',
      });
      continue;
    }
    if (!headerSet.has(header)) {
      problems.push({
        row: null,
        column: header,
        problem: `The file has no column called '${header}' for the ${field.label}.`,
        howToFix: 'Check the heading in row 1 of the file, or choose the right column.',
      });
    }
    const earlier = usedBy.get(header);
    if (earlier !== undefined) {
      problems.push({
        row: null,
        column: header,
        problem: `The same column is matched to both '${earlier}' and '${fieldKey}'.`,
        howToFix: 'Match each column to one field only.',
      });
    }
    usedBy.set(header, fieldKey);
  }
  for (const field of schema.fields) {
    if (field.required && !Object.hasOwn(mapping, field.key)) {
      problems.push({
        row: null,
        column: null,
        problem: `No column is chosen for the ${field.label}, which every row needs.`,
        howToFix: `Add a column for the ${field.label} to the file, or choose which existing column holds it.`,
      });
    }
  }
  return problems;
}

function namesOf(field: TargetField): string[] {
  return [field.key, field.label, ...field.synonyms];
}

/** Lower case, "&" as "and", accents and punctuation removed, single spaces. */
export function normaliseHeading(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "Date (dd/mm/yyyy)" -> "Date": bracketed hints describe the format, not the field. */
function withoutBrackets(header: string): string {
  const stripped = header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').trim();
  return stripped === '' ? header : stripped;
}

/**
 * 1 for the same words; 0.95 when only spacing/punctuation differ ("Time-point" / "timepoint");
 * 0.9 minus a little per extra word when the heading contains every word of a multi-word name
 * ("Participant code for LERO"); bracketed hints are ignored ("Date (dd/mm/yyyy)"); otherwise edit-distance similarity, which catches typos.
 */
export function similarity(header: string, name: string): number {
  const a = normaliseHeading(withoutBrackets(header));
  const b = normaliseHeading(name);
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  const squashedA = a.replace(/ /g, '');
  const squashedB = b.replace(/ /g, '');
  if (squashedA === squashedB) return 0.95;
  const headerWords = a.split(' ');
  const nameWords = b.split(' ');
  let best = 0;
  if (nameWords.every((word) => headerWords.includes(word))) {
    // One shared word is weak evidence ("Last name" is not "name"), so it scores below the bar.
    const base = nameWords.length > 1 ? 0.9 : 0.7;
    best = Math.max(base - 0.05 * (headerWords.length - nameWords.length), 0);
  }
  // Short names ("id", "la") only match exactly; edit distance would pair them with anything.
  if (squashedB.length >= 5) {
    const distance = levenshtein(squashedA, squashedB);
    best = Math.max(best, 1 - distance / Math.max(squashedA.length, squashedB.length) - 0.1);
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}
