import {
  idParamsSchema,
  listSurveysQuerySchema,
  openSurveySchema,
  pageOf,
  submitSurveyAnswersSchema,
  surveyFormQuerySchema,
  surveyFormSchema,
  surveyInputSchema,
  surveyResultsQuerySchema,
  surveyResultsSchema,
  surveySchema,
  surveySharingSchema,
  surveyVersionSchema,
  updateSurveySchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope, scopeOf } from '../../platform/auth';
import { sendXlsx } from '../../platform/xlsx-reply';
import type { SurveyService, SurveyStaffCtx, SurveyWorkerCtx } from './survey.service';

const tags = ['voice'];
const read = { config: { permission: 'voice.read' as const } };
const write = { config: { permission: 'voice.write' as const } };
const signedIn = { config: { permission: 'authenticated' as const } };

function staffOf(request: FastifyRequest, permission: 'voice.read' | 'voice.write'): SurveyStaffCtx {
  const { actor } = requireScope(request, permission);
  return { userId: actor.userId, read: scopeOf(actor, 'voice.read'), write: scopeOf(actor, 'voice.write'), audit: auditContextOf(request) };
}
const workerOf = (request: FastifyRequest): SurveyWorkerCtx => ({ userId: requireActor(request).userId, audit: auditContextOf(request) });

/** 需求调研: staff build, publish and read surveys in the console; workers answer once each on the phone. */
export const surveyRoutes: FastifyPluginAsyncZod<{ surveys: SurveyService }> = async (app, { surveys }) => {
  app.get(
    '/voice/surveys/mine',
    { ...signedIn, schema: { tags, summary: 'Surveys asking the caller now, and those they answered', response: { 200: z.object({ items: z.array(openSurveySchema) }) } } },
    async (request) => ({ items: await surveys.mine(workerOf(request)) }),
  );
  app.get(
    '/voice/surveys/:id/form',
    { ...signedIn, schema: { tags, summary: 'The form to answer (a QR survey needs its `token`); once answered, the published results and follow-ups', params: idParamsSchema, querystring: surveyFormQuerySchema, response: { 200: surveyFormSchema } } },
    async (request) => surveys.form(request.params.id, request.query, workerOf(request)),
  );
  app.post(
    '/voice/surveys/:id/answers',
    { ...signedIn, schema: { tags, summary: 'Answer once (an anonymous survey keeps no link between the answer and the person)', params: idParamsSchema, body: submitSurveyAnswersSchema, response: { 201: surveyFormSchema } } },
    async (request, reply) => reply.status(201).send(await surveys.answer(request.params.id, request.body, workerOf(request))),
  );
  app.get(
    '/voice/surveys',
    { ...read, schema: { tags, summary: 'Surveys of unions in scope, latest first', querystring: listSurveysQuerySchema, response: { 200: pageOf(surveySchema) } } },
    async (request) => surveys.list(request.query, staffOf(request, 'voice.read')),
  );
  app.post(
    '/voice/surveys',
    { ...write, schema: { tags, summary: 'A draft questionnaire of a union in write scope', body: surveyInputSchema, response: { 201: surveySchema } } },
    async (request, reply) => reply.status(201).send(await surveys.create(request.body, staffOf(request, 'voice.write'))),
  );
  app.get(
    '/voice/surveys/:id',
    { ...read, schema: { tags, summary: 'One survey (with its QR token)', params: idParamsSchema, response: { 200: surveySchema } } },
    async (request) => surveys.get(request.params.id, staffOf(request, 'voice.read')),
  );
  app.patch(
    '/voice/surveys/:id',
    { ...write, schema: { tags, summary: 'Change a draft (a published survey’s questions are frozen)', params: idParamsSchema, body: updateSurveySchema, response: { 200: surveySchema } } },
    async (request) => surveys.update(request.params.id, request.body, staffOf(request, 'voice.write')),
  );
  app.post(
    '/voice/surveys/:id/publish',
    { ...write, schema: { tags, summary: 'Publish a draft: workers in its audience may answer', params: idParamsSchema, body: surveyVersionSchema, response: { 200: surveySchema } } },
    async (request) => surveys.publish(request.params.id, request.body.version, staffOf(request, 'voice.write')),
  );
  app.post(
    '/voice/surveys/:id/close',
    { ...write, schema: { tags, summary: 'Close a published survey: no more answers', params: idParamsSchema, body: surveyVersionSchema, response: { 200: surveySchema } } },
    async (request) => surveys.close(request.params.id, request.body.version, staffOf(request, 'voice.write')),
  );
  app.put(
    '/voice/surveys/:id/sharing',
    { ...write, schema: { tags, summary: 'Which results respondents see, and the follow-ups to marketplace categories and events', params: idParamsSchema, body: surveySharingSchema, response: { 200: surveySchema } } },
    async (request) => surveys.share(request.params.id, request.body, staffOf(request, 'voice.write')),
  );
  app.get(
    '/voice/surveys/:id/results',
    { ...read, schema: { tags, summary: 'Counts, means, rankings and written answers; `by` adds a cross-tab by union or employment form', params: idParamsSchema, querystring: surveyResultsQuerySchema, response: { 200: surveyResultsSchema } } },
    async (request) => surveys.results(request.params.id, request.query, staffOf(request, 'voice.read')),
  );
  app.get(
    '/voice/surveys/:id/export',
    { ...read, schema: { tags, summary: 'The results and cross-tabs as .xlsx', params: idParamsSchema } },
    async (request, reply) => {
      const { file, title } = await surveys.exportXlsx(request.params.id, staffOf(request, 'voice.read'));
      return sendXlsx(reply, file, `需求调研结果_${title.replace(/[\\/:*?"<>|]/g, '_').slice(0, 60)}.xlsx`, 'survey-results.xlsx');
    },
  );
};
