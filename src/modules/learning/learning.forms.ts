// Form parsing that keeps repeated fields (checkboxes) as lists; the platform's parseForm
// keeps only the last value of each name.
import type { z } from 'zod';
import type { FieldErrors } from '../../ui/components.tsx';

export type FormFields = Record<string, string | string[]>;
export type LearningFormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: FormFields };

export function fieldsOf(body: unknown): FormFields {
  const out: FormFields = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (k === '_csrf') continue;
      if (typeof v === 'string') out[k] = v.trim();
      else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string').map((x) => x.trim());
    }
  }
  return out;
}

export function parseLearningForm<S extends z.ZodType>(schema: S, body: unknown): LearningFormResult<z.infer<S>> {
  const values = fieldsOf(body);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { ok: false, errors, values };
}

export const one = (v: string | string[] | undefined): string =>
  Array.isArray(v) ? (v[v.length - 1] ?? '') : (v ?? '');
export const many = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);
