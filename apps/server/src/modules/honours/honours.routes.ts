import {
  careSchema,
  caresQuerySchema,
  createCareSchema,
  createHonourSchema,
  honourSchema,
  honoursQuerySchema,
  honoursSummaryQuerySchema,
  honoursSummarySchema,
  idParamsSchema,
  myHonoursSchema,
  notCaredQuerySchema,
  notCaredSchema,
  pageOf,
  revokeHonourSchema,
  updateHonourSchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope } from '../../platform/auth';
import type { HonoursService, HonoursStaff } from './honours.service';

const tags = ['honours'];
const read = { config: { permission: 'honours.read' as const } };
const write = { config: { permission: 'honours.write' as const } };

export function honoursStaff(request: FastifyRequest, permission: 'honours.read' | 'honours.write'): HonoursStaff {
  const { actor, scope } = requireScope(request, permission);
  return { userId: actor.userId, scope, audit: auditContextOf(request) };
}

/** 劳模工匠 honours and the care of the honoured, in the console. */
export const honoursRoutes: FastifyPluginAsyncZod<{ honours: HonoursService }> = async (app, { honours }) => {
  app.get('/honours', { ...read, schema: { tags, summary: 'Honours of members of unions in the caller’s scope', querystring: honoursQuerySchema, response: { 200: pageOf(honourSchema) } } }, async (request) =>
    honours.list(request.query, honoursStaff(request, 'honours.read').scope),
  );
  app.post('/honours', { ...write, schema: { tags, summary: 'Record an honour of an active member in the caller’s scope', body: createHonourSchema, response: { 201: honourSchema } } }, async (request, reply) =>
    reply.status(201).send(await honours.create(request.body, honoursStaff(request, 'honours.write'))),
  );
  app.get('/honours/summary', { ...read, schema: { tags, summary: 'Counts of honours, care, studios and their outcomes at the caller’s scope', querystring: honoursSummaryQuerySchema, response: { 200: honoursSummarySchema } } }, async (request) =>
    honours.summary(honoursStaff(request, 'honours.read').scope, request.query.year, request.query.orgId),
  );
  app.get('/honours/care', { ...read, schema: { tags, summary: 'Care activities for honoured members in the caller’s scope', querystring: caresQuerySchema, response: { 200: pageOf(careSchema) } } }, async (request) =>
    honours.listCares(request.query, honoursStaff(request, 'honours.read').scope),
  );
  app.get('/honours/not-cared', { ...read, schema: { tags, summary: 'Honoured members in scope with no care activity in the year', querystring: notCaredQuerySchema, response: { 200: pageOf(notCaredSchema) } } }, async (request) =>
    honours.listNotCared(request.query, honoursStaff(request, 'honours.read').scope),
  );
  app.post('/honours/persons/:id/care', { ...write, schema: { tags, summary: 'Record a care activity (体检, 疗休养, 走访慰问) for an honoured person in scope', params: idParamsSchema, body: createCareSchema, response: { 201: careSchema } } }, async (request, reply) =>
    reply.status(201).send(await honours.addCare(request.params.id, request.body, honoursStaff(request, 'honours.write'))),
  );
  app.get('/honours/:id', { ...read, schema: { tags, summary: 'One honour', params: idParamsSchema, response: { 200: honourSchema } } }, async (request) =>
    honours.get(request.params.id, honoursStaff(request, 'honours.read').scope),
  );
  app.put('/honours/:id', { ...write, schema: { tags, summary: 'Change an active honour', params: idParamsSchema, body: updateHonourSchema, response: { 200: honourSchema } } }, async (request) =>
    honours.update(request.params.id, request.body, honoursStaff(request, 'honours.write')),
  );
  app.post('/honours/:id/revoke', { ...write, schema: { tags, summary: 'Revoke an honour with a reason (it stays on record)', params: idParamsSchema, body: revokeHonourSchema, response: { 200: honourSchema } } }, async (request) =>
    honours.revoke(request.params.id, request.body, honoursStaff(request, 'honours.write')),
  );
  app.get('/me/honours', { config: { permission: 'authenticated' }, schema: { tags, summary: '我的荣誉: the signed-in worker’s own honours and the care recorded for them', response: { 200: myHonoursSchema } } }, async (request) =>
    honours.mine(requireActor(request).userId),
  );
};
