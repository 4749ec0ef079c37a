import { idParamsSchema, jobScheduleSchema, jobSchema, jobSummarySchema, listJobsQuerySchema, pageOf, scheduleParamsSchema } from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../audit/audit.service';
import { requireScope } from '../auth';
import { pickLang } from '../i18n';
import type { JobsService } from './jobs.service';

const tags = ['jobs'];
const langOf = (request: FastifyRequest) => pickLang(request.headers['accept-language']);
const actorOf = (request: FastifyRequest) => ({ scope: requireScope(request, 'job.write').scope, audit: auditContextOf(request) });

/**
 * 后台任务 for administrators. A union admin sees the jobs of orgs in their subtree; jobs without
 * an org (text messages, platform sweeps) and the schedules only a platform admin.
 */
export const jobsRoutes: FastifyPluginAsyncZod<{ jobs: JobsService }> = async (app, { jobs }) => {
  app.get(
    '/jobs',
    { config: { permission: 'job.read' }, schema: { tags, summary: 'Background jobs, newest first (filter by status and kind)', querystring: listJobsQuerySchema, response: { 200: pageOf(jobSchema) } } },
    async (request) => jobs.listJobs(request.query, requireScope(request, 'job.read').scope, langOf(request)),
  );
  app.get(
    '/jobs/summary',
    { config: { permission: 'job.read' }, schema: { tags, summary: 'How many jobs are in each state, and the kinds present', response: { 200: jobSummarySchema } } },
    async (request) => jobs.summarize(requireScope(request, 'job.read').scope),
  );
  app.get(
    '/jobs/:id',
    { config: { permission: 'job.read' }, schema: { tags, summary: 'One job with its error', params: idParamsSchema, response: { 200: jobSchema } } },
    async (request) => jobs.getJob(request.params.id, requireScope(request, 'job.read').scope, langOf(request)),
  );
  app.post(
    '/jobs/:id/retry',
    { config: { permission: 'job.write' }, schema: { tags, summary: 'Run a failed, dead or cancelled job again from the start', params: idParamsSchema, body: z.object({}).optional(), response: { 200: jobSchema } } },
    async (request) => jobs.retryJob(request.params.id, actorOf(request), langOf(request)),
  );
  app.post(
    '/jobs/:id/cancel',
    { config: { permission: 'job.write' }, schema: { tags, summary: 'Cancel a queued job, or ask a running one to stop', params: idParamsSchema, body: z.object({}).optional(), response: { 200: jobSchema } } },
    async (request) => jobs.cancelJob(request.params.id, actorOf(request), langOf(request)),
  );
  app.get(
    '/job-schedules',
    { config: { permission: 'job.read' }, schema: { tags, summary: 'Cron-like schedules with their next and last run (platform admins)', response: { 200: z.array(jobScheduleSchema) } } },
    async (request) => jobs.listSchedules(requireScope(request, 'job.read').scope),
  );
  for (const [verb, isPaused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    app.post(
      `/job-schedules/:name/${verb}`,
      { config: { permission: 'job.write' }, schema: { tags, summary: `${verb === 'pause' ? 'Pause' : 'Resume'} a schedule (platform admins)`, params: scheduleParamsSchema, body: z.object({}).optional(), response: { 200: jobScheduleSchema } } },
      async (request) => jobs.setSchedulePaused(request.params.name, isPaused, actorOf(request)),
    );
  }
  app.post(
    '/job-schedules/:name/run',
    { config: { permission: 'job.write' }, schema: { tags, summary: 'Enqueue a schedule’s job now, outside its slots (platform admins)', params: scheduleParamsSchema, body: z.object({}).optional(), response: { 200: jobSchema } } },
    async (request) => jobs.runScheduleNow(request.params.name, actorOf(request), langOf(request)),
  );
};
