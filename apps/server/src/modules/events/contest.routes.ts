import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ContestService } from './contest.service';

export const contestRoutes: FastifyPluginAsyncZod<{ contests: ContestService }> = async () => {};
