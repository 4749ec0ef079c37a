import {
  acceptReportSchema,
  addGridMemberSchema,
  createReportSchema,
  gridMemberSchema,
  idParamsSchema,
  listReportsQuerySchema,
  mergeReportSchema,
  myReportSchema,
  nearbyReportSchema,
  nearbyReportsQuerySchema,
  pageOf,
  publicReportsSchema,
  reassignReportSchema,
  reopenReportSchema,
  reportDetailSchema,
  reportSchema,
  staffNoteSchema,
  voiceCategorySchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope, scopeOf } from '../../platform/auth';
import type { StaffCtx, VoiceService, WorkerCtx } from './voice.service';
import type { VoiceSupportService } from './voice.support.service';

const tags = ['voice'];
const read = { config: { permission: 'voice.read' as const } };
const write = { config: { permission: 'voice.write' as const } };
const signedIn = { config: { permission: 'authenticated' as const } };

function staffOf(request: FastifyRequest, permission: 'voice.read' | 'voice.write'): StaffCtx {
  const { actor } = requireScope(request, permission);
  return { userId: actor.userId, read: scopeOf(actor, 'voice.read'), write: scopeOf(actor, 'voice.write'), audit: auditContextOf(request) };
}
function workerOf(request: FastifyRequest): WorkerCtx {
  return { userId: requireActor(request).userId, audit: auditContextOf(request) };
}

/** 随手拍: workers report on the phone; staff answer in the console; anyone sees the public map. */
export const voiceRoutes: FastifyPluginAsyncZod<{ voice: VoiceService; support: VoiceSupportService }> = async (app, { voice, support }) => {

  app.get(
    '/public/voice/reports',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'Open and resolved reports for the public map: category, status, a point rounded to ~100 m, dates (nothing personal)', response: { 200: publicReportsSchema } },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'public, max-age=60');
      return voice.publicMap();
    },
  );
  app.get(
    '/voice/categories',
    { ...signedIn, schema: { tags, summary: 'Report categories with their time limits', response: { 200: z.object({ items: z.array(voiceCategorySchema) }) } } },
    async () => ({ items: await voice.listCategories() }),
  );

  // The worker's side.
  app.get(
    '/voice/reports/nearby',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Open reports of a category within 200 m: offered as 我也遇到了 before filing',
        querystring: nearbyReportsQuerySchema,
        response: { 200: z.object({ items: z.array(nearbyReportSchema) }) },
      },
    },
    async (request) => ({
      items: await voice.nearby(request.query, workerOf(request).userId),
    }),
  );
  app.post(
    '/voice/reports',
    { ...signedIn, schema: { tags, summary: 'File a report (routed by its point to the street whose area holds it)', body: createReportSchema, response: { 201: myReportSchema } } },
    async (request, reply) => reply.status(201).send(await voice.create(request.body, workerOf(request))),
  );
  app.get(
    '/voice/reports/mine',
    { ...signedIn, schema: { tags, summary: 'Reports I filed or joined, with their history', response: { 200: z.object({ items: z.array(myReportSchema) }) } } },
    async (request) => ({
      items: await voice.mine(requireActor(request).userId),
    }),
  );
  app.post(
    '/voice/reports/:id/me-too',
    { ...signedIn, schema: { tags, summary: '我也遇到了: follow an open report instead of filing a duplicate', params: idParamsSchema, response: { 200: myReportSchema } } },
    async (request) => voice.meToo(request.params.id, workerOf(request)),
  );
  app.post(
    '/voice/reports/:id/confirm',
    { ...signedIn, schema: { tags, summary: 'The reporter confirms a resolved report: it closes', params: idParamsSchema, response: { 200: myReportSchema } } },
    async (request) => voice.answer(request.params.id, workerOf(request), { isFixed: true }),
  );
  app.post(
    '/voice/reports/:id/reopen',
    { ...signedIn, schema: { tags, summary: 'The reporter says a resolved report is not fixed: it reopens', params: idParamsSchema, body: reopenReportSchema, response: { 200: myReportSchema } } },
    async (request) => voice.answer(request.params.id, workerOf(request), { isFixed: false, note: request.body.note }),
  );

  // The staff's side.
  app.get(
    '/voice/reports',
    { ...read, schema: { tags, summary: 'Reports routed to the caller’s subtree: open first, by deadline', querystring: listReportsQuerySchema, response: { 200: pageOf(reportSchema) } } },
    async (request) => voice.list(request.query, staffOf(request, 'voice.read')),
  );
  app.get('/voice/reports/:id', { ...read, schema: { tags, summary: 'A report with its history', params: idParamsSchema, response: { 200: reportDetailSchema } } }, async (request) =>
    voice.get(request.params.id, staffOf(request, 'voice.read')),
  );
  const step = (path: string, summary: string, body: z.ZodType, run: (id: string, input: never, staff: StaffCtx) => Promise<unknown>) =>
    app.post(
      `/voice/reports/:id/${path}`,
      { ...write, schema: { tags, summary, params: idParamsSchema, body, response: { 200: reportDetailSchema } } },
      async (request) => run(request.params.id, request.body as never, staffOf(request, 'voice.write')) as never,
    );
  step('accept', 'Accept a new report (the workers hear of it)', acceptReportSchema, voice.accept);
  step('progress', 'Record progress (in progress; the workers hear of it)', staffNoteSchema, voice.progress);
  step('reply', 'Reply to the workers without changing the status', staffNoteSchema, voice.reply);
  step('resolve', 'Mark resolved (已解决): the reporter is asked to confirm', staffNoteSchema, voice.resolve);
  step('reassign', 'Pass to an org below the caller or above the current one, with a reason', reassignReportSchema, (id, input, staff) => voice.reassign(id, input, staff));
  step('merge', 'Merge a duplicate into an open report of the same category', mergeReportSchema, (id, input, staff) => voice.merge(id, input, staff));

  app.get(
    '/voice/grid-members',
    { ...read, schema: { tags, summary: 'Auxiliary grid members (网格员) in scope, with their reports counted', response: { 200: z.object({ items: z.array(gridMemberSchema) }) } } },
    async (request) => ({
      items: await support.listGridMembers(staffOf(request, 'voice.read').read),
    }),
  );
  app.post(
    '/voice/grid-members',
    { ...write, schema: { tags, summary: 'Enrol a worker (by phone) as a grid member of a union', body: addGridMemberSchema, response: { 201: z.object({ id: z.uuid() }) } } },
    async (request, reply) => {
      const staff = staffOf(request, 'voice.write');
      return reply.status(201).send(await support.addGridMember(request.body, { userId: staff.userId, scope: staff.write, audit: staff.audit }));
    },
  );
  app.delete('/voice/grid-members/:id', { ...write, schema: { tags, summary: 'Remove a grid member', params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    const staff = staffOf(request, 'voice.write');
    await support.removeGridMember(request.params.id, { scope: staff.write, audit: staff.audit });
    return reply.status(204).send(null);
  });
};
