import {
  coverageAreaSchema,
  coverageLayersSchema,
  coverageRunSchema,
  createWeightLayerSchema,
  idParamsSchema,
  listCoverageRunsQuerySchema,
  startCoverageRunSchema,
  weightLayerSchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireScope } from '../../platform/auth';
import { langOf } from '../../platform/error-handler';
import type { CoverageService } from './coverage.service';

const tags = ['coverage'];
export const MAX_WEIGHT_LAYER_BYTES = 32 * 1024 * 1024;

/** The 15-minute service circle: areas, weight layers, runs (jobs) and their layers. */
export const coverageRoutes: FastifyPluginAsyncZod<{
  coverage: CoverageService;
}> = async (app, { coverage }) => {
  app.get(
    '/coverage-areas',
    {
      config: { permission: 'position.read' },
      schema: {
        tags,
        summary: 'Areas in scope with a stored street network',
        response: { 200: z.object({ items: z.array(coverageAreaSchema) }) },
      },
    },
    async (request) => ({
      items: await coverage.listAreas(requireScope(request, 'position.read').scope),
    }),
  );

  app.get(
    '/coverage-weight-layers',
    {
      config: { permission: 'position.read' },
      schema: {
        tags,
        querystring: z.object({ areaOrgId: z.uuid() }),
        response: { 200: z.object({ items: z.array(weightLayerSchema) }) },
      },
    },
    async (request) => ({
      items: await coverage.listWeightLayers(request.query.areaOrgId, requireScope(request, 'position.read').scope),
    }),
  );

  app.post(
    '/coverage-weight-layers',
    {
      // A city's population grid as GeoJSON runs to megabytes (about 100 bytes a point).
      bodyLimit: MAX_WEIGHT_LAYER_BYTES,
      config: { permission: 'position.write' },
      schema: {
        tags,
        summary: 'Upload a population / workplace point layer (GeoJSON points with a weight)',
        body: createWeightLayerSchema,
        response: { 201: weightLayerSchema },
      },
    },
    async (request, reply) => {
      const { scope } = requireScope(request, 'position.write');
      return reply.status(201).send(
        await coverage.createWeightLayer(request.body, {
          scope,
          audit: auditContextOf(request),
        }),
      );
    },
  );

  app.post(
    '/coverage-runs',
    {
      config: { permission: 'position.write' },
      schema: {
        tags,
        summary: 'Start a coverage run (a background job); poll GET /coverage-runs/:id',
        body: startCoverageRunSchema,
        response: { 202: coverageRunSchema },
      },
    },
    async (request, reply) => {
      const { scope } = requireScope(request, 'position.write');
      return reply.status(202).send(await coverage.startRun(request.body, { scope, audit: auditContextOf(request) }, langOf(request)));
    },
  );

  app.get(
    '/coverage-runs',
    {
      config: { permission: 'position.read' },
      schema: {
        tags,
        summary: 'Runs over time, newest first, each with what changed since the previous',
        querystring: listCoverageRunsQuerySchema,
        response: { 200: z.object({ items: z.array(coverageRunSchema) }) },
      },
    },
    async (request) => coverage.listRuns(request.query, requireScope(request, 'position.read').scope, langOf(request)),
  );

  app.get(
    '/coverage-runs/:id',
    {
      config: { permission: 'position.read' },
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: coverageRunSchema },
      },
    },
    async (request) => coverage.getRun(request.params.id, requireScope(request, 'position.read').scope, langOf(request)),
  );

  app.get(
    '/coverage-runs/:id/layers',
    {
      config: { permission: 'position.read' },
      schema: {
        tags,
        summary: 'Isochrones, uncovered streets, candidate sites and positions (WGS-84 GeoJSON)',
        params: idParamsSchema,
        response: { 200: coverageLayersSchema },
      },
    },
    async (request, reply) => {
      // A finished run never changes.
      void reply.header('cache-control', 'private, max-age=300');
      return coverage.getLayers(request.params.id, requireScope(request, 'position.read').scope);
    },
  );
};
