import {
  enrolMutualaidSchema,
  fileMutualaidClaimSchema,
  idParamsSchema,
  mutualaidBatchSchema,
  mutualaidClaimSchema,
  mutualaidClaimsQuerySchema,
  mutualaidEnrolmentSchema,
  mutualaidEnrolmentsQuerySchema,
  mutualaidImportQuerySchema,
  mutualaidPlanSchema,
  mutualaidPlansQuerySchema,
  myMutualaidSchema,
  pageOf,
  payMutualaidClaimSchema,
  reviewMutualaidClaimSchema,
  saveMutualaidPlanSchema,
  updateMutualaidPlanSchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope } from '../../platform/auth';
import { langOf } from '../../platform/error-handler';
import { AppError } from '../../platform/errors';
import { sendXlsx, XLSX_TYPE } from '../../platform/xlsx-reply';
import type { MutualaidService, StaffActor } from './mutualaid.service';

const tags = ['assistance'];
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

function staff(request: FastifyRequest, permission: 'assistance.read' | 'assistance.write'): StaffActor {
  const { actor, scope } = requireScope(request, permission);
  return { userId: actor.userId, displayName: actor.displayName, scope, audit: auditContextOf(request) };
}

/** 职工互助保障: plans, enrolment (one by one and by sheet), the claims queue, and the worker's own claims. */
export const mutualaidRoutes: FastifyPluginAsyncZod<{ mutualaid: MutualaidService }> = async (app, { mutualaid }) => {
  app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_request, body, done) => done(null, body));

  app.get(
    '/assistance/mutualaid/plans',
    { config: { permission: 'assistance.read' }, schema: { tags, summary: 'Mutual-aid plans of the caller’s district (or in scope), with enrolled, claims and paid within the caller’s scope', querystring: mutualaidPlansQuerySchema, response: { 200: z.array(mutualaidPlanSchema) } } },
    async (request) => mutualaid.listPlans(request.query.year, staff(request, 'assistance.read').scope),
  );
  app.post(
    '/assistance/mutualaid/plans',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'Draft a district’s plan for a year: premium, benefits, caps, second-approval threshold, sampling share', body: saveMutualaidPlanSchema, response: { 201: mutualaidPlanSchema } } },
    async (request, reply) => reply.status(201).send(await mutualaid.createPlan(request.body, staff(request, 'assistance.write'))),
  );
  app.get(
    '/assistance/mutualaid/plans/:id',
    { config: { permission: 'assistance.read' }, schema: { tags, summary: 'A plan with its figures', params: idParamsSchema, response: { 200: mutualaidPlanSchema } } },
    async (request) => mutualaid.getPlan(request.params.id, staff(request, 'assistance.read').scope),
  );
  app.put(
    '/assistance/mutualaid/plans/:id',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'Change a plan’s rules (refused once anyone is enrolled)', params: idParamsSchema, body: updateMutualaidPlanSchema, response: { 200: mutualaidPlanSchema } } },
    async (request) => mutualaid.updatePlan(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.post(
    '/assistance/mutualaid/plans/:id/open',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'Open a drafted plan for enrolment and claims', params: idParamsSchema, body: z.object({ version: z.number().int().min(1) }), response: { 200: mutualaidPlanSchema } } },
    async (request) => mutualaid.openPlan(request.params.id, request.body.version, staff(request, 'assistance.write')),
  );
  app.post(
    '/assistance/mutualaid/plans/:id/close',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'End an open plan: no more enrolments or claims; filed claims are still handled', params: idParamsSchema, body: z.object({ version: z.number().int().min(1) }), response: { 200: mutualaidPlanSchema } } },
    async (request) => mutualaid.closePlan(request.params.id, request.body.version, staff(request, 'assistance.write')),
  );
  app.get(
    '/assistance/mutualaid/plans/:id/enrolments',
    { config: { permission: 'assistance.read' }, schema: { tags, summary: 'Enrolled members in the caller’s scope (names and masked ID numbers)', params: idParamsSchema, querystring: mutualaidEnrolmentsQuerySchema, response: { 200: pageOf(mutualaidEnrolmentSchema) } } },
    async (request) => mutualaid.listEnrolments(request.params.id, request.query, staff(request, 'assistance.read').scope),
  );
  app.post(
    '/assistance/mutualaid/plans/:id/enrolments',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'Enrol one active member of the caller’s scope by ID number', params: idParamsSchema, body: enrolMutualaidSchema, response: { 201: mutualaidEnrolmentSchema } } },
    async (request, reply) => reply.status(201).send(await mutualaid.enrolOne(request.params.id, request.body.idNumber, staff(request, 'assistance.write'))),
  );
  app.get(
    '/assistance/mutualaid/plans/:id/template',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'The enrolment sheet (.xlsx): 姓名, 身份证号, an example row', params: idParamsSchema } },
    async (request, reply) => {
      return sendXlsx(reply, await mutualaid.template(request.params.id, staff(request, 'assistance.write').scope), '互助保障参保名单模板.xlsx', 'mutual-aid-enrolment.xlsx');
    },
  );
  app.post(
    '/assistance/mutualaid/plans/:id/imports',
    {
      config: { permission: 'assistance.write' },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: { tags, summary: 'Enrol a union’s members from an .xlsx (body = the file): the batch with its per-row report (errors capped)', params: idParamsSchema, querystring: mutualaidImportQuerySchema, response: { 200: mutualaidBatchSchema } },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { status: 415 });
      const name = request.headers['x-file-name'];
      const fileName = typeof name === 'string' ? decodeURIComponent(name).slice(0, 200) : null;
      return mutualaid.importEnrolments(request.params.id, request.query.orgId, request.body, fileName, staff(request, 'assistance.write'), langOf(request));
    },
  );
  app.get(
    '/assistance/mutualaid/claims',
    { config: { permission: 'assistance.read' }, schema: { tags, summary: 'The claims queue of the caller’s scope, newest first', querystring: mutualaidClaimsQuerySchema, response: { 200: pageOf(mutualaidClaimSchema) } } },
    async (request) => mutualaid.listClaims(request.query, staff(request, 'assistance.read').scope),
  );
  app.get(
    '/assistance/mutualaid/claims/:id',
    { config: { permission: 'assistance.read' }, schema: { tags, summary: 'A claim with what the caps have left', params: idParamsSchema, response: { 200: mutualaidClaimSchema } } },
    async (request) => mutualaid.getClaim(request.params.id, staff(request, 'assistance.read').scope),
  );
  app.post(
    '/assistance/mutualaid/claims/:id/review',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: '初审: approve (payout by the rules within the caps) or reject with a reason', params: idParamsSchema, body: reviewMutualaidClaimSchema, response: { 200: mutualaidClaimSchema } } },
    async (request) => mutualaid.review(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.post(
    '/assistance/mutualaid/claims/:id/second',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: '复核 by a different staff member (above the threshold or sampled)', params: idParamsSchema, body: reviewMutualaidClaimSchema, response: { 200: mutualaidClaimSchema } } },
    async (request) => mutualaid.secondCheck(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.post(
    '/assistance/mutualaid/claims/:id/pay',
    { config: { permission: 'assistance.write' }, schema: { tags, summary: 'Record the payment (transfer or in person, with its reference)', params: idParamsSchema, body: payMutualaidClaimSchema, response: { 200: mutualaidClaimSchema } } },
    async (request) => mutualaid.pay(request.params.id, request.body, staff(request, 'assistance.write')),
  );

  app.get(
    '/assistance/mutualaid/mine',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'The caller’s own plans (what the caps have left) and claims', response: { 200: myMutualaidSchema } } },
    async (request) => mutualaid.mine(requireActor(request).userId),
  );
  app.post(
    '/assistance/mutualaid/mine/claims',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'File a claim on the caller’s own enrolment, with photos of the documents', body: fileMutualaidClaimSchema, response: { 201: mutualaidClaimSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(await mutualaid.fileClaim(request.body, { userId: actor.userId, audit: auditContextOf(request) }));
    },
  );
  app.get(
    '/assistance/mutualaid/mine/claims/:id',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'One of the caller’s own claims and its status', params: idParamsSchema, response: { 200: mutualaidClaimSchema } } },
    async (request) => mutualaid.myClaim(request.params.id, requireActor(request).userId),
  );
};
