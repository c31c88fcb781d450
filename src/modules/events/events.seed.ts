// Demo events around today, so `npm start` shows the module alive: a network gathering online,
// a full recovery walk with a waiting list, a two-day training needing approval, and a past open
// day with its register and feedback. Booking links of demo people are random (never emailed).
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { DemoSeedContext } from '../../platform/modules.ts';
import { UK } from './domain/uk-time.ts';
import * as demo from './events-demo.repository.ts';
import type { EventFields } from './events.repository.ts';
import type { RegistrationStatus } from './registrations.repository.ts';

const FIRST = [
  'Sam',
  'Jo',
  'Priya',
  'Kofi',
  'Aisha',
  'Dan',
  'Megan',
  'Tom',
  'Leah',
  'Raj',
  'Nina',
  'Owen',
  'Chloe',
  'Femi',
  'Ruth',
  'Gary',
];

function at(daysFromToday: number, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  return DateTime.now()
    .setZone(UK)
    .startOf('day')
    .plus({ days: daysFromToday })
    .set({ hour: h!, minute: m! })
    .toJSDate();
}

const base = (
  over: Partial<EventFields> & Pick<EventFields, 'title' | 'kind' | 'starts_at' | 'ends_at'>,
): EventFields => ({
  description_md: '',
  location_id: null,
  venue_name: '',
  venue_address: '',
  venue_postcode: '',
  capacity_in_person: 0,
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
});

export async function seedEventsDemo(tx: Kysely<DB>, context: DemoSeedContext): Promise<void> {
  const orgs = [...context.organisations.values()].filter((o) => o.status === 'member');
  const leeds = orgs.find((o) => o.name.startsWith('Leeds')) ?? orgs[0];
  const manchester = orgs.find((o) => o.name.startsWith('Manchester')) ?? orgs[1] ?? leeds;
  if (!leeds || !manchester) return;
  const coordinator = context.people.get('coordinator@demo.example') ?? null;
  const lead = context.people.get('lead@demo.example') ?? null;

  const insert = (orgId: string | null, by: string | null, f: EventFields) => demo.insertDemoEvent(tx, orgId, by, f);
  let n = 0;
  const book = async (
    eventId: string,
    orgId: string | null,
    status: RegistrationStatus,
    over: Record<string, unknown> = {},
  ) => {
    const name = `${FIRST[n % FIRST.length]} ${String.fromCharCode(65 + (n % 26))}.`;
    n++;
    await demo.insertDemoRegistration(tx, {
      event_id: eventId,
      org_id: orgId,
      name,
      email: `guest${n}@demo.example`,
      places: 1,
      mode: 'in_person',
      status,
      token_hash: hashToken(newToken()),
      ...over,
    });
  };

  const gathering = await insert(
    null,
    coordinator,
    base({
      title: 'Winter gathering: the network together, online',
      description_md:
        'A morning together across the network. Short talks from member organisations, small groups, and time to write a line for the network poem.\n\n- Captions on throughout\n- Cameras optional',
      kind: 'online',
      starts_at: at(21, '10:00'),
      ends_at: at(21, '13:00'),
      capacity_online: 100,
      join_url: 'https://meet.example.org/recovery-connectors-winter',
      custom_questions: ['Is there anything you would like the network to talk about?'],
    }),
  );
  for (let i = 0; i < 8; i++)
    await book(gathering, null, 'confirmed', { mode: 'online', access_needs: i === 2 ? 'Captions, please' : '' });

  const walk = await insert(
    leeds.id,
    lead,
    base({
      title: 'Recovery walk round the park',
      description_md:
        'An easy two-mile walk with tea and cake at the café after. **All welcome**, including dogs on leads.',
      kind: 'in_person',
      venue_name: 'Park café',
      venue_address: 'Park Lane, Leeds',
      venue_postcode: 'LS8 2JL',
      starts_at: at(10, '11:00'),
      ends_at: at(10, '13:00'),
      capacity_in_person: 12,
      max_places_per_registration: 2,
    }),
  );
  for (let i = 0; i < 12; i++)
    await book(walk, leeds.id, 'confirmed', {
      access_needs: i === 4 ? 'I walk slowly: a shorter route option would help' : '',
    });
  for (let i = 0; i < 2; i++) await book(walk, leeds.id, 'waiting');

  const training = await insert(
    manchester.id,
    null,
    base({
      title: 'Peer mentor training (two days)',
      description_md:
        'Two days of practical training for new peer mentors, with lunch provided. Places are confirmed by the organisers.',
      kind: 'hybrid',
      venue_name: 'Community hall',
      venue_address: 'Oldham Road, Manchester',
      venue_postcode: 'M4 5FP',
      starts_at: at(30, '09:30'),
      ends_at: at(31, '16:00'),
      capacity_in_person: 16,
      capacity_online: 10,
      audience: 'network',
      needs_approval: true,
      max_places_per_registration: 1,
      join_url: 'https://meet.example.org/peer-mentor-training',
    }),
  );
  await book(training, manchester.id, 'requested');
  await book(training, manchester.id, 'confirmed', { dietary_needs: 'Vegetarian' });

  const openDay = await insert(
    leeds.id,
    lead,
    base({
      title: 'Open day at the café',
      description_md: 'Come and see what we do: music, food and stories of recovery.',
      kind: 'in_person',
      venue_name: 'Leeds Recovery Café',
      venue_address: 'Kirkgate, Leeds',
      venue_postcode: 'LS2 7DJ',
      starts_at: at(-14, '12:00'),
      ends_at: at(-14, '16:00'),
      capacity_in_person: 40,
    }),
  );
  for (let i = 0; i < 9; i++)
    await book(openDay, leeds.id, 'confirmed', { attended_at: i < 7 ? at(-14, '12:30') : null });
  const came = await demo.attendedRegistrationIds(tx, openDay);
  const words = [
    ['Hearing people say out loud what I had only thought.', 'More chairs outside!', 'first_name', 'Sam'],
    ['The music. I forgot I used to sing.', '', 'anonymous', ''],
    ['Feeling like I belonged straight away.', 'A quieter room for a breather.', 'none', ''],
    ['The stories. Recovery is possible and here it is.', 'Longer, please.', 'anonymous', ''],
    ['Being asked what I thought, and listened to.', '', 'first_name', 'Priya'],
  ] as const;
  for (const [i, [chord, better, consent, first]] of words.entries()) {
    await demo.insertDemoFeedback(tx, {
      event_id: openDay,
      org_id: leeds.id,
      registration_id: came[i] ?? null,
      rating: 5 - (i % 2),
      struck_chord: chord,
      could_be_better: better,
      quote_consent: consent,
      first_name: first,
    });
  }
}
