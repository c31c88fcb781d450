// The open API's routes under /api/v1 (the directory's search is the directory module's own):
// each parses nothing but the token (the access layer checks it), calls one function and sends
// JSON through its response schema. Public ones answer anyone; `org` and `network` ones only a
// live token of that scope. The OpenAPI document is generated from these schemas.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { access, apiCallerOf } from '../../platform/http/access.ts';
import { API_PREFIX } from '../../platform/http/openapi.ts';
import * as schemas from './v1.schemas.ts';
import * as v1 from './v1.service.ts';

/** Public data: any site may read it, and caches may keep it for a minute. */
function asPublic(reply: FastifyReply) {
  return reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=60');
}
/** A token's own data: no cache keeps it. */
function asPrivate(reply: FastifyReply) {
  return reply.header('cache-control', 'private, no-store');
}

export function apiV1Routes(deps: Deps) {
  return async function (app: FastifyInstance) {
    app.get(
      `${API_PREFIX}/openapi.json`,
      {
        config: { access: access.api('public') },
        schema: {
          summary: 'This description of the API (OpenAPI 3.1)',
          tags: ['about'],
          operationId: 'getOpenApi',
          response: { 200: { ...schemas.openApiResponse, description: 'The OpenAPI 3.1 document' } },
        },
      },
      async (_req, reply) => asPublic(reply).send(app.swagger()),
    );

    app.get(
      `${API_PREFIX}/events`,
      {
        config: { access: access.api('public') },
        schema: {
          summary: 'Public events still to come, soonest first (at most 100)',
          description: 'Events open to anyone, from the network and its members, as the public events page lists them.',
          tags: ['public'],
          operationId: 'listEvents',
          response: { 200: { ...schemas.eventsResponse, description: 'Upcoming public events' } },
        },
      },
      async (_req, reply) => asPublic(reply).send(await v1.listApiEvents(deps)),
    );

    app.get(
      `${API_PREFIX}/library`,
      {
        config: { access: access.api('public') },
        schema: {
          summary: 'Public resources in the shared library, newest first (at most 100)',
          description: 'Only resources their organisation shares with everyone; members-only ones are never listed.',
          tags: ['public'],
          operationId: 'listLibrary',
          response: { 200: { ...schemas.libraryResponse, description: 'Public library resources' } },
        },
      },
      async (_req, reply) => asPublic(reply).send(await v1.listApiLibrary(deps)),
    );

    app.get(
      `${API_PREFIX}/consultations`,
      {
        config: { access: access.api('public') },
        schema: {
          summary: 'Public consultations and their published results',
          description:
            'What anyone sees on each consultation’s results page: counts always; where people agree and differ only once enough people have voted, and no group of fewer than 5 named.',
          tags: ['public'],
          operationId: 'listConsultations',
          response: { 200: { ...schemas.consultationsResponse, description: 'Consultations with their results' } },
        },
      },
      async (_req, reply) => asPublic(reply).send(await v1.listApiConsultations(deps)),
    );

    app.get(
      `${API_PREFIX}/network/figures`,
      {
        config: { access: access.api('network') },
        schema: {
          summary: "The network's figures from the latest monthly release, after disclosure control",
          description:
            'Pooled outcomes per measure and the network’s reach. Organisations under 8 people are left out of every figure; counts are rounded to the nearest 5 and small ones withheld. Needs a network token.',
          tags: ['network'],
          operationId: 'getNetworkFigures',
          response: { 200: { ...schemas.networkFiguresResponse, description: "The network's figures" } },
        },
      },
      async (_req, reply) => asPrivate(reply).send(await v1.loadApiNetworkFigures(deps)),
    );

    app.get(
      `${API_PREFIX}/organisation/figures`,
      {
        config: { access: access.api('org') },
        schema: {
          summary: "The token's organisation's own figures",
          description:
            'Reach by quarter and change on each measure, exactly as the organisation’s own insight page shows them to its people. The organisation is the token’s: no address names another. Needs an org token.',
          tags: ['organisation'],
          operationId: 'getOrganisationFigures',
          response: { 200: { ...schemas.orgFiguresResponse, description: "The organisation's figures" } },
        },
      },
      async (req, reply) => {
        const orgId = apiCallerOf(req).orgId;
        if (!orgId) throw new Error('an org token without an organisation'); // the table's check forbids it
        return asPrivate(reply).send(await v1.loadApiOrgFiguresForToken(deps, orgId));
      },
    );
  };
}
