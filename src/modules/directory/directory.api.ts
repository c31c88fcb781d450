// The JSON shape of GET /api/v1/directory, and its response schema (which Fastify also uses
// to serialise it quickly). Documented in docs/API.md.
import type { SearchQuery } from './directory.schemas.ts';
import { SERVICE_TYPE_CODES } from './domain/service-types.ts';
import type { SearchOutcome } from './directory.service.ts';

const str = { type: 'string' } as const;
const nullable = (t: string) => ({ type: [t, 'null'] }) as const;

export const searchResponseSchema = {
  type: 'object',
  required: ['query', 'place', 'total', 'page', 'per_page', 'total_pages', 'results'],
  properties: {
    query: {
      type: 'object',
      properties: {
        near: nullable('string'),
        radius_km: { type: 'number' },
        type: nullable('string'),
        day: nullable('string'),
        mode: nullable('string'),
        q: nullable('string'),
      },
    },
    place: {
      type: ['object', 'null'],
      properties: {
        postcode_district: str,
        local_authority: str,
        latitude: { type: 'number' },
        longitude: { type: 'number' },
      },
    },
    total: { type: 'integer' },
    page: { type: 'integer' },
    per_page: { type: 'integer' },
    total_pages: { type: 'integer' },
    results: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: str,
          name: str,
          description: str,
          organisation: { type: 'object', properties: { name: str, url: str } },
          mode: str,
          service_types: { type: 'array', items: str },
          distance_km: nullable('number'),
          venue: {
            type: ['object', 'null'],
            properties: { name: str, address: str, town: str, postcode_district: str },
          },
          times: { type: 'array', items: str },
          free: { type: 'boolean' },
          cost_note: str,
          url: str,
          oruk_url: str,
        },
      },
    },
  },
} as const;

export function toApiResponse(
  query: SearchQuery,
  outcome: Extract<SearchOutcome, { kind: 'results' }>,
  publicUrl: string,
) {
  return {
    query: {
      near: query.near ?? null,
      radius_km: query.radius_km,
      type: query.type ?? null,
      day: query.day ?? null,
      mode: query.mode ?? null,
      q: query.q ?? null,
    },
    place: outcome.place
      ? {
          postcode_district: outcome.place.outcode,
          local_authority: outcome.place.areaName,
          latitude: outcome.place.lat,
          longitude: outcome.place.lon,
        }
      : null,
    total: outcome.total,
    page: outcome.page,
    per_page: outcome.perPage,
    total_pages: outcome.pages,
    results: outcome.hits.map((h) => ({
      id: h.id,
      name: h.name,
      description: h.description,
      organisation: { name: h.org.name, url: `${publicUrl}/organisations/${h.org.slug}` },
      mode: h.mode,
      service_types: h.types,
      distance_km: h.distanceKm,
      venue: h.venue
        ? {
            name: h.venue.name,
            address: h.venue.address,
            town: h.venue.town,
            postcode_district: h.venue.postcodeDistrict,
          }
        : null,
      times: h.times,
      free: h.free,
      cost_note: h.costNote,
      url: `${publicUrl}/organisations/${h.org.slug}#service-${h.id}`,
      oruk_url: `${publicUrl}/oruk/services/${h.id}`,
    })),
  };
}

/**
 * Writes <, > and & as \u003c, \u003e and \u0026. The JSON means exactly the same, but text
 * from the database can never be read as markup, even by a client that sniffs content or
 * pastes the JSON into a page.
 */
export function jsonForHtmlContexts(json: string): string {
  return json.replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** onSend hook applying jsonForHtmlContexts to a route's JSON responses. */
export async function htmlSafeJson(_req: unknown, reply: { getHeader(name: string): unknown }, payload: unknown) {
  if (typeof payload !== 'string' || !/json/.test(String(reply.getHeader('content-type') ?? ''))) return payload;
  return jsonForHtmlContexts(payload);
}

/**
 * The query parameters, for the OpenAPI document only: the route parses them with zod
 * (parseSearchQuery) so its messages stay the ones fit to show people, and its validator
 * compiler lets everything through to that parser.
 */
export const searchQuerySchema = {
  type: 'object',
  properties: {
    near: {
      type: 'string',
      maxLength: 80,
      description:
        'A full postcode or a district (LS6). Only the district is used. Unknown or non-GB postcodes give 400.',
      examples: ['LS6 3HN'],
    },
    radius_km: { type: 'number', minimum: 1, maximum: 200, default: 25 },
    type: { type: 'string', enum: [...SERVICE_TYPE_CODES], description: 'A kind of service' },
    day: { type: 'string', description: 'monday … sunday, or MO … SU: services with a session that weekday' },
    mode: { type: 'string', enum: ['in_person', 'online'] },
    q: {
      type: 'string',
      maxLength: 100,
      description: 'Words, PostgreSQL websearch syntax (English stemming), over service and organisation text',
    },
    page: { type: 'integer', minimum: 1, maximum: 500, default: 1 },
    per_page: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
} as const;

/** A 400 answer: a parameter is wrong or the postcode cannot be searched. */
export const searchProblemSchema = {
  description:
    'A parameter is wrong, or the postcode cannot be searched (not a postcode, not found, or outside Great Britain). `fields` names each parameter with a message fit to show people.',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: ['validation', 'bad_request'] },
        message: { type: 'string' },
        fields: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  },
} as const;
