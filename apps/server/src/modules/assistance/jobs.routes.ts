import {
  applyJobSchema,
  createJobPostingSchema,
  idParamsSchema,
  jobApplicationSchema,
  jobApplicationsQuerySchema,
  jobFairSchema,
  jobPostingSchema,
  jobPostingsQuerySchema,
  jobVersionSchema,
  markJobApplicationSchema,
  myJobApplicationsSchema,
  openJobSchema,
  openJobsPageSchema,
  openJobsQuerySchema,
  pageOf,
  updateJobPostingSchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope } from '../../platform/auth';
import type { SpringJobsService, JobsStaff, JobsWorker } from './jobs.service';

const tags = ['assistance'];
const read = { config: { permission: 'assistance.read' as const } };
const write = { config: { permission: 'assistance.write' as const } };
const reveal = { config: { permission: 'assistance.reveal' as const } };
const signedIn = { config: { permission: 'authenticated' as const } };

function staff(request: FastifyRequest, permission: 'assistance.read' | 'assistance.write' | 'assistance.reveal'): JobsStaff {
  const { actor, scope } = requireScope(request, permission);
  return { userId: actor.userId, displayName: actor.displayName, scope, audit: auditContextOf(request) };
}
const worker = (request: FastifyRequest): JobsWorker => ({ userId: requireActor(request).userId, audit: auditContextOf(request) });

/** 春送岗位: postings and their applications in the console; open jobs, applying and 我的求职 on the phone. */
export const springJobsRoutes: FastifyPluginAsyncZod<{ jobs: SpringJobsService }> = async (app, { jobs }) => {
  app.get('/assistance/jobs/postings', { ...read, schema: { tags, summary: 'Job postings under the caller’s scope, newest first', querystring: jobPostingsQuerySchema, response: { 200: pageOf(jobPostingSchema) } } }, async (request) =>
    jobs.listPostings(request.query, staff(request, 'assistance.read').scope),
  );
  app.post('/assistance/jobs/postings', { ...write, schema: { tags, summary: 'Post a job (as a draft) for an employer’s grassroots union in scope', body: createJobPostingSchema, response: { 201: jobPostingSchema } } }, async (request, reply) =>
    reply.status(201).send(await jobs.createPosting(request.body, staff(request, 'assistance.write'))),
  );
  app.get('/assistance/jobs/postings/:id', { ...read, schema: { tags, summary: 'A job posting with its fair and application counts', params: idParamsSchema, response: { 200: jobPostingSchema } } }, async (request) =>
    jobs.getPosting(request.params.id, staff(request, 'assistance.read').scope),
  );
  app.put('/assistance/jobs/postings/:id', { ...write, schema: { tags, summary: 'Change a job (not once closed); the headcount never below those hired', params: idParamsSchema, body: updateJobPostingSchema, response: { 200: jobPostingSchema } } }, async (request) =>
    jobs.updatePosting(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.post('/assistance/jobs/postings/:id/open', { ...write, schema: { tags, summary: 'Open a job to applications from the phone', params: idParamsSchema, body: jobVersionSchema, response: { 200: jobPostingSchema } } }, async (request) =>
    jobs.openPosting(request.params.id, request.body.version, staff(request, 'assistance.write')),
  );
  app.post('/assistance/jobs/postings/:id/close', { ...write, schema: { tags, summary: 'End recruiting: no more applications', params: idParamsSchema, body: jobVersionSchema, response: { 200: jobPostingSchema } } }, async (request) =>
    jobs.closePosting(request.params.id, request.body.version, staff(request, 'assistance.write')),
  );
  app.get(
    '/assistance/jobs/postings/:id/applications',
    { ...read, schema: { tags, summary: 'Applications to a job (phones masked), newest first', params: idParamsSchema, querystring: jobApplicationsQuerySchema, response: { 200: pageOf(jobApplicationSchema) } } },
    async (request) => jobs.listApplications(request.params.id, request.query, staff(request, 'assistance.read').scope),
  );
  app.post(
    '/assistance/jobs/applications/:id/mark',
    { ...write, schema: { tags, summary: 'Mark an application viewed, interview, hired or not hired; the applicant is told; the last hire fills the job', params: idParamsSchema, body: markJobApplicationSchema, response: { 200: jobApplicationSchema } } },
    async (request) => jobs.markApplication(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.post('/assistance/jobs/applications/:id/reveal', { ...reveal, schema: { tags, summary: 'The applicant’s full phone number (audited)', params: idParamsSchema, response: { 200: z.object({ phone: z.string().nullable() }) } } }, async (request) =>
    jobs.revealPhone(request.params.id, staff(request, 'assistance.reveal')),
  );
  app.get('/assistance/jobs/fairs', { ...read, schema: { tags, summary: 'Job fairs to attach: upcoming published events of unions related to the caller’s scope', response: { 200: z.array(jobFairSchema) } } }, async (request) =>
    jobs.listFairs(staff(request, 'assistance.read').scope),
  );

  // ---- the worker's side ----
  app.get('/assistance/jobs/open', { ...signedIn, schema: { tags, summary: 'Open jobs: filter by area, employment form, pay; nearest first from a point', querystring: openJobsQuerySchema, response: { 200: openJobsPageSchema } } }, async (request) =>
    jobs.listOpen(request.query, requireActor(request).userId),
  );
  app.get('/assistance/jobs/open/:id', { ...signedIn, schema: { tags, summary: 'One open job (or one the caller applied to) with its fair and the caller’s application', params: idParamsSchema, response: { 200: openJobSchema } } }, async (request) =>
    jobs.getOpen(request.params.id, requireActor(request).userId),
  );
  app.post('/assistance/jobs/open/:id/apply', { ...signedIn, schema: { tags, summary: 'Apply once, as the caller’s member identity (or account); a second time answers 409', params: idParamsSchema, body: applyJobSchema, response: { 201: jobApplicationSchema } } }, async (request, reply) =>
    reply.status(201).send(await jobs.apply(request.params.id, request.body, worker(request))),
  );
  app.get('/assistance/jobs/mine', { ...signedIn, schema: { tags, summary: '我的求职: the caller’s applications and their status', response: { 200: myJobApplicationsSchema } } }, async (request) => jobs.mine(requireActor(request).userId));
  app.post('/assistance/jobs/mine/:id/withdraw', { ...signedIn, schema: { tags, summary: 'Withdraw one of the caller’s applications before a decision', params: idParamsSchema, body: jobVersionSchema, response: { 200: jobApplicationSchema } } }, async (request) =>
    jobs.withdraw(request.params.id, request.body.version, worker(request)),
  );
};
