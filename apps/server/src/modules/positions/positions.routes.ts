import {
  createPositionSchema,
  idParamsSchema,
  pageOf,
  listPositionsQuerySchema,
  mapContextQuerySchema,
  mapContextSchema,
  mapLayersSchema,
  mapPointsSchema,
  placeListSchema,
  placeSearchQuerySchema,
  nearestQuerySchema,
  nearestResultSchema,
  positionSchema,
  updatePositionSchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireScope } from '../../platform/auth';
import type { MapTilesConfig } from '../../config';
import { mapLayersOf } from './map-layers';
import type { MapContextService } from './map-context.service';
import type { PositionsService } from './positions.service';

const tags = ['positions'];

export const positionsRoutes: FastifyPluginAsyncZod<{ positions: PositionsService; mapContext: MapContextService; map: MapTilesConfig }> = async (app, { positions, mapContext, map }) => {
  const layers = mapLayersOf(map);

  // Public: the worker page draws the same outline and tiles without an account.
  app.get(
    '/positions/map-layers',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'District outline (WGS-84 GeoJSON) and the configured map tiles', response: { 200: mapLayersSchema } },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'public, max-age=3600');
      return layers();
    },
  );

  // Public: the worker map shows every open station before the phone is located (as nearest does, one by one).
  app.get(
    '/positions/map-points',
    { config: { permission: 'public' }, schema: { tags, summary: 'Every open position (the worker map before locating)', response: { 200: mapPointsSchema } } },
    async (_request, reply) => {
      void reply.header('cache-control', 'public, max-age=60');
      return mapContext.listMapPoints();
    },
  );

  app.get(
    '/positions/map-context',
    {
      config: { permission: 'position.read' },
      schema: { tags, summary: "The scope's outline and the imported street network inside it (WGS-84)", querystring: mapContextQuerySchema, response: { 200: mapContextSchema } },
    },
    async (request) => mapContext.getMapContext(request.query.orgId, requireScope(request, 'position.read').scope),
  );

  app.get(
    '/positions/places',
    {
      config: { permission: 'position.read' },
      schema: { tags, summary: 'Address search: streets/towns of the district and positions in scope by name or address', querystring: placeSearchQuerySchema, response: { 200: placeListSchema } },
    },
    async (request) => mapContext.searchPlaces(request.query.q, request.query.orgId, requireScope(request, 'position.read').scope),
  );

  // Public: a worker without an account must be able to find a station.
  app.get(
    '/positions/nearest',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'Nearest (open) positions to a point, with walking distance and minutes', querystring: nearestQuerySchema, response: { 200: nearestResultSchema } },
    },
    async (request) => positions.nearest(request.query),
  );

  app.get(
    '/positions',
    { config: { permission: 'position.read' }, schema: { tags, summary: 'Positions in scope', querystring: listPositionsQuerySchema, response: { 200: pageOf(positionSchema) } } },
    async (request) => positions.listPositions(request.query, requireScope(request, 'position.read').scope),
  );

  app.get(
    '/positions/:id',
    { config: { permission: 'position.read' }, schema: { tags, params: idParamsSchema, response: { 200: positionSchema } } },
    async (request) => positions.getPosition(request.params.id, requireScope(request, 'position.read').scope),
  );

  app.post(
    '/positions',
    { config: { permission: 'position.write' }, schema: { tags, summary: 'Create a position (location with its datum)', body: createPositionSchema, response: { 201: positionSchema } } },
    async (request, reply) => {
      const { scope } = requireScope(request, 'position.write');
      return reply.status(201).send(await positions.createPosition(request.body, { scope, audit: auditContextOf(request) }));
    },
  );

  app.patch(
    '/positions/:id',
    { config: { permission: 'position.write' }, schema: { tags, summary: 'Edit a position (with its version)', params: idParamsSchema, body: updatePositionSchema, response: { 200: positionSchema } } },
    async (request) => {
      const { scope } = requireScope(request, 'position.write');
      return positions.updatePosition(request.params.id, request.body, { scope, audit: auditContextOf(request) });
    },
  );
};
