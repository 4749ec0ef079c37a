import {
  createSuggestionSchema,
  idParamsSchema,
  listSuggestionsQuerySchema,
  mySuggestionSchema,
  pageOf,
  suggestionDetailSchema,
  suggestionFiguresQuerySchema,
  suggestionFiguresSchema,
  suggestionSchema,
  suggestionStepInputSchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope, scopeOf } from '../../platform/auth';
import type { SuggestionService, SuggestionStaffCtx, SuggestionWorkerCtx } from './suggestion.service';

const tags = ['voice'];
const read = { config: { permission: 'voice.read' as const } };
const write = { config: { permission: 'voice.write' as const } };
const signedIn = { config: { permission: 'authenticated' as const } };

function staffOf(request: FastifyRequest, permission: 'voice.read' | 'voice.write'): SuggestionStaffCtx {
  const { actor } = requireScope(request, permission);
  return { userId: actor.userId, read: scopeOf(actor, 'voice.read'), write: scopeOf(actor, 'voice.write'), audit: auditContextOf(request) };
}
const workerOf = (request: FastifyRequest): SuggestionWorkerCtx => ({ userId: requireActor(request).userId, audit: auditContextOf(request) });

/** 合理化建议: workers suggest on the phone; their union's staff take it through in the console. */
export const suggestionRoutes: FastifyPluginAsyncZod<{ suggestions: SuggestionService }> = async (app, { suggestions }) => {
  app.post(
    '/voice/suggestions',
    { ...signedIn, schema: { tags, summary: 'A member makes a suggestion to the union of their membership', body: createSuggestionSchema, response: { 201: mySuggestionSchema } } },
    async (request, reply) => reply.status(201).send(await suggestions.submit(request.body, workerOf(request))),
  );
  app.get(
    '/voice/suggestions/mine',
    { ...signedIn, schema: { tags, summary: 'The caller’s own suggestions with each step and note', response: { 200: z.object({ items: z.array(mySuggestionSchema) }) } } },
    async (request) => ({ items: await suggestions.mine(workerOf(request)) }),
  );
  app.get(
    '/voice/suggestions',
    { ...read, schema: { tags, summary: 'Suggestions to unions in scope, latest first', querystring: listSuggestionsQuerySchema, response: { 200: pageOf(suggestionSchema) } } },
    async (request) => suggestions.list(request.query, staffOf(request, 'voice.read')),
  );
  app.get(
    '/voice/suggestions/figures',
    { ...read, schema: { tags, summary: 'Submitted, adopted, benefit (fen, hours) and reward in a period, by category and union', querystring: suggestionFiguresQuerySchema, response: { 200: suggestionFiguresSchema } } },
    async (request) => suggestions.figures(request.query, staffOf(request, 'voice.read')),
  );
  app.get(
    '/voice/suggestions/:id',
    { ...read, schema: { tags, summary: 'One suggestion with its steps', params: idParamsSchema, response: { 200: suggestionDetailSchema } } },
    async (request) => suggestions.get(request.params.id, staffOf(request, 'voice.read')),
  );
  for (const [kind, summary] of [
    ['review', 'Take it up for review (审核中)'],
    ['forward', 'Forward it to the employer or a department (`forwardedTo`)'],
    ['adopt', 'Adopt it, with the benefit and reward if known'],
    ['decline', 'Decline it with the reason (the note)'],
    ['benefit', 'Record or correct the benefit and reward of an adopted suggestion'],
  ] as const) {
    app.post(
      `/voice/suggestions/:id/${kind}`,
      { ...write, schema: { tags, summary: `${summary}: staff of the union or above`, params: idParamsSchema, body: suggestionStepInputSchema, response: { 200: suggestionDetailSchema } } },
      async (request) => suggestions.step(request.params.id, kind, request.body, staffOf(request, 'voice.write')),
    );
  }
};
