// "Next events" for other pages (an organisation's profile, the home page).
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { shortWhen } from './domain/uk-time.ts';
import { listEvents } from './events.repository.ts';

export interface UpcomingEvent {
  id: string;
  title: string;
  href: string;
  startsAt: Date;
  /** "Sat 12 Dec 2026, 11am" in UK time. */
  when: string;
  where: string;
  host: string;
}

/** Public ("anyone") events still to come, soonest first. orgId: one organisation's; null: the network's own. */
export async function listUpcomingPublicEvents(
  db: Kysely<DB>,
  options: { orgId?: string | null; limit?: number } = {},
  now = new Date(),
): Promise<UpcomingEvent[]> {
  const rows = await listEvents(db, {
    from: now,
    orgId: options.orgId,
    audiences: ['anyone'],
    memberOrgIds: [],
    includeCancelled: false,
    limit: options.limit ?? 3,
  });
  return rows
    .filter((r) => r.starts_at > now)
    .map((r) => ({
      id: r.id,
      title: r.title,
      href: `/events/${r.id}`,
      startsAt: r.starts_at,
      when: shortWhen(r.starts_at),
      where: r.kind === 'online' ? 'Online' : [r.venue_name, r.venue_postcode].filter(Boolean).join(', '),
      host: r.org_name ?? 'The network',
    }));
}
