// Test helpers for the events module: deps over a test app, and event fields with defaults.
import type { Deps } from '../../../platform/deps.ts';
import type { TestApp } from '../../../../test/support/app.ts';
import type { EventFields } from '../events.repository.ts';

export function depsOf(t: TestApp, sent: { name: string; payload: unknown }[] = []): Deps {
  return {
    db: t.database.db,
    mailer: t.mailer,
    config: t.config,
    jobs: { send: async (name, payload) => void sent.push({ name, payload }) },
    links: { workspace: [], network: [] },
  };
}

export function fields(over: Partial<EventFields> = {}): EventFields {
  const starts = new Date(Date.now() + 14 * 86400_000);
  return {
    title: 'Recovery walk',
    description_md: 'A walk and a cup of tea.',
    kind: 'in_person',
    location_id: null,
    venue_name: 'The Hub',
    venue_address: '1 High Street, Leeds',
    venue_postcode: 'LS1 1AA',
    starts_at: starts,
    ends_at: new Date(starts.getTime() + 2 * 3600_000),
    capacity_in_person: 20,
    capacity_online: 0,
    registration_opens_at: null,
    registration_closes_at: null,
    audience: 'anyone',
    needs_approval: false,
    max_places_per_registration: 4,
    offer_hold_hours: 48,
    reminder_hours: [168, 24],
    join_url: '',
    custom_questions: [],
    ...over,
  };
}

export const booking = (name: string, over: Record<string, string> = {}) => ({
  name,
  email: `${name.toLowerCase().replace(/\W+/g, '.')}@test.example`,
  places: '1',
  mode: 'in_person',
  ...over,
});
