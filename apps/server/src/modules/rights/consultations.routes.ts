import {
  answerConsultationSchema,
  askConsultationSchema,
  closeConsultationSchema,
  consultationMessageInputSchema,
  consultationSchema,
  convertConsultationSchema,
  createConsultationSchema,
  deskSchema,
  followUpQuestionSchema,
  idParamsSchema,
  listConsultationsQuerySchema,
  pageOf,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ConsultationsService } from './consultations.service';
import { staffOf, tags, workerOf } from './routes.shared';

/** 法律咨询: staff record and answer; workers ask from the phone and read the answers under 我的. */
export const consultationsRoutes: FastifyPluginAsyncZod<{ consultations: ConsultationsService }> = async (app, { consultations }) => {
  app.get(
    '/rights/public/desks',
    { config: { permission: 'public' }, schema: { tags, summary: 'Unions a worker can address a legal question to (names only)', response: { 200: z.array(deskSchema) } } },
    async () => consultations.desks(),
  );

  app.post(
    '/rights/my/consultations',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Ask a legal question (online; may be anonymous to the staff)', body: askConsultationSchema, response: { 201: consultationSchema } },
    },
    async (request, reply) => reply.status(201).send(await consultations.ask(request.body, workerOf(request))),
  );
  app.get(
    '/rights/my/consultations',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'My questions with their answers (hasUnread: an answer not opened yet)', response: { 200: z.array(consultationSchema) } } },
    async (request) => consultations.mine(workerOf(request)),
  );
  app.get(
    '/rights/my/consultations/:id',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'One of my questions (marks its answer read)', params: idParamsSchema, response: { 200: consultationSchema } } },
    async (request) => consultations.myOne(request.params.id, workerOf(request)),
  );
  app.post(
    '/rights/my/consultations/:id/messages',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Ask a follow-up question', params: idParamsSchema, body: followUpQuestionSchema, response: { 200: consultationSchema } } },
    async (request) => consultations.followUp(request.params.id, request.body.body, workerOf(request)),
  );

  app.get(
    '/rights/consultations',
    {
      config: { permission: 'rights.read' },
      schema: { tags, summary: 'Consultations in scope (open first)', querystring: listConsultationsQuerySchema, response: { 200: pageOf(consultationSchema) } },
    },
    async (request) => consultations.list(request.query, staffOf(request)),
  );
  app.post(
    '/rights/consultations',
    {
      config: { permission: 'rights.write' },
      schema: { tags, summary: 'Record a walk-in, 12351 hotline or petition consultation', body: createConsultationSchema, response: { 201: consultationSchema } },
    },
    async (request, reply) => reply.status(201).send(await consultations.create(request.body, staffOf(request))),
  );
  app.get('/rights/consultations/:id', { config: { permission: 'rights.read' }, schema: { tags, params: idParamsSchema, response: { 200: consultationSchema } } }, async (request) =>
    consultations.get(request.params.id, staffOf(request)),
  );
  app.post(
    '/rights/consultations/:id/answer',
    {
      config: { permission: 'rights.write' },
      schema: { tags, summary: 'Answer, citing law articles; the worker is told', params: idParamsSchema, body: answerConsultationSchema, response: { 200: consultationSchema } },
    },
    async (request) => consultations.answer(request.params.id, request.body, staffOf(request)),
  );
  app.post(
    '/rights/consultations/:id/messages',
    {
      config: { permission: 'rights.write' },
      schema: { tags, summary: 'Reply to a follow-up, or note a call-back (回访)', params: idParamsSchema, body: consultationMessageInputSchema, response: { 200: consultationSchema } },
    },
    async (request) => consultations.addStaffMessage(request.params.id, request.body, staffOf(request)),
  );
  app.post(
    '/rights/consultations/:id/close',
    { config: { permission: 'rights.write' }, schema: { tags, params: idParamsSchema, body: closeConsultationSchema, response: { 200: consultationSchema } } },
    async (request) => consultations.close(request.params.id, request.body, staffOf(request)),
  );
  app.post(
    '/rights/consultations/:id/convert',
    {
      config: { permission: 'rights.write' },
      schema: { tags, summary: 'Turn the consultation into a dispute case (one action)', params: idParamsSchema, body: convertConsultationSchema, response: { 201: z.object({ caseId: z.uuid() }) } },
    },
    async (request, reply) => reply.status(201).send(await consultations.convert(request.params.id, request.body, staffOf(request))),
  );
};
