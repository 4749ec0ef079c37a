import { activityItemSchema, activityQuerySchema } from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../platform/auth';
import type { ActivityService } from './activity.service';

/** What the 工作台 needs beyond the modules' own figures: recent activity written for people. */
export const dashboardRoutes: FastifyPluginAsyncZod<{ activity: ActivityService }> = async (app, { activity }) => {
  app.get(
    '/dashboard/activity',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['dashboard'], summary: 'Recent work in my scope (or under one org), newest first, with names for people', querystring: activityQuerySchema, response: { 200: z.array(activityItemSchema) } },
    },
    async (request) => activity.listRecent(request.query, requireScope(request, 'audit.read').scope),
  );
};
