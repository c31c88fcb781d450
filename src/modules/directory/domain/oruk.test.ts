import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  apiDetails,
  omitEmpty,
  organization,
  organizationListItem,
  service,
  serviceAtLocation,
  serviceAtLocationListItem,
  serviceListItem,
  taxonomy,
  taxonomyTerm,
} from './oruk.serialise.ts';
import { normalisePageRequest, orukPage, paginate } from './oruk.page.ts';
import { assertValidOruk, ORUK_RESPONSE_KINDS, validateOrukResponse } from './oruk.validate.ts';
import { sampleOrgs, sampleServices } from './oruk.sample.ts';
import { SERVICE_TYPES } from './service-types.ts';
import { isUuid } from './uuid.ts';

const allOrgs = Object.values(sampleOrgs);
const allSals = sampleServices.flatMap((svc) => svc.locations.map((sal) => ({ svc, serviceId: svc.id, sal })));

/** Walks a JSON value and reports any null, blank string, empty array or non-UUID id. */
function problems(value: unknown, path = '$'): string[] {
  if (value === null) return [`${path} is null`];
  if (typeof value === 'string') return value.trim() === '' ? [`${path} is blank`] : [];
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${path} is an empty array`];
    return value.flatMap((v, i) => problems(v, `${path}[${i}]`));
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [
      ...((k === 'id' || k.endsWith('_id')) && !(typeof v === 'string' && isUuid(v))
        ? [`${path}.${k} is not a UUID`]
        : []),
      ...problems(v, `${path}.${k}`),
    ]);
  }
  return [];
}

type SchemaNode = { $ref?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode; allOf?: SchemaNode[] };
const schemaCache = new Map<string, SchemaNode>();
function loadSchema(file: string): SchemaNode {
  if (!schemaCache.has(file)) {
    schemaCache.set(
      file,
      JSON.parse(readFileSync(new URL(`../../../../spec/oruk/schema/${file}`, import.meta.url), 'utf8')),
    );
  }
  return schemaCache.get(file)!;
}

/**
 * Properties we emit that the ORUK schema does not define. The schemas allow
 * extras, but the newer ORUK validator reports them as errors, so we add none.
 */
function extraKeys(value: unknown, node: SchemaNode, path = '$'): string[] {
  if (node.$ref) return extraKeys(value, loadSchema(node.$ref.split('/').pop()!), path);
  if (Array.isArray(value))
    return node.items ? value.flatMap((v, i) => extraKeys(v, node.items!, `${path}[${i}]`)) : [];
  if (value === null || typeof value !== 'object') return [];
  const props: Record<string, SchemaNode> = { ...node.properties };
  for (const part of node.allOf ?? []) Object.assign(props, part.properties);
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    props[k] ? extraKeys(v, props[k]!, `${path}.${k}`) : [`${path}.${k}`],
  );
}

function assertClean(kind: Parameters<typeof assertValidOruk>[0], json: unknown): void {
  assertValidOruk(kind, json);
  assert.deepEqual(problems(json), [], kind);
  // The Page fields are defined in allOf for most lists but not organization_list.
  const pageKeys = new Set(['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty']);
  const extras = extraKeys(json, loadSchema(`${kind}.json`)).filter((k) => !pageKeys.has(k.slice(2)));
  assert.deepEqual(extras, [], `${kind} has properties outside the ORUK schema`);
}

test('the validator helper accepts the official ORUK examples and rejects bad data', () => {
  const example = (file: string) =>
    JSON.parse(readFileSync(new URL(`../../../../spec/oruk/examples/${file}`, import.meta.url), 'utf8'));
  assert.deepEqual(validateOrukResponse('service', example('service_full.json')), { valid: true });
  assert.deepEqual(validateOrukResponse('service_list', example('service_list.json')), { valid: true });
  assert.deepEqual(validateOrukResponse('api_details', example('api_details.json')), { valid: true });
  const bad = validateOrukResponse('service', { id: 'not-a-uuid', name: 'x' });
  assert.equal(bad.valid, false);
  if (!bad.valid) {
    assert.ok(bad.errors.some((e) => e.includes("required property 'status'")));
    assert.ok(bad.errors.some((e) => e.includes('uuid')));
  }
  // Nested objects are checked too, through the cross-file $refs.
  const nested = service(sampleServices[0]!);
  const broken = { ...nested, schedules: [{ ...nested.schedules![0]!, freq: 'DAILY' }] };
  assert.equal(validateOrukResponse('service', broken).valid, false);
  assert.equal(validateOrukResponse('service', { ...nested, status: 'open' }).valid, false);
  // A list without its paging envelope fails our stricter check.
  assert.equal(validateOrukResponse('taxonomy_list', { contents: [] }).valid, false);
  assert.equal(ORUK_RESPONSE_KINDS.length, 11);
});

test('GET / : api_details names ORUK 3.0 so the validator picks the right spec', () => {
  const json = apiDetails();
  assert.equal(json.version, 'HSDS-UK-3.0');
  assertClean('api_details', json);
  assertClean('api_details', apiDetails({ openapiUrl: 'https://connectors.example.org/oruk/openapi.json' }));
});

test('GET /services/{id}: every sample service is valid, fully nested and has no empty fields', () => {
  for (const s of sampleServices) assertClean('service', service(s));
});

test('GET /services: list pages are valid, including an empty page and a later page', () => {
  const items = sampleServices.map(serviceListItem);
  assertClean('service_list', orukPage(items, items.length, { page: 1, perPage: 50 }));
  assertClean('service_list', paginate(items, { page: 2, perPage: 3 }));
  assertValidOruk('service_list', orukPage([], 0, { page: 1, perPage: 50 }));
  // With ?full=true the nested services are valid too, though they carry
  // arrays the list schema does not describe (the schemas allow extras).
  assertValidOruk(
    'service_list',
    orukPage(sampleServices.map(service), sampleServices.length, { page: 1, perPage: 50 }),
  );
});

test('organisations: full and list forms, single and paged', () => {
  for (const org of allOrgs) {
    assertClean('organization', organization(org));
    assertClean('organization', organizationListItem(org));
  }
  assertClean('organization_list', paginate(allOrgs.map(organizationListItem), { page: 1, perPage: 10 }));
  const full = organization(sampleOrgs.leeds);
  assert.deepEqual(full.organization_identifiers, [
    {
      id: '3d5b7a8e-1f0c-4c1e-9a55-0b6f2f0a1c02',
      organization_id: sampleOrgs.leeds.id,
      identifier_scheme: 'GB-CHC',
      identifier_type: 'Charity number',
      identifier: '1234567',
    },
  ]);
  assert.equal(organizationListItem(sampleOrgs.leeds).organization_identifiers, undefined);
  assert.deepEqual(Object.keys(organization(sampleOrgs.online)), ['id', 'name', 'description']);
});

test('service_at_locations: full and list forms, single and paged', () => {
  assert.ok(allSals.length >= 3);
  for (const { serviceId, sal } of allSals) assertClean('service_at_location', serviceAtLocation(serviceId, sal));
  const list = allSals.map(({ svc, sal }) => serviceAtLocationListItem(svc, sal));
  assertClean('service_at_location_list', paginate(list, { page: 1, perPage: 2 }));
  assertClean('service_at_location_list', paginate(list, { page: 2, perPage: 2 }));
  const full = serviceAtLocation(allSals[0]!.serviceId, allSals[0]!.sal);
  assert.deepEqual(full.location.addresses, [
    {
      id: 'a1f3c5e7-0b2d-4f6a-8c1e-3d5f7a9b1c04',
      location_id: 'a1f3c5e7-0b2d-4f6a-8c1e-3d5f7a9b1c03',
      address_1: 'St Michael’s Road, Headingley',
      city: 'Leeds',
      state_province: 'West Yorkshire',
      postal_code: 'LS6 3HN',
      country: 'GB',
      address_type: 'physical',
    },
  ]);
  assert.equal(full.location.external_identifier_type, 'UPRN');
  const item = serviceAtLocationListItem(allSals[0]!.svc, allSals[0]!.sal);
  assert.equal(item.location.addresses, undefined);
  assert.equal(item.service.name, 'Tuesday peer support group');
  assert.equal(item.service.organization.name, 'Headingley Recovery Community');
});

test('taxonomies and taxonomy terms: single and paged', () => {
  assertClean('taxonomy', taxonomy());
  assertClean('taxonomy_list', paginate([taxonomy({ withTerms: false })], { page: 1, perPage: 50 }));
  for (const type of SERVICE_TYPES) assertClean('taxonomy_term', taxonomyTerm(type));
  const terms = SERVICE_TYPES.map(taxonomyTerm);
  assertClean('taxonomy_term_list', paginate(terms, { page: 1, perPage: 5 }));
  assertClean('taxonomy_term_list', paginate(terms, { page: 3, perPage: 5 }));
  assert.equal(taxonomy().taxonomy_terms?.length, 12);
  assert.equal(taxonomy({ withTerms: false }).taxonomy_terms, undefined);
});

test('mapping: weekly schedule, service type attribute, free cost and local authority area', () => {
  const json = service(sampleServices[0]!);
  assert.deepEqual(json.schedules, [
    {
      id: 'a1f3c5e7-0b2d-4f6a-8c1e-3d5f7a9b1c06',
      service_id: sampleServices[0]!.id,
      freq: 'WEEKLY',
      interval: 1,
      byday: 'TU',
      opens_at: '19:00',
      closes_at: '21:00',
      description: 'Every Tuesday, 7pm to 9pm (UK time)',
      attending_type: 'In person',
    },
  ]);
  assert.equal(json.attributes?.[0]?.taxonomy_term.term, 'peer-support-group');
  assert.equal(json.attributes?.[0]?.link_id, json.id);
  assert.deepEqual(
    json.cost_options?.map(({ option, amount, amount_description }) => ({ option, amount, amount_description })),
    [{ option: 'Free', amount: 0, amount_description: 'Free of charge' }],
  );
  const area = json.service_areas?.[0];
  assert.equal(area?.name, 'Leeds');
  assert.equal(area?.extent, 'E08000035');
  assert.equal(area?.uri, 'http://statistics.data.gov.uk/id/statistical-geography/E08000035');
  assert.equal(json.last_modified, '2026-01-10T09:30:00.000Z');
  assert.equal(json.organization_id, sampleOrgs.leeds.id);
});

test('mapping: monthly nth-weekday schedules tied to venues, and several areas', () => {
  const json = service(sampleServices[1]!);
  assert.deepEqual(
    json.schedules?.map((s) => [s.freq, s.byday, s.service_at_location_id, s.description]),
    [
      [
        'MONTHLY',
        '1TH,3TH',
        'b2e4d6f8-1c3e-4a7b-9d2f-4e6a8b0c2d02',
        'First and third Thursday of the month, 6:30pm to 8pm (UK time)',
      ],
      [
        'MONTHLY',
        '-1SA',
        'b2e4d6f8-1c3e-4a7b-9d2f-4e6a8b0c2d03',
        'Last Saturday of the month, 10am to 12 noon (UK time)',
      ],
    ],
  );
  assert.equal(json.schedules?.[0]?.valid_from, '2026-01-01');
  assert.deepEqual(
    json.service_areas?.map((a) => a.extent),
    ['E08000035', 'E08000032'],
  );
  assert.equal(json.service_at_locations?.length, 2);
  assert.equal(json.attributes?.length, 2);
  assert.equal(new Set(json.attributes?.map((a) => a.id)).size, 2);
});

test('mapping: an online-only service has no locations or areas, rather than empty arrays', () => {
  const json = service(sampleServices[2]!);
  assert.equal('service_at_locations' in json, false);
  assert.equal('service_areas' in json, false);
  assert.equal(json.schedules?.[0]?.byday, 'MO,WE,FR');
  assert.equal(json.schedules?.[0]?.schedule_link, 'https://together-online.example.org/meetings/evening');
});

test('mapping: paid service, alert, custom description and fortnightly dtstart', () => {
  const json = service(sampleServices[3]!);
  assert.equal(json.status, 'temporarily closed');
  assert.equal(json.alert, 'Walks are paused over the winter and will restart in March.');
  assert.equal('description' in json, false);
  assert.deepEqual(
    json.cost_options?.map((c) => [c.option, 'amount' in c]),
    [['£2 towards the minibus, if you can.', false]],
  );
  assert.equal(json.schedules?.[0]?.interval, 2);
  assert.equal(json.schedules?.[0]?.dtstart, '2026-03-01');
  assert.equal(json.service_areas?.length, 3);
});

test('derived ids are stable between calls', () => {
  assert.deepEqual(service(sampleServices[1]!), service(sampleServices[1]!));
});

test('page envelope arithmetic', () => {
  const items = Array.from({ length: 7 }, (_, i) => i);
  assert.deepEqual(
    { ...paginate(items, { page: 1, perPage: 3 }), contents: undefined },
    {
      total_items: 7,
      total_pages: 3,
      page_number: 1,
      size: 3,
      first_page: true,
      last_page: false,
      empty: false,
      contents: undefined,
    },
  );
  const last = paginate(items, { page: 3, perPage: 3 });
  assert.deepEqual([last.contents, last.last_page, last.first_page, last.size], [[6], true, false, 1]);
  const beyond = paginate(items, { page: 9, perPage: 3 });
  assert.deepEqual([beyond.empty, beyond.size, beyond.last_page], [true, 0, true]);
  const none = paginate([], { page: 1, perPage: 3 });
  assert.deepEqual([none.total_pages, none.empty, none.first_page, none.last_page], [1, true, true, true]);
});

test('normalisePageRequest cleans query values', () => {
  assert.deepEqual(normalisePageRequest(undefined, undefined), { page: 1, perPage: 50 });
  assert.deepEqual(normalisePageRequest('3', '20'), { page: 3, perPage: 20 });
  assert.deepEqual(normalisePageRequest('0', '100000'), { page: 1, perPage: 500 });
  assert.deepEqual(normalisePageRequest('abc', '2.5'), { page: 1, perPage: 50 });
});

test('omitEmpty drops only missing values', () => {
  assert.deepEqual(omitEmpty({ a: undefined, b: null, c: '', d: ' ', e: [], f: 0, g: false, h: 'x', i: [1] }), {
    f: 0,
    g: false,
    h: 'x',
    i: [1],
  });
});
