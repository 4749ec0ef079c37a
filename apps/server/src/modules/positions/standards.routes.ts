import { facilityStandardSchema, idParamsSchema, listShortfallsQuerySchema, positionChecklistSchema, putStandardSchema, shortfallPageSchema } from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireScope } from '../../platform/auth';
import type { StandardsService } from './standards.service';

const tags = ['positions'];
const orgParams = z.object({ orgId: z.uuid() });

/** Facility standards per federation / district org, checklists and the shortfall list. */
export const standardsRoutes: FastifyPluginAsyncZod<{
  standards: StandardsService;
}> = async (app, { standards }) => {
  app.get(
    '/facility-standards/shortfalls',
    {
      config: { permission: 'position.read' },
      schema: {
        tags,
        summary: '未达标阵地: positions lacking items of their standard',
        querystring: listShortfallsQuerySchema,
        response: { 200: shortfallPageSchema },
      },
    },
    async (request) => standards.listShortfalls(request.query, requireScope(request, 'position.read').scope),
  );

  app.get(
    '/facility-standards/:orgId',
    {
      config: { permission: 'position.read' },
      schema: {
        tags,
        summary: "The standard that applies to an org (its own, an ancestor's, or the built-in 七个一)",
        params: orgParams,
        response: { 200: facilityStandardSchema },
      },
    },
    async (request) => standards.getStandard(request.params.orgId, requireScope(request, 'position.read').scope),
  );

  app.put(
    '/facility-standards/:orgId',
    {
      config: { permission: 'position.write' },
      schema: {
        tags,
        summary: "Set a federation's or district's own standard (with its version when it has one)",
        params: orgParams,
        body: putStandardSchema,
        response: { 200: facilityStandardSchema },
      },
    },
    async (request) => {
      const { scope } = requireScope(request, 'position.write');
      return standards.putStandard(request.params.orgId, request.body, {
        scope,
        audit: auditContextOf(request),
      });
    },
  );

  app.delete(
    '/facility-standards/:orgId',
    {
      config: { permission: 'position.write' },
      schema: {
        tags,
        summary: "Remove the org's own standard (falls back to the inherited one)",
        params: orgParams,
        response: { 200: facilityStandardSchema },
      },
    },
    async (request) => {
      const { scope } = requireScope(request, 'position.write');
      return standards.deleteStandard(request.params.orgId, {
        scope,
        audit: auditContextOf(request),
      });
    },
  );

  app.get(
    '/positions/:id/checklist',
    {
      config: { permission: 'position.read' },
      schema: {
        tags,
        summary: "The position's facilities against its standard",
        params: idParamsSchema,
        response: { 200: positionChecklistSchema },
      },
    },
    async (request) => standards.getChecklist(request.params.id, requireScope(request, 'position.read').scope),
  );
};
