// A small, realistic set of feed view models, for tests and demos.
// Fictional organisations; real local authority codes.
import type { OrgForFeed, ServiceForFeed } from './oruk.types.ts';

export const sampleOrgs = {
  leeds: {
    id: '3d5b7a8e-1f0c-4c1e-9a55-0b6f2f0a1c01',
    name: 'Headingley Recovery Community',
    description:
      'A peer-led recovery organisation run by and for people in recovery from drugs and alcohol in north Leeds.',
    email: 'hello@headingley-recovery.example.org',
    website: 'https://headingley-recovery.example.org/',
    pageUrl: 'https://connectors.example.org/directory/organisations/headingley-recovery-community',
    identifiers: [
      { id: '3d5b7a8e-1f0c-4c1e-9a55-0b6f2f0a1c02', scheme: 'GB-CHC', type: 'Charity number', identifier: '1234567' },
    ],
  },
  online: {
    id: '7c2e9b41-5d3a-4f6e-8b21-9e4d0c7a2b01',
    name: 'Together Online Recovery',
    description: 'Online peer support for people in recovery and their families, across Great Britain.',
  },
} satisfies Record<string, OrgForFeed>;

export const sampleServices: ServiceForFeed[] = [
  {
    id: 'a1f3c5e7-0b2d-4f6a-8c1e-3d5f7a9b1c01',
    organization: sampleOrgs.leeds,
    name: 'Tuesday peer support group',
    description: 'A friendly, confidential group for anyone in or thinking about recovery. Just turn up.',
    status: 'active',
    url: 'https://headingley-recovery.example.org/tuesday-group',
    minimumAge: 18,
    assuredDate: '2026-01-10',
    assurerEmail: 'directory@connectors.example.org',
    lastModified: new Date('2026-01-10T09:30:00.000Z'),
    serviceTypes: ['peer-support-group'],
    areas: [{ ladCode: 'E08000035', ladName: 'Leeds' }],
    locations: [
      {
        id: 'a1f3c5e7-0b2d-4f6a-8c1e-3d5f7a9b1c02',
        location: {
          id: 'a1f3c5e7-0b2d-4f6a-8c1e-3d5f7a9b1c03',
          kind: 'physical',
          name: 'Headingley Community Centre',
          lat: 53.8201,
          lon: -1.5709,
          uprn: '72012345',
          address: {
            id: 'a1f3c5e7-0b2d-4f6a-8c1e-3d5f7a9b1c04',
            line1: 'St Michael’s Road',
            line2: 'Headingley',
            townOrCity: 'Leeds',
            county: 'West Yorkshire',
            postcode: 'LS6 3HN',
          },
          accessibility: [
            { id: 'a1f3c5e7-0b2d-4f6a-8c1e-3d5f7a9b1c05', description: 'Step-free entrance and an accessible toilet.' },
          ],
        },
      },
    ],
    schedules: [
      {
        id: 'a1f3c5e7-0b2d-4f6a-8c1e-3d5f7a9b1c06',
        schedule: { freq: 'WEEKLY', interval: 1, byday: [{ day: 'TU' }], opensAt: '19:00', closesAt: '21:00' },
        attendingType: 'In person',
      },
    ],
    free: true,
  },
  {
    id: 'b2e4d6f8-1c3e-4a7b-9d2f-4e6a8b0c2d01',
    organization: sampleOrgs.leeds,
    name: 'Family and friends group',
    description: 'Support for anyone affected by someone else’s drinking or drug use.',
    status: 'active',
    lastModified: '2025-12-01T12:00:00Z',
    serviceTypes: ['family-support', 'peer-support-group'],
    areas: [
      { ladCode: 'E08000035', ladName: 'Leeds' },
      { ladCode: 'E08000032', ladName: 'Bradford' },
    ],
    locations: [
      {
        id: 'b2e4d6f8-1c3e-4a7b-9d2f-4e6a8b0c2d02',
        location: { id: 'a1f3c5e7-0b2d-4f6a-8c1e-3d5f7a9b1c03', kind: 'physical', name: 'Headingley Community Centre' },
      },
      {
        id: 'b2e4d6f8-1c3e-4a7b-9d2f-4e6a8b0c2d03',
        location: {
          id: 'b2e4d6f8-1c3e-4a7b-9d2f-4e6a8b0c2d04',
          kind: 'physical',
          name: 'Bradford Recovery Hub',
          lat: 53.7938,
          lon: -1.7521,
          address: {
            id: 'b2e4d6f8-1c3e-4a7b-9d2f-4e6a8b0c2d05',
            line1: '1 Example Street',
            townOrCity: 'Bradford',
            county: 'West Yorkshire',
            postcode: 'BD1 1AA',
          },
        },
      },
    ],
    schedules: [
      {
        id: 'b2e4d6f8-1c3e-4a7b-9d2f-4e6a8b0c2d06',
        serviceAtLocationId: 'b2e4d6f8-1c3e-4a7b-9d2f-4e6a8b0c2d02',
        schedule: {
          freq: 'MONTHLY',
          interval: 1,
          byday: [
            { day: 'TH', nth: 1 },
            { day: 'TH', nth: 3 },
          ],
          opensAt: '18:30',
          closesAt: '20:00',
          validFrom: '2026-01-01',
        },
      },
      {
        id: 'b2e4d6f8-1c3e-4a7b-9d2f-4e6a8b0c2d07',
        serviceAtLocationId: 'b2e4d6f8-1c3e-4a7b-9d2f-4e6a8b0c2d03',
        schedule: {
          freq: 'MONTHLY',
          interval: 1,
          byday: [{ day: 'SA', nth: -1 }],
          opensAt: '10:00',
          closesAt: '12:00',
        },
        notes: 'Children are welcome; there is a play corner.',
      },
    ],
    free: true,
  },
  {
    id: 'c3f5e7a9-2d4f-4b8c-8e3a-5f7b9c1d3e01',
    organization: sampleOrgs.online,
    name: 'Evening online recovery meeting',
    description: 'A mutual aid meeting on Zoom. Cameras optional.',
    status: 'active',
    url: 'https://together-online.example.org/meetings',
    lastModified: new Date('2026-02-01T08:00:00.000Z'),
    serviceTypes: ['mutual-aid-meeting', 'online-support'],
    areas: [],
    locations: [],
    schedules: [
      {
        id: 'c3f5e7a9-2d4f-4b8c-8e3a-5f7b9c1d3e02',
        schedule: {
          freq: 'WEEKLY',
          interval: 1,
          byday: [{ day: 'MO' }, { day: 'WE' }, { day: 'FR' }],
          opensAt: '20:00',
          closesAt: '21:00',
        },
        attendingType: 'Online (Zoom)',
        link: 'https://together-online.example.org/meetings/evening',
      },
    ],
    free: true,
  },
  {
    id: 'd4a6f8b0-3e5a-4c9d-9f4b-6a8c0d2e4f01',
    organization: sampleOrgs.leeds,
    name: 'Recovery walk',
    status: 'temporarily closed',
    alert: 'Walks are paused over the winter and will restart in March.',
    lastModified: new Date('2025-11-20T10:00:00.000Z'),
    serviceTypes: ['recovery-walk-or-sport'],
    areas: [
      { ladCode: 'E08000035', ladName: 'Leeds' },
      { ladCode: 'E06000014', ladName: 'York' },
      { ladCode: 'E06000065', ladName: 'North Yorkshire' },
    ],
    locations: [],
    schedules: [
      {
        id: 'd4a6f8b0-3e5a-4c9d-9f4b-6a8c0d2e4f02',
        schedule: {
          freq: 'WEEKLY',
          interval: 2,
          byday: [{ day: 'SU' }],
          opensAt: '10:30',
          closesAt: '13:00',
          dtstart: '2026-03-01',
        },
        description: 'Every other Sunday from March, 10:30am to 1pm (UK time). Meet at the park gates.',
      },
    ],
    free: false,
    costNote: '£2 towards the minibus, if you can.',
  },
];
