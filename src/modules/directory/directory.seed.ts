// Directory data for the demo network (services, places and times for each demo organisation,
// and a few expressions of interest waiting for review) and for benchmarks (a synthetic
// network of any size). Rows go in as a few bulk inserts inside the caller's transaction.
// Content is deterministic: the same organisations always get the same services and times.
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { insertOrganisations } from '../network/index.ts';
import { loadGeoData } from './domain/geo.data.ts';
import type { ServiceTypeCode } from './domain/service-types.ts';

type Db = Kysely<DB>;

interface Rows {
  profiles: Insertable<DB['org_profiles']>[];
  orgAreas: Insertable<DB['org_areas']>[];
  services: Insertable<DB['services']>[];
  types: Insertable<DB['service_types']>[];
  areas: Insertable<DB['service_areas']>[];
  locations: Insertable<DB['locations']>[];
  sals: Insertable<DB['service_at_locations']>[];
  schedules: Insertable<DB['schedules']>[];
}

const emptyRows = (): Rows => ({
  profiles: [],
  orgAreas: [],
  services: [],
  types: [],
  areas: [],
  locations: [],
  sals: [],
  schedules: [],
});

async function insertAll(db: Db, rows: Rows): Promise<void> {
  const chunks = async <T>(list: T[], write: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < list.length; i += 1000) await write(list.slice(i, i + 1000));
  };
  await chunks(rows.profiles, (p) => db.insertInto('org_profiles').values(p).execute());
  await chunks(rows.orgAreas, (p) =>
    db
      .insertInto('org_areas')
      .values(p)
      .onConflict((oc) => oc.doNothing())
      .execute(),
  );
  await chunks(rows.services, (p) => db.insertInto('services').values(p).execute());
  await chunks(rows.types, (p) => db.insertInto('service_types').values(p).execute());
  await chunks(rows.areas, (p) => db.insertInto('service_areas').values(p).execute());
  await chunks(rows.locations, (p) => db.insertInto('locations').values(p).execute());
  await chunks(rows.sals, (p) => db.insertInto('service_at_locations').values(p).execute());
  await chunks(rows.schedules, (p) => db.insertInto('schedules').values(p).execute());
}

interface ServicePlan {
  name: string;
  description: string;
  types: ServiceTypeCode[];
  mode: 'in_person' | 'online' | 'both';
  freq: 'WEEKLY' | 'MONTHLY';
  byday: string;
  opens: string;
  closes: string;
  costNote?: string;
  howToJoin?: string;
  hideAddress?: boolean;
}

const ONLINE_SUPPORT: ServicePlan = {
  name: 'Online peer support',
  description: 'A friendly online group on Zoom for anyone in recovery, wherever you live. Cameras optional.',
  types: ['online-support', 'peer-support-group'],
  mode: 'online',
  freq: 'WEEKLY',
  byday: 'SU',
  opens: '19:00',
  closes: '20:00',
  howToJoin: 'Email us for the link, or join from our website.',
};

/** What each kind of demo organisation offers, keyed by the end of its name. */
const PLANS: Record<string, ServicePlan[]> = {
  'Recovery Café': [
    {
      name: 'Recovery café',
      description: 'Drop in for a brew, a hot meal and a chat with people who have been there.',
      types: ['recovery-cafe', 'peer-support-group'],
      mode: 'in_person',
      freq: 'WEEKLY',
      byday: 'MO,TU,TH,FR',
      opens: '10:00',
      closes: '15:00',
      costNote: 'Meals £2 or pay what you can',
      howToJoin: 'Just turn up.',
    },
    {
      name: 'Family Saturday',
      description: 'A relaxed morning for families and friends, with games for children.',
      types: ['family-support'],
      mode: 'in_person',
      freq: 'MONTHLY',
      byday: '1SA',
      opens: '10:00',
      closes: '12:30',
    },
  ],
  'Peer Network': [
    {
      name: 'Tuesday peer support group',
      description: 'A peer-led group: share what is going on and hear how others got through it.',
      types: ['peer-support-group'],
      mode: 'in_person',
      freq: 'WEEKLY',
      byday: 'TU',
      opens: '18:30',
      closes: '20:00',
      howToJoin: 'Just turn up, or call us first if you would like someone to meet you at the door.',
    },
    {
      name: 'Peer mentor training',
      description: 'Train to become a peer mentor, with an accredited certificate.',
      types: ['training-and-education'],
      mode: 'in_person',
      freq: 'MONTHLY',
      byday: '2WE',
      opens: '10:00',
      closes: '13:00',
    },
    ONLINE_SUPPORT,
  ],
  'Recovery Collective': [
    {
      name: 'Art and music group',
      description: 'Painting, songwriting and making things together. No experience needed.',
      types: ['arts-and-creative'],
      mode: 'in_person',
      freq: 'WEEKLY',
      byday: 'WE',
      opens: '13:00',
      closes: '15:30',
    },
    {
      name: 'Open mic night',
      description: 'An alcohol-free open mic night: music, poetry and comedy.',
      types: ['arts-and-creative', 'recovery-cafe'],
      mode: 'in_person',
      freq: 'MONTHLY',
      byday: '-1FR',
      opens: '19:00',
      closes: '21:30',
    },
  ],
  'Recovery Walkers': [
    {
      name: 'Saturday recovery walk',
      description: 'A gentle walk of about five miles, then a cuppa together. Dogs welcome.',
      types: ['recovery-walk-or-sport'],
      mode: 'in_person',
      freq: 'WEEKLY',
      byday: 'SA',
      opens: '10:00',
      closes: '12:00',
      howToJoin: 'Meet at the venue at 10am. Wear comfortable shoes.',
    },
  ],
  'Lived Experience Forum': [
    {
      name: 'SMART Recovery meeting',
      description: 'A SMART Recovery mutual aid meeting, facilitated by trained volunteers.',
      types: ['mutual-aid-meeting'],
      mode: 'both',
      freq: 'WEEKLY',
      byday: 'TH',
      opens: '19:00',
      closes: '20:30',
    },
    {
      name: 'Recovery voices forum',
      description: 'Have your say on local treatment and recovery services.',
      types: ['advocacy-and-campaigning'],
      mode: 'in_person',
      freq: 'MONTHLY',
      byday: '1MO',
      opens: '18:00',
      closes: '19:30',
    },
  ],
  'Recovery Community': [
    {
      name: 'Recovery housing',
      description: 'Safe, drug- and alcohol-free shared homes with peer support.',
      types: ['housing-support'],
      mode: 'in_person',
      freq: 'WEEKLY',
      byday: 'MO,TU,WE,TH,FR',
      opens: '09:00',
      closes: '17:00',
      hideAddress: true,
      howToJoin: 'Call the office to talk about a referral.',
    },
    {
      name: 'Back to work club',
      description: 'CVs, interviews and confidence, with people who have made the same move.',
      types: ['employment-support'],
      mode: 'in_person',
      freq: 'WEEKLY',
      byday: 'WE',
      opens: '10:00',
      closes: '12:00',
    },
    {
      name: 'Naloxone training',
      description: 'Learn to use naloxone and take a free kit home.',
      types: ['harm-reduction', 'training-and-education'],
      mode: 'in_person',
      freq: 'MONTHLY',
      byday: '3TU',
      opens: '14:00',
      closes: '15:30',
    },
  ],
  'Family Recovery Group': [
    {
      name: 'Family support group',
      description: 'For anyone affected by a loved one’s drinking or drug use.',
      types: ['family-support', 'peer-support-group'],
      mode: 'in_person',
      freq: 'WEEKLY',
      byday: 'MO',
      opens: '18:00',
      closes: '19:30',
    },
    {
      name: 'Online family support',
      description: 'The same support online, for families anywhere in the country.',
      types: ['family-support', 'online-support'],
      mode: 'online',
      freq: 'MONTHLY',
      byday: '2TH',
      opens: '19:30',
      closes: '20:30',
    },
  ],
  'Recovery Allotment': [
    {
      name: 'Allotment afternoons',
      description: 'Growing, digging and cooking what we grow. All weathers.',
      types: ['recovery-walk-or-sport', 'peer-support-group'],
      mode: 'in_person',
      freq: 'WEEKLY',
      byday: 'TU,TH',
      opens: '13:00',
      closes: '16:00',
    },
  ],
};

const STREETS = [
  'Hyde Park Road',
  'Chapel Street',
  'Station Road',
  'Market Place',
  'Church Lane',
  'Victoria Road',
  'Mill Street',
  'Albert Road',
];

function planFor(name: string): ServicePlan[] {
  const key = Object.keys(PLANS).find((k) => name.endsWith(k));
  return key ? PLANS[key]! : [PLANS['Peer Network']![0]!];
}

function addService(
  rows: Rows,
  orgId: string,
  plan: ServicePlan,
  venue: Insertable<DB['locations']> | undefined,
  updatedAt: Date,
) {
  const serviceId = randomUUID();
  rows.services.push({
    id: serviceId,
    org_id: orgId,
    name: plan.name,
    description: plan.description,
    how_to_join: plan.howToJoin ?? '',
    mode: plan.mode,
    free: true,
    cost_note: plan.costNote ?? '',
    updated_at: updatedAt,
    created_at: updatedAt,
  });
  for (const type_code of plan.types) rows.types.push({ org_id: orgId, service_id: serviceId, type_code });
  let salId: string | null = null;
  if (venue && plan.mode !== 'online') {
    const location = { ...venue, id: randomUUID(), hide_address: !!plan.hideAddress };
    rows.locations.push(location);
    salId = randomUUID();
    rows.sals.push({ id: salId, org_id: orgId, service_id: serviceId, location_id: location.id! });
    if (location.lad_code) rows.areas.push({ org_id: orgId, service_id: serviceId, lad_code: location.lad_code });
  }
  rows.schedules.push({
    id: randomUUID(),
    org_id: orgId,
    service_id: serviceId,
    service_at_location_id: salId,
    freq: plan.freq,
    interval: 1,
    byday: plan.byday,
    opens_at: plan.opens,
    closes_at: plan.closes,
    attending_type:
      plan.mode === 'online' ? 'Online (Zoom)' : plan.mode === 'both' ? 'In person or online (Zoom)' : 'In person',
  });
}

export interface DemoDirectoryOrg {
  id: string;
  slug: string;
  name: string;
  town: string;
  outcode: string;
  sizeBand: string;
}

/** Services, places, times and profiles for the demo organisations, and a few applications. */
export async function seedDirectoryDemo(
  db: Db,
  orgs: readonly DemoDirectoryOrg[],
  options: { coordinatorId?: string } = {},
): Promise<void> {
  const geo = loadGeoData();
  const rows = emptyRows();
  const updatedAt = new Date('2026-01-15T10:00:00Z');
  orgs.forEach((o, i) => {
    const place = geo.outcodes.get(o.outcode);
    rows.profiles.push({
      org_id: o.id,
      founded_year: 2008 + (i % 16),
      charity_number: o.sizeBand === 'volunteers' ? '' : String(1100000 + i * 7919).slice(0, 7),
      website: `https://${o.slug}.example.org`,
      email: `hello@${o.slug}.example.org`,
      phone: `0113 496 ${String(i).padStart(4, '0')}`,
      lived_experience:
        'Everyone on our board and most of our volunteers are in recovery themselves. People who come to us shape what we do.',
    });
    if (place) rows.orgAreas.push({ org_id: o.id, lad_code: place.ladCode });
    const venue = place
      ? {
          org_id: o.id,
          name: `${o.town} Community Centre`,
          address_1: `${10 + i} ${STREETS[i % STREETS.length]}`,
          town: o.town,
          postcode: o.outcode,
          outcode: o.outcode,
          lad_code: place.ladCode,
          lat: place.lat,
          lon: place.lon,
          accessibility: i % 2 === 0 ? 'Step-free entrance and an accessible toilet.' : '',
        }
      : undefined;
    for (const plan of planFor(o.name)) addService(rows, o.id, plan, venue, updatedAt);
  });
  await insertAll(db, rows);
  await seedDemoApplications(db, options.coordinatorId);
}

const DEMO_APPLICATIONS = [
  {
    kind: 'organisation',
    org_name: 'Wigan Recovery Hub',
    contact_name: 'Kelly Anders',
    email: 'kelly@wigan-recovery-hub.example',
    town: 'Wigan',
    outcode: 'WN1',
    what_you_do: 'A peer-led drop-in three days a week and a Sunday football team.',
    lived_experience: 'Founded by three people in long-term recovery; our committee are all in recovery.',
    question: undefined,
  },
  {
    kind: 'organisation',
    org_name: 'Scarborough Sober Social',
    contact_name: 'Dan Whitby',
    email: 'dan@sober-social.example',
    town: 'Scarborough',
    outcode: 'YO11',
    what_you_do: 'Alcohol-free social events, beach walks and a monthly recovery breakfast.',
    lived_experience: 'Run entirely by volunteers in recovery.',
    question: 'Do you meet in a public venue, and who holds your safeguarding policy?',
  },
  {
    kind: 'individual',
    org_name: '',
    contact_name: 'Jess Morgan',
    email: 'jess.morgan@supporter.example',
    town: 'Norwich',
    outcode: 'NR2',
    what_you_do: 'I am a nurse and I volunteer at a recovery café. I would like to support the network and its events.',
    lived_experience: '',
    question: undefined,
  },
] as const;

async function seedDemoApplications(db: Db, coordinatorId: string | undefined): Promise<void> {
  const geo = loadGeoData();
  for (const [i, a] of DEMO_APPLICATIONS.entries()) {
    const place = geo.outcodes.get(a.outcode);
    const created = new Date(Date.UTC(2026, 0, 20 + i, 9, 30));
    const row = await db
      .insertInto('applications')
      .values({
        kind: a.kind,
        org_name: a.org_name,
        contact_name: a.contact_name,
        email: a.email,
        town: a.town,
        outcode: a.outcode,
        lad_code: place?.ladCode ?? null,
        region: place?.region ?? '',
        what_you_do: a.what_you_do,
        lived_experience: a.lived_experience,
        status: a.question ? 'questioned' : 'waiting',
        created_at: created,
        updated_at: created,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('application_events')
      .values({ application_id: row.id, kind: 'submitted', at: created })
      .execute();
    if (a.question) {
      await db
        .insertInto('application_events')
        .values({
          application_id: row.id,
          kind: 'question',
          actor_id: coordinatorId ?? null,
          message: a.question,
          at: new Date(created.getTime() + 86_400_000),
        })
        .execute();
    }
  }
}

/**
 * A synthetic directory for benchmarks: `orgs` member organisations spread over England's
 * postcode districts, each with one venue, and `services` services between them (one in ten
 * online only), with weekly times. Runs inside one transaction.
 */
export async function seedDirectorySynthetic(
  db: Db,
  options: { orgs: number; services: number; prefix: string },
): Promise<{ organisations: number; services: number }> {
  const geo = loadGeoData();
  const outcodes = [...geo.outcodes.values()].filter((o) => o.country === 'England');
  const planList = Object.values(PLANS).flat();
  const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  await db.transaction().execute(async (tx) => {
    const orgIds: string[] = [];
    for (let start = 0; start < options.orgs; start += 1000) {
      const n = Math.min(1000, options.orgs - start);
      const inserted = await insertOrganisations(
        tx,
        Array.from({ length: n }, (_, k) => {
          const i = start + k;
          const place = outcodes[(i * 7) % outcodes.length]!;
          return {
            slug: `${options.prefix}-dir-${i}`,
            name: `Synthetic Recovery Group ${i}`,
            status: 'member',
            town: place.ladName,
            region: place.region,
            summary: 'A synthetic organisation for benchmarks: peer support and recovery activities.',
          };
        }),
      );
      orgIds.push(...inserted.map((r) => r.id));
    }
    const rows = emptyRows();
    const venues = orgIds.map((orgId, i) => {
      const place = outcodes[(i * 7) % outcodes.length]!;
      rows.orgAreas.push({ org_id: orgId, lad_code: place.ladCode });
      return {
        org_id: orgId,
        name: 'Community hall',
        address_1: `${1 + (i % 200)} High Street`,
        town: place.ladName,
        postcode: place.outcode,
        outcode: place.outcode,
        lad_code: place.ladCode,
        lat: place.lat,
        lon: place.lon,
      };
    });
    const now = new Date();
    for (let s = 0; s < options.services; s++) {
      const o = s % orgIds.length;
      const base = planList[s % planList.length]!;
      const plan: ServicePlan =
        s % 10 === 9
          ? { ...ONLINE_SUPPORT, byday: days[s % 7]! }
          : { ...base, mode: base.mode === 'online' ? 'in_person' : base.mode, freq: 'WEEKLY', byday: days[s % 7]! };
      addService(rows, orgIds[o]!, plan, venues[o], now);
    }
    await insertAll(tx, rows);
  });
  return { organisations: options.orgs, services: options.services };
}
