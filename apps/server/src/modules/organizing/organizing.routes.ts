import {
  assignCadreSchema,
  cadreOptionSchema,
  ceremonyCodeParamsSchema,
  ceremonySchema,
  createCeremonySchema,
  createEnterpriseSchema,
  createMeetingSchema,
  createStepSchema,
  enterpriseDetailSchema,
  enterpriseSchema,
  enterprisePointsQuerySchema,
  enterprisePointsSchema,
  foundUnionSchema,
  idParamsSchema,
  importQuerySchema,
  importReportSchema,
  joiningPointCodeParamsSchema,
  publicJoiningPointSchema,
  listCeremoniesQuerySchema,
  listEnterprisesQuerySchema,
  meetingSchema,
  overdueQuerySchema,
  overdueSchema,
  pageOf,
  publicCeremonySchema,
  putTargetsSchema,
  startFoundingSchema,
  stepParamsSchema,
  stepSchema,
  targetsQuerySchema,
  targetsSchema,
  updateEnterpriseSchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, scopeOf } from '../../platform/auth';
import { langOf } from '../../platform/error-handler';
import { AppError } from '../../platform/errors';
import { sendXlsx, XLSX_TYPE } from '../../platform/xlsx-reply';
import type { CeremoniesService } from './ceremonies.service';
import type { EnterprisesService } from './enterprises.service';
import { importEnterprises, MAX_ENTERPRISE_IMPORT_BYTES } from './import';
import type { OrganizingActor } from './organizing.shared';
import type { OrganizingTargetsService } from './targets.service';
import { organizingWorkbook } from './organizing.xlsx';
import type { Db } from '../../db/client';

const tags = ['organizing'];

function actorOf(request: FastifyRequest): OrganizingActor {
  const actor = requireActor(request);
  return { userId: actor.userId, name: actor.displayName, read: scopeOf(actor, 'organizing.read'), write: scopeOf(actor, 'organizing.write'), audit: auditContextOf(request) };
}

/** 建会入会: the enterprise register and its import, work on an enterprise, targets, ceremonies. */
export const organizingRoutes: FastifyPluginAsyncZod<{ db: Db; enterprises: EnterprisesService; targets: OrganizingTargetsService; ceremonies: CeremoniesService; clock?: () => Date }> = async (
  app,
  { db, enterprises, targets, ceremonies, clock = () => new Date() },
) => {
  // A bureau's list: the body is the file itself (.xlsx or CSV), no multipart.
  app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream', 'text/csv'], { parseAs: 'buffer', bodyLimit: MAX_ENTERPRISE_IMPORT_BYTES }, (_request, body, done) => done(null, body));
  const read = { config: { permission: 'organizing.read' as const } };
  const write = { config: { permission: 'organizing.write' as const } };

  app.get(
    '/organizing/enterprises',
    { ...read, schema: { tags, summary: '企业名录: enterprises in scope, by union and contact status', querystring: listEnterprisesQuerySchema, response: { 200: pageOf(enterpriseSchema) } } },
    async (request) => enterprises.list(request.query, actorOf(request)),
  );
  app.post(
    '/organizing/enterprises',
    { ...write, schema: { tags, summary: 'Register an enterprise (credit code checked, GB 32100; one per code)', body: createEnterpriseSchema, response: { 201: enterpriseSchema } } },
    async (request, reply) => reply.status(201).send(await enterprises.create(request.body, actorOf(request))),
  );
  app.post(
    '/organizing/enterprises/import',
    {
      ...write,
      bodyLimit: MAX_ENTERPRISE_IMPORT_BYTES,
      schema: {
        tags,
        summary: 'Import a bureau’s list (.xlsx or CSV body): per-row report, idempotent by credit code; dryRun=true writes nothing',
        querystring: importQuerySchema,
        response: { 200: importReportSchema },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { status: 415 });
      return importEnterprises(db, request.body, { orgId: request.query.orgId, dryRun: request.query.dryRun === 'true' }, actorOf(request), langOf(request), clock());
    },
  );
  app.get(
    '/organizing/enterprises/points',
    { ...read, schema: { tags, summary: 'The map of union status: enterprises with a point under a node (at most 5,000)', querystring: enterprisePointsQuerySchema, response: { 200: enterprisePointsSchema } } },
    async (request) => enterprises.points(request.query, actorOf(request)),
  );
  app.get(
    '/organizing/enterprises/:id',
    { ...read, schema: { tags, summary: 'An enterprise with its history, meetings and next steps', params: idParamsSchema, response: { 200: enterpriseDetailSchema } } },
    async (request) => enterprises.get(request.params.id, actorOf(request)),
  );
  app.patch('/organizing/enterprises/:id', { ...write, schema: { tags, params: idParamsSchema, body: updateEnterpriseSchema, response: { 200: enterpriseSchema } } }, async (request) =>
    enterprises.update(request.params.id, request.body, actorOf(request)),
  );
  app.post(
    '/organizing/enterprises/:id/start-founding',
    { ...write, schema: { tags, summary: '成立筹备: founding a union has started', params: idParamsSchema, body: startFoundingSchema, response: { 200: enterpriseSchema } } },
    async (request) => enterprises.startFounding(request.params.id, request.body, actorOf(request)),
  );
  app.post(
    '/organizing/enterprises/:id/found',
    { ...write, schema: { tags, summary: '建会: link the grassroots union or create it under a parent', params: idParamsSchema, body: foundUnionSchema, response: { 200: enterpriseSchema } } },
    async (request) => enterprises.found(request.params.id, request.body, actorOf(request)),
  );
  app.get(
    '/organizing/enterprises/:id/cadres',
    { ...write, schema: { tags, summary: 'Staff who may be assigned to the enterprise', params: idParamsSchema, response: { 200: z.array(cadreOptionSchema) } } },
    async (request) => enterprises.listCadres(request.params.id, actorOf(request)),
  );
  app.post(
    '/organizing/enterprises/:id/assign',
    { ...write, schema: { tags, summary: 'Assign the enterprise to a cadre (null: unassign)', params: idParamsSchema, body: assignCadreSchema, response: { 200: enterpriseSchema } } },
    async (request) => enterprises.assign(request.params.id, request.body, actorOf(request)),
  );
  app.post(
    '/organizing/enterprises/:id/meetings',
    { ...write, schema: { tags, summary: 'Log a 企业沟通会, 职工沟通会 or visit', params: idParamsSchema, body: createMeetingSchema, response: { 201: meetingSchema } } },
    async (request, reply) => reply.status(201).send(await enterprises.addMeeting(request.params.id, request.body, actorOf(request))),
  );
  app.post(
    '/organizing/enterprises/:id/steps',
    { ...write, schema: { tags, summary: 'A next step with its due date', params: idParamsSchema, body: createStepSchema, response: { 201: stepSchema } } },
    async (request, reply) => reply.status(201).send(await enterprises.addStep(request.params.id, request.body, actorOf(request))),
  );
  app.post(
    '/organizing/enterprises/:id/steps/:stepId/done',
    { ...write, schema: { tags, summary: 'Mark a next step done', params: stepParamsSchema, response: { 200: stepSchema } } },
    async (request) => enterprises.completeStep(request.params.id, request.params.stepId, actorOf(request)),
  );
  app.get(
    '/organizing/overdue',
    { ...read, schema: { tags, summary: 'Overdue next steps, counted per cadre and per street', querystring: overdueQuerySchema, response: { 200: overdueSchema } } },
    async (request) => enterprises.overdue(request.query, actorOf(request)),
  );
  app.get(
    '/organizing/targets',
    { ...read, schema: { tags, summary: '年度目标: a node and its children, targets against progress computed from records', querystring: targetsQuerySchema, response: { 200: targetsSchema } } },
    async (request) => targets.get(request.query, actorOf(request)),
  );
  app.put(
    '/organizing/targets/:id',
    {
      ...write,
      schema: { tags, summary: 'Set a node’s targets (from the level above) and split them to its children', params: idParamsSchema, body: putTargetsSchema, response: { 200: targetsSchema } },
    },
    async (request) => targets.put(request.params.id, request.body, actorOf(request)),
  );
  app.get('/organizing/export', { ...read, schema: { tags, summary: 'Targets against progress and the enterprises in scope (.xlsx)', querystring: targetsQuerySchema } }, async (request, reply) => {
    const actor = actorOf(request);
    const t = await targets.get(request.query, actor);
    const items = await enterprises.listForExport(t.org.org.id, actor);
    return sendXlsx(reply, await organizingWorkbook(t, items), `建会入会_${t.org.org.name}_${t.year}.xlsx`, `organizing-${t.year}.xlsx`);
  });
  app.get(
    '/organizing/ceremonies',
    { ...read, schema: { tags, summary: '集中入会仪式 in scope with their sign-ups', querystring: listCeremoniesQuerySchema, response: { 200: z.array(ceremonySchema) } } },
    async (request) => ceremonies.list(request.query, actorOf(request)),
  );
  app.post(
    '/organizing/ceremonies',
    { ...write, schema: { tags, summary: 'A joining ceremony: its QR opens /m/join with the union preset', body: createCeremonySchema, response: { 201: ceremonySchema } } },
    async (request, reply) => reply.status(201).send(await ceremonies.create(request.body, actorOf(request))),
  );
  app.get(
    '/public/joining-points/:code',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'The union a joining point’s QR preselects (the point’s own, or its street’s joint union; no personal data)', params: joiningPointCodeParamsSchema, response: { 200: publicJoiningPointSchema } },
    },
    async (request) => ceremonies.getJoiningPoint(request.params.code),
  );
  app.get(
    '/public/ceremonies/:code',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'The union a ceremony’s QR preselects (no personal data)', params: ceremonyCodeParamsSchema, response: { 200: publicCeremonySchema } },
    },
    async (request) => ceremonies.getPublic(request.params.code),
  );
};
