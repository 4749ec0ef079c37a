import {
  createLiaisonAssignmentSchema,
  createLiaisonVisitSchema,
  endLiaisonAssignmentSchema,
  idParamsSchema,
  liaisonAssignmentSchema,
  liaisonCadreSchema,
  liaisonFiguresQuerySchema,
  liaisonFiguresSchema,
  liaisonProblemSchema,
  liaisonProblemStepSchema,
  liaisonVisitSchema,
  listLiaisonAssignmentsQuerySchema,
  listLiaisonProblemsQuerySchema,
  listLiaisonVisitsQuerySchema,
  pageOf,
  updateLiaisonProblemSchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireScope, scopeOf } from '../../platform/auth';
import type { LiaisonCtx, LiaisonService } from './liaison.service';

const tags = ['voice'];
const read = { config: { permission: 'voice.read' as const } };
const write = { config: { permission: 'voice.write' as const } };

function ctxOf(request: FastifyRequest, permission: 'voice.read' | 'voice.write'): LiaisonCtx {
  const { actor } = requireScope(request, permission);
  return { userId: actor.userId, read: scopeOf(actor, 'voice.read'), write: scopeOf(actor, 'voice.write'), audit: auditContextOf(request) };
}

/** 对口联系: cadres assigned to unions below them, visits with notes and photos, problems tracked until resolved. */
export const liaisonRoutes: FastifyPluginAsyncZod<{ liaison: LiaisonService }> = async (app, { liaison }) => {
  app.get(
    '/voice/liaison/cadres',
    { ...read, schema: { tags, summary: 'Union staff in scope who can be cadres or owners of problems', response: { 200: z.object({ items: z.array(liaisonCadreSchema) }) } } },
    async (request) => ({ items: await liaison.listCadres(ctxOf(request, 'voice.read')) }),
  );
  app.get(
    '/voice/liaison/assignments',
    { ...read, schema: { tags, summary: 'Cadres’ assignments to unions in scope, with visits and open problems', querystring: listLiaisonAssignmentsQuerySchema, response: { 200: pageOf(liaisonAssignmentSchema) } } },
    async (request) => liaison.listAssignments(request.query, ctxOf(request, 'voice.read')),
  );
  app.post(
    '/voice/liaison/assignments',
    { ...write, schema: { tags, summary: 'Assign a cadre (包片 or 对口联系) to a union below their own', body: createLiaisonAssignmentSchema, response: { 201: z.object({ id: z.uuid() }) } } },
    async (request, reply) => reply.status(201).send(await liaison.assign(request.body, ctxOf(request, 'voice.write'))),
  );
  app.post(
    '/voice/liaison/assignments/:id/end',
    { ...write, schema: { tags, summary: 'End an assignment (its visits and problems stay)', params: idParamsSchema, body: endLiaisonAssignmentSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await liaison.endAssignment(request.params.id, request.body.version, ctxOf(request, 'voice.write'));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/voice/liaison/visits',
    { ...read, schema: { tags, summary: 'Visits to unions in scope, latest first', querystring: listLiaisonVisitsQuerySchema, response: { 200: pageOf(liaisonVisitSchema) } } },
    async (request) => liaison.listVisits(request.query, ctxOf(request, 'voice.read')),
  );
  app.post(
    '/voice/liaison/visits',
    {
      ...write,
      schema: {
        tags,
        summary: 'Log a visit with notes, photos and the problems found (the cadre, or staff of the union above)',
        body: createLiaisonVisitSchema,
        response: { 201: liaisonVisitSchema.extend({ problemIds: z.array(z.uuid()) }) },
      },
    },
    async (request, reply) => reply.status(201).send(await liaison.logVisit(request.body, ctxOf(request, 'voice.write'))),
  );
  app.get(
    '/voice/liaison/problems',
    { ...read, schema: { tags, summary: 'Problems found on visits: open first, by due date; `overdue` lists those past it', querystring: listLiaisonProblemsQuerySchema, response: { 200: pageOf(liaisonProblemSchema) } } },
    async (request) => liaison.listProblems(request.query, ctxOf(request, 'voice.read')),
  );
  app.get(
    '/voice/liaison/problems/:id',
    { ...read, schema: { tags, summary: 'One problem', params: idParamsSchema, response: { 200: liaisonProblemSchema } } },
    async (request) => liaison.getProblem(request.params.id, ctxOf(request, 'voice.read')),
  );
  app.put(
    '/voice/liaison/problems/:id',
    { ...write, schema: { tags, summary: 'Change the owner or due date (the union above, or the cadre)', params: idParamsSchema, body: updateLiaisonProblemSchema, response: { 200: liaisonProblemSchema } } },
    async (request) => liaison.update(request.params.id, request.body, ctxOf(request, 'voice.write')),
  );
  for (const [path, kind, summary] of [
    ['progress', 'progress', 'Record progress (处理中)'],
    ['resolve', 'resolve', 'Mark resolved (已解决) with what was done'],
    ['reopen', 'reopen', 'Reopen a resolved problem with the reason'],
  ] as const) {
    app.post(
      `/voice/liaison/problems/:id/${path}`,
      { ...write, schema: { tags, summary: `${summary}: the owner, the cadre or the union above`, params: idParamsSchema, body: liaisonProblemStepSchema, response: { 200: liaisonProblemSchema } } },
      async (request) => liaison.step(request.params.id, kind, request.body, ctxOf(request, 'voice.write')),
    );
  }
  app.get(
    '/voice/liaison/figures',
    { ...read, schema: { tags, summary: 'Per cadre: assignments, visits, problems found and resolved in the period; open and overdue now; per union: open and overdue', querystring: liaisonFiguresQuerySchema, response: { 200: liaisonFiguresSchema } } },
    async (request) => liaison.figures(request.query, ctxOf(request, 'voice.read')),
  );
};
