import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { casesRoutes } from './cases.routes';
import { consultationsRoutes } from './consultations.routes';
import { monitoringRoutes } from './monitoring.routes';
import type { RightsServices } from './rights.services';

/** Every /api/v1/rights/* route. */
export const rightsRoutes: FastifyPluginAsyncZod<{ rights: RightsServices }> = async (app, { rights }) => {
  await app.register(consultationsRoutes, { consultations: rights.consultations });
  await app.register(casesRoutes, { cases: rights.cases, work: rights.work, documents: rights.documents, ratings: rights.ratings });
  await app.register(monitoringRoutes, { monitoring: rights.monitoring, ratings: rights.ratings, figures: rights.figures, reminders: rights.reminders });
};
