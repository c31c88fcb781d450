// Our own small, fixed taxonomy of what LEROs offer. It is published in the
// ORUK feed as one taxonomy with these terms (see oruk.serialise.ts).
//
// Why our own list: ORUK recommends the LGA/ESD lists, but no copy is
// available to us and none fits peer-led recovery closely. The ids are UUID v5
// values of `urn:recovery-connectors:taxonomy:lero-service-types[:code]` in
// DIRECTORY_NAMESPACE, written out as literals so they can never change by
// accident; the test re-derives them. Never reuse or renumber a code: councils'
// directories may have stored these ids.

export const SERVICE_TYPE_TAXONOMY = {
  id: 'e8e78ad7-a241-5ecf-abc8-92139ba3eaa5',
  urn: 'urn:recovery-connectors:taxonomy:lero-service-types',
  name: 'LERO service types',
  description:
    'The kinds of support offered by Lived Experience Recovery Organisations (LEROs), as used by the Recovery Connectors directory.',
  version: '1',
} as const;

export const SERVICE_TYPE_CODES = [
  'peer-support-group',
  'recovery-cafe',
  'mutual-aid-meeting',
  'recovery-walk-or-sport',
  'arts-and-creative',
  'training-and-education',
  'employment-support',
  'housing-support',
  'family-support',
  'harm-reduction',
  'advocacy-and-campaigning',
  'online-support',
] as const;

export type ServiceTypeCode = (typeof SERVICE_TYPE_CODES)[number];

export interface ServiceType {
  id: string;
  code: ServiceTypeCode;
  /** Short plain name for lists, filters and badges. */
  name: string;
  /** One plain-English line saying what to expect. */
  description: string;
}

export const SERVICE_TYPES: readonly ServiceType[] = [
  {
    id: '45e214f6-97e5-5df8-9cc2-79e4395f8e4f',
    code: 'peer-support-group',
    name: 'Peer support group',
    description: 'A regular group where people with lived experience of recovery support each other.',
  },
  {
    id: '63dc85bb-68ff-5073-8f2f-dc141b0f5153',
    code: 'recovery-cafe',
    name: 'Recovery café',
    description: 'A welcoming, alcohol-free place to drop in, have a drink and something to eat, and meet people.',
  },
  {
    id: '163f476d-e835-56ad-89eb-845400fde96d',
    code: 'mutual-aid-meeting',
    name: 'Mutual aid meeting',
    description: 'A meeting following a mutual aid approach, such as a 12-step or SMART Recovery meeting.',
  },
  {
    id: '10d4b207-05ab-585c-8226-3261423ef86f',
    code: 'recovery-walk-or-sport',
    name: 'Recovery walk or sport',
    description: 'Walking, running, football or other activities together, at a pace that suits everyone.',
  },
  {
    id: '695be13c-da81-5268-a47f-ed942f719ce1',
    code: 'arts-and-creative',
    name: 'Arts and creative',
    description: 'Art, music, writing, crafts or drama sessions as part of recovery.',
  },
  {
    id: '2b9e32ba-9d5c-5397-811c-68490494ab58',
    code: 'training-and-education',
    name: 'Training and education',
    description: 'Courses, qualifications and learning, including training to become a peer mentor or volunteer.',
  },
  {
    id: 'c9b0e5fd-3ed7-5c74-a0aa-f2508e1a0077',
    code: 'employment-support',
    name: 'Employment support',
    description: 'Help getting ready for work, finding a job or keeping one.',
  },
  {
    id: 'af42146d-daf0-5a06-a9d2-9683b2365983',
    code: 'housing-support',
    name: 'Housing support',
    description: 'Help finding and keeping a safe place to live, including recovery housing.',
  },
  {
    id: '1355a0c9-a79a-5e3d-94ac-c9374a2c1d60',
    code: 'family-support',
    name: 'Family support',
    description: 'Support for families, friends and carers of people affected by drugs or alcohol.',
  },
  {
    id: '731a34bd-274f-5492-8806-acb73a1cb7c4',
    code: 'harm-reduction',
    name: 'Harm reduction',
    description: 'Practical help to stay safer, such as naloxone and information about safer use.',
  },
  {
    id: 'dbbd0233-14b3-53fc-a905-1404f2b2943f',
    code: 'advocacy-and-campaigning',
    name: 'Advocacy and campaigning',
    description: 'Speaking up with and for people in recovery, locally and nationally.',
  },
  {
    id: 'cc8e3cfc-c817-5dc0-b5b4-15c6c65cefad',
    code: 'online-support',
    name: 'Online support',
    description: 'Groups and one-to-one support you can join online, from anywhere.',
  },
];

const BY_CODE = new Map(SERVICE_TYPES.map((t) => [t.code, t]));
const BY_ID = new Map(SERVICE_TYPES.map((t) => [t.id, t]));

export function isServiceTypeCode(value: string): value is ServiceTypeCode {
  return BY_CODE.has(value as ServiceTypeCode);
}

export function serviceTypeByCode(code: ServiceTypeCode): ServiceType {
  return BY_CODE.get(code)!;
}

export function serviceTypeById(id: string): ServiceType | undefined {
  return BY_ID.get(id);
}

/** A URN naming a term; stable and resolvable by meaning even before we publish web pages for terms. */
export function serviceTypeUrn(code: ServiceTypeCode): string {
  return `${SERVICE_TYPE_TAXONOMY.urn}:${code}`;
}
