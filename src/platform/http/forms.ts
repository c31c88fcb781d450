// Form parsing with zod: a valid value, or one plain-English message per field for the
// error summary. Empty strings count as missing, as people expect.
import type { z } from 'zod';
import type { FieldErrors } from './form-fields.ts';

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const values = formValues(body);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors, values };
}

/** The submitted fields as trimmed strings (the last value wins for repeated names). */
export function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (k === '_csrf') continue;
      const last = Array.isArray(v) ? v[v.length - 1] : v;
      if (typeof last === 'string') out[k] = last.trim();
    }
  }
  return out;
}

/**
 * A safe place to go after signing in: a path that stays on this site once a browser has read
 * it the way browsers do (tabs and newlines dropped, leading controls and spaces trimmed,
 * backslashes taken as slashes). The WHATWG URL parser does exactly that, so the path is
 * resolved against the public address and kept only when the origin is still ours; what comes
 * back is the parser's normalised form, which holds no control characters or raw Unicode.
 */
export function safeNextPath(next: unknown, publicUrl: string, fallback = '/account'): string {
  if (typeof next !== 'string' || next.length > 2000) return fallback;
  const origin = new URL(publicUrl).origin;
  // Only a path (or this site written in full): "evil.example" is not one.
  const trimmed = next.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  if (!trimmed.startsWith('/') && !trimmed.startsWith(`${origin}/`)) return fallback;
  let url: URL;
  try {
    url = new URL(next, `${origin}/`);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return /^\/(?![/\\])[\x21-\x7e]*$/.test(path) ? path : fallback;
}
