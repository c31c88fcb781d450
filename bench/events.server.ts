// A bench server for events: the whole platform with the demo network, on its own fresh
// database (embedded, or a new database on the DATABASE_URL server, dropped at exit), plus one
// large public event to book. Prints "EVENT <id>" and "READY <url>" when it can take load.
import { startDemoBenchServer } from './demo-server.ts';
import { insertEvent } from '../src/modules/events/events.repository.ts';

const { server, ready } = await startDemoBenchServer('events');
const starts = new Date(Date.now() + 30 * 86400_000);
const id = await insertEvent(server.database.db, null, null, {
  title: 'The network gathering (bench)',
  description_md: 'A day together, **online and in the room**.\n\n- talks\n- tea\n- a poem from your words',
  kind: 'hybrid',
  location_id: null,
  venue_name: 'Leeds Central Library',
  venue_address: 'Municipal Buildings, Calverley Street, Leeds',
  venue_postcode: 'LS1 3AB',
  starts_at: starts,
  ends_at: new Date(starts.getTime() + 6 * 3600_000),
  capacity_in_person: 100000,
  capacity_online: 100000,
  registration_opens_at: null,
  registration_closes_at: null,
  audience: 'anyone',
  needs_approval: false,
  max_places_per_registration: 4,
  offer_hold_hours: 48,
  reminder_hours: [168, 24],
  join_url: 'https://meet.example.org/gathering',
  custom_questions: ['Anything you would like us to talk about?'],
});
console.log(`EVENT ${id}`);
ready();
