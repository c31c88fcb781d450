// Afterwards: what people said. Comments whose writers agreed to be quoted can feed the voice
// module's "own words" through listConsentedFeedbackComments (exported from index.ts).
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as events from './events.repository.ts';
import { findByToken } from './registration.service.ts';
import * as regs from './registrations.repository.ts';
import type { FeedbackFields } from './registrations.repository.ts';

export async function loadFeedbackPage(deps: Deps, token: string, now = new Date()) {
  const r = await findByToken(deps, token);
  const e = (await events.findEvent(deps.db, r.event_id))!;
  const existing = await regs.findFeedback(deps.db, r.id);
  return {
    title: e.title,
    open: r.status === 'confirmed' && e.starts_at <= now && e.status === 'published',
    existing,
    firstName: r.name.split(/\s+/)[0] ?? '',
  };
}

export async function submitFeedback(deps: Deps, token: string, f: FeedbackFields, now = new Date()) {
  const r = await findByToken(deps, token);
  const e = (await events.findEvent(deps.db, r.event_id))!;
  if (r.status !== 'confirmed' || e.status !== 'published' || e.starts_at > now) {
    throw new AppError('conflict', 'Feedback opens once the event has begun, for people who had a place.');
  }
  await regs.saveFeedback(deps.db, e.id, e.org_id, r.id, f);
}

export interface ConsentedComment {
  /** Stable per feedback, for de-duplicating on the voice side. */
  id: string;
  eventId: string;
  eventTitle: string;
  /** Hosting organisation; null for the network's own events. */
  orgId: string | null;
  eventDate: Date;
  /** The words, as written. */
  text: string;
  /** 'struck_chord' or 'could_be_better': which question it answered. */
  question: 'struck_chord' | 'could_be_better';
  /** How the writer agreed to be credited: a first name, or nothing (anonymously). */
  attribution: { kind: 'anonymous' } | { kind: 'first_name'; firstName: string };
  at: Date;
}

/**
 * The seam for the voice module: feedback comments whose writers consented to be quoted,
 * oldest first. orgId: one organisation's events, null: the network's, undefined: all.
 */
export async function listConsentedFeedbackComments(
  db: Kysely<DB>,
  filter: { orgId?: string | null; since?: Date } = {},
): Promise<ConsentedComment[]> {
  const rows = await regs.consentedComments(db, filter);
  const out: ConsentedComment[] = [];
  for (const r of rows) {
    const attribution: ConsentedComment['attribution'] =
      r.quote_consent === 'first_name' && r.first_name
        ? { kind: 'first_name', firstName: r.first_name }
        : { kind: 'anonymous' };
    for (const question of ['struck_chord', 'could_be_better'] as const) {
      const text = r[question].trim();
      if (text)
        out.push({
          id: `${r.id}:${question}`,
          eventId: r.event_id,
          eventTitle: r.title,
          orgId: r.org_id,
          eventDate: r.starts_at,
          text,
          question,
          attribution,
          at: r.created_at,
        });
    }
  }
  return out;
}
