import {
  assigneeSchema,
  assignIssueSchema,
  codeParamsSchema,
  idParamsSchema,
  issueSchema,
  listIssuesQuerySchema,
  myFeedbackSchema,
  myRatingSchema,
  pageOf,
  publicPositionSchema,
  rateSchema,
  reportIssueSchema,
  resolveIssueSchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope } from '../../platform/auth';
import type { FeedbackService } from './feedback.service';

const tags = ['feedback'];

const staffOf = (request: FastifyRequest, permission: 'position.read' | 'position.write') => {
  const { actor, scope } = requireScope(request, permission);
  return { userId: actor.userId, scope, audit: auditContextOf(request) };
};
const workerOf = (request: FastifyRequest) => ({
  userId: requireActor(request).userId,
  audit: auditContextOf(request),
});

/** The public position page's data, workers' ratings and reports, and the staff's queue. */
export const feedbackRoutes: FastifyPluginAsyncZod<{
  feedback: FeedbackService;
}> = async (app, { feedback }) => {
  // Public: the QR code on the sign at the door lands here without an account.
  app.get(
    '/public/positions/:code',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'A position for its public page and printed sign (nothing personal)',
        params: codeParamsSchema,
        response: { 200: publicPositionSchema },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-cache');
      return feedback.publicPosition(request.params.code);
    },
  );

  app.get(
    '/feedback/positions/:code/my-rating',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'The signed-in worker’s rating of this position this month, or null',
        params: codeParamsSchema,
        response: { 200: myRatingSchema.nullable() },
      },
    },
    async (request) => feedback.myRatingAt(request.params.code, requireActor(request).userId),
  );

  app.post(
    '/feedback/positions/:code/ratings',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Rate a position 1–5 (one rating a month; again replaces it)',
        params: codeParamsSchema,
        body: rateSchema,
        response: { 200: myRatingSchema },
      },
    },
    async (request) => feedback.rate(request.params.code, request.body, workerOf(request)),
  );

  app.post(
    '/feedback/positions/:code/issues',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Report a problem at a position (category, text, optional photo id)',
        params: codeParamsSchema,
        body: reportIssueSchema,
        response: { 201: issueSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await feedback.report(request.params.code, request.body, workerOf(request))),
  );

  app.get(
    '/feedback/mine',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'My reports (status, resolution note) and ratings',
        response: { 200: myFeedbackSchema },
      },
    },
    async (request) => feedback.mine(requireActor(request).userId),
  );

  app.get(
    '/feedback/issues',
    {
      config: { permission: 'position.read' },
      schema: {
        tags,
        summary: 'Reports at positions in scope: open first',
        querystring: listIssuesQuerySchema,
        response: { 200: pageOf(issueSchema) },
      },
    },
    async (request) =>
      feedback.listIssues({
        ...request.query,
        scope: staffOf(request, 'position.read').scope,
      }),
  );

  app.get(
    '/feedback/issues/:id',
    {
      config: { permission: 'position.read' },
      schema: { tags, params: idParamsSchema, response: { 200: issueSchema } },
    },
    async (request) => feedback.getIssue(request.params.id, staffOf(request, 'position.read').scope),
  );

  app.get(
    '/feedback/issues/:id/assignees',
    {
      config: { permission: 'position.write' },
      schema: {
        tags,
        summary: 'Staff a report can be assigned to',
        params: idParamsSchema,
        response: { 200: z.array(assigneeSchema) },
      },
    },
    async (request) => feedback.assignees(request.params.id, staffOf(request, 'position.write').scope),
  );

  app.post(
    '/feedback/issues/:id/assign',
    {
      config: { permission: 'position.write' },
      schema: {
        tags,
        params: idParamsSchema,
        body: assignIssueSchema,
        response: { 200: issueSchema },
      },
    },
    async (request) => feedback.assign(request.params.id, request.body, staffOf(request, 'position.write')),
  );

  app.post(
    '/feedback/issues/:id/resolve',
    {
      config: { permission: 'position.write' },
      schema: {
        tags,
        summary: 'Resolve a report with a note the worker sees',
        params: idParamsSchema,
        body: resolveIssueSchema,
        response: { 200: issueSchema },
      },
    },
    async (request) => feedback.resolve(request.params.id, request.body, staffOf(request, 'position.write')),
  );
};
