// The fictional demo network: organisations across England, from one-evening-a-week groups
// to charities with staff, and people in every role. Deterministic (seeded), so every fresh
// demo is the same and tests can rely on it.
import type { OrgRole } from '../../platform/auth/actor.ts';

export const DEMO_PASSWORD = 'demo-password-2026';

export interface DemoOrg {
  slug: string;
  name: string;
  status: 'applicant' | 'member' | 'lapsed';
  town: string;
  outcode: string;
  region: string;
  sizeBand: 'volunteers' | 'small_staff' | 'larger';
  summary: string;
}

export interface DemoPerson {
  email: string;
  name: string;
  networkRole: 'coordinator' | 'admin' | null;
  memberships: { orgSlug: string; role: OrgRole }[];
}

/** The sign-ins printed at start and listed in the README. */
export const DEMO_SIGN_INS: { email: string; who: string }[] = [
  { email: 'coordinator@demo.example', who: 'network coordinator' },
  { email: 'admin@demo.example', who: 'network administrator' },
  { email: 'lead@demo.example', who: 'lead of Leeds Recovery Café' },
  { email: 'worker@demo.example', who: 'worker at Leeds Recovery Café' },
  { email: 'volunteer@demo.example', who: 'volunteer at Leeds Recovery Café' },
  { email: 'researcher@demo.example', who: 'peer researcher at Bristol Recovery Collective' },
  { email: 'lead.manchester@demo.example', who: 'lead of Manchester Peer Network' },
];

// Town, a postcode district in it, and its region.
const PLACES: [string, string, string][] = [
  ['Leeds', 'LS6', 'Yorkshire and The Humber'],
  ['Manchester', 'M1', 'North West'],
  ['Bristol', 'BS5', 'South West'],
  ['Birmingham', 'B12', 'West Midlands'],
  ['Newcastle upon Tyne', 'NE6', 'North East'],
  ['Liverpool', 'L8', 'North West'],
  ['Sheffield', 'S2', 'Yorkshire and The Humber'],
  ['Nottingham', 'NG7', 'East Midlands'],
  ['Leicester', 'LE2', 'East Midlands'],
  ['Hackney', 'E8', 'London'],
  ['Lambeth', 'SW9', 'London'],
  ['Kensington and Chelsea', 'SW10', 'London'],
  ['Croydon', 'CR0', 'London'],
  ['Brighton', 'BN2', 'South East'],
  ['Southampton', 'SO14', 'South East'],
  ['Oxford', 'OX4', 'South East'],
  ['Norwich', 'NR2', 'East of England'],
  ['Cambridge', 'CB1', 'East of England'],
  ['Ipswich', 'IP4', 'East of England'],
  ['Plymouth', 'PL4', 'South West'],
  ['Exeter', 'EX4', 'South West'],
  ['Truro', 'TR1', 'South West'],
  ['Hull', 'HU3', 'Yorkshire and The Humber'],
  ['Bradford', 'BD3', 'Yorkshire and The Humber'],
  ['York', 'YO10', 'Yorkshire and The Humber'],
  ['Middlesbrough', 'TS1', 'North East'],
  ['Sunderland', 'SR1', 'North East'],
  ['Carlisle', 'CA1', 'North West'],
  ['Blackpool', 'FY1', 'North West'],
  ['Preston', 'PR1', 'North West'],
  ['Stoke-on-Trent', 'ST4', 'West Midlands'],
  ['Coventry', 'CV1', 'West Midlands'],
  ['Wolverhampton', 'WV1', 'West Midlands'],
  ['Derby', 'DE1', 'East Midlands'],
  ['Lincoln', 'LN1', 'East Midlands'],
  ['Northampton', 'NN1', 'East Midlands'],
  ['Luton', 'LU1', 'East of England'],
  ['Colchester', 'CO1', 'East of England'],
  ['Reading', 'RG1', 'South East'],
  ['Margate', 'CT9', 'South East'],
  ['Hastings', 'TN34', 'South East'],
  ['Swindon', 'SN1', 'South West'],
  ['Gloucester', 'GL1', 'South West'],
  ['Barnsley', 'S70', 'Yorkshire and The Humber'],
  ['Doncaster', 'DN1', 'Yorkshire and The Humber'],
  ['Tower Hamlets', 'E1', 'London'],
];

const KINDS = [
  {
    suffix: 'Recovery Café',
    size: 'small_staff',
    what: 'a recovery café open four days a week, with peer support and a hot meal',
  },
  {
    suffix: 'Peer Network',
    size: 'larger',
    what: 'peer support groups, training and advocacy, run by people with lived experience',
  },
  {
    suffix: 'Recovery Collective',
    size: 'small_staff',
    what: 'arts, music and creative groups for people in recovery and their families',
  },
  {
    suffix: 'Recovery Walkers',
    size: 'volunteers',
    what: 'a weekly recovery walk and a cuppa afterwards, led by volunteers',
  },
  {
    suffix: 'Lived Experience Forum',
    size: 'volunteers',
    what: 'one evening a week of mutual aid and a voice for local people in recovery',
  },
  {
    suffix: 'Recovery Community',
    size: 'larger',
    what: 'recovery housing, employment support and a busy community hub',
  },
  {
    suffix: 'Family Recovery Group',
    size: 'volunteers',
    what: 'support for families and friends affected by someone else’s drinking or drug use',
  },
  {
    suffix: 'Recovery Allotment',
    size: 'volunteers',
    what: 'gardening, growing and cooking together, two afternoons a week',
  },
] as const;

function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // café → cafe
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function demoOrganisations(): DemoOrg[] {
  const orgs: DemoOrg[] = PLACES.map(([town, outcode, region], i) => {
    const kind = KINDS[i % KINDS.length]!;
    const name = `${town} ${kind.suffix}`;
    return {
      slug: slugify(name),
      name,
      status: 'member',
      town,
      outcode,
      region,
      sizeBand: kind.size,
      summary: `We are ${kind.what}. Everyone here knows recovery from the inside.`,
    };
  });
  // A few applicants waiting for review, and one that has lapsed.
  for (const i of [40, 41, 42]) orgs[i]!.status = 'applicant';
  orgs[43]!.status = 'lapsed';
  return orgs;
}

const FIRST = [
  'Alex',
  'Sam',
  'Jo',
  'Chris',
  'Jamie',
  'Kerry',
  'Dev',
  'Priya',
  'Tariq',
  'Mel',
  'Rob',
  'Siobhan',
  'Gaz',
  'Nadia',
  'Lee',
  'Shaz',
  'Tom',
  'Ayesha',
  'Danny',
  'Bev',
];
const LAST = [
  'Ahmed',
  'Brown',
  'Clarke',
  'Davies',
  'Evans',
  'Fletcher',
  'Green',
  'Hughes',
  'Iqbal',
  'Jones',
  'Khan',
  'Lewis',
  'Morris',
  'Nolan',
  'Okafor',
  'Patel',
  'Quinn',
  'Roberts',
  'Shaw',
  'Taylor',
];

export function demoPeople(orgs: DemoOrg[]): DemoPerson[] {
  const leeds = orgs[0]!.slug;
  const manchester = orgs[1]!.slug;
  const bristol = orgs[2]!.slug;
  const people: DemoPerson[] = [
    { email: 'coordinator@demo.example', name: 'Rosa Coordinator', networkRole: 'coordinator', memberships: [] },
    { email: 'admin@demo.example', name: 'Ade Admin', networkRole: 'admin', memberships: [] },
    {
      email: 'lead@demo.example',
      name: 'Lou Lead',
      networkRole: null,
      memberships: [{ orgSlug: leeds, role: 'lead' }],
    },
    {
      email: 'worker@demo.example',
      name: 'Wes Worker',
      networkRole: null,
      memberships: [{ orgSlug: leeds, role: 'worker' }],
    },
    {
      email: 'volunteer@demo.example',
      name: 'Val Volunteer',
      networkRole: null,
      memberships: [{ orgSlug: leeds, role: 'volunteer' }],
    },
    {
      email: 'researcher@demo.example',
      name: 'Pat Researcher',
      networkRole: null,
      memberships: [
        { orgSlug: bristol, role: 'peer_researcher' },
        { orgSlug: leeds, role: 'volunteer' },
      ],
    },
    {
      email: 'lead.manchester@demo.example',
      name: 'Mo Lead',
      networkRole: null,
      memberships: [{ orgSlug: manchester, role: 'lead' }],
    },
    // Two more trained peer researchers, so the demo can show a whole standards review.
    {
      email: 'researcher.two@demo.example',
      name: 'Kim Reviewer',
      networkRole: null,
      memberships: [{ orgSlug: orgs[5]!.slug, role: 'peer_researcher' }],
    },
    {
      email: 'researcher.three@demo.example',
      name: 'Ash Reviewer',
      networkRole: null,
      memberships: [{ orgSlug: orgs[8]!.slug, role: 'peer_researcher' }],
    },
  ];
  // Every other organisation gets a lead and one to three more people.
  let n = 0;
  orgs.forEach((org, i) => {
    if (i < 2) return;
    const roles: OrgRole[] = ['lead', 'worker', 'volunteer', 'volunteer'].slice(0, 2 + (i % 3)) as OrgRole[];
    for (const role of roles) {
      const first = FIRST[n % FIRST.length]!;
      const last = LAST[(n * 7 + i) % LAST.length]!;
      people.push({
        email: `${first}.${last}.${n}@demo.example`.toLowerCase(),
        name: `${first} ${last}`,
        networkRole: null,
        memberships: [{ orgSlug: org.slug, role }],
      });
      n++;
    }
  });
  return people;
}
