// Small request and response helpers shared by the standards routes.
import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import type { FrameworkDefinition, Level } from './domain/framework.ts';
import type { AnswerInput } from './self-assessment.service.ts';
import { answerFields, levelOrBlank } from './standards.schemas.ts';
import { z } from 'zod';
import { attachmentDisposition } from '../../platform/http/download.ts';

/** The field messages of a validation error, or undefined for any other error. */
export function validationFields(err: unknown): FieldErrors | undefined {
  if (!(err instanceof AppError) || err.code !== 'validation') return undefined;
  return Object.keys(err.fields).length ? err.fields : { form: err.message };
}

const bodyOf = (body: unknown): Record<string, unknown> =>
  body && typeof body === 'object' ? (body as Record<string, unknown>) : {};

export function parseAnswers(
  body: unknown,
  definition: FrameworkDefinition,
): { ok: true; answers: AnswerInput[] } | { ok: false; errors: FieldErrors } {
  const fields = bodyOf(body);
  const errors: FieldErrors = {};
  const answers: AnswerInput[] = [];
  for (const s of definition.standards) {
    const parsed = answerFields(fields, s.key);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = `${String(issue.path[0] ?? 'level')}_${s.key}`;
        errors[name] ??= issue.path[0] === 'level' ? `Choose one of the four levels for ${s.key}` : issue.message;
      }
      continue;
    }
    answers.push({ standardKey: s.key, ...parsed.data });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}

const notes = z.string().max(2000, 'Notes must be 2,000 characters or fewer').optional();
const visit = z.object({
  visit_date: z
    .union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2026-12-01')])
    .optional(),
  visit_who: z.string().max(1000, 'Keep this to 1,000 characters').optional(),
  visit_seen: z.string().max(4000, 'Keep this to 4,000 characters').optional(),
});

export function parseFindings(body: unknown, definition: FrameworkDefinition) {
  const fields = bodyOf(body);
  const errors: FieldErrors = {};
  const findings: Record<string, { level: Level | null; notes: string }> = {};
  for (const s of definition.standards) {
    const level = levelOrBlank.safeParse(fields[`level_${s.key}`]);
    const note = notes.safeParse(fields[`notes_${s.key}`]);
    if (!level.success) errors[`level_${s.key}`] = `Choose one of the four levels for ${s.key}`;
    if (!note.success) errors[`notes_${s.key}`] = note.error.issues[0]!.message;
    if (level.success && note.success) findings[s.key] = { level: level.data, notes: (note.data ?? '').trim() };
  }
  const v = visit.safeParse(fields);
  if (!v.success) for (const i of v.error.issues) errors[String(i.path[0])] = i.message;
  if (Object.keys(errors).length || !v.success) return { ok: false as const, errors };
  return {
    ok: true as const,
    input: {
      findings,
      visitDate: v.data.visit_date || null,
      visitWho: (v.data.visit_who ?? '').trim(),
      visitSeen: (v.data.visit_seen ?? '').trim(),
    },
  };
}

/** Evidence files are downloaded, never shown inline, so a file can't run as a page here. */
export function sendEvidenceFile(reply: FastifyReply, file: { filename: string; content_type: string; data: Buffer }) {
  return reply
    .header('content-type', file.content_type)
    .header('content-disposition', attachmentDisposition(file.filename))
    .header('cache-control', 'private, no-store')
    .send(file.data);
}
