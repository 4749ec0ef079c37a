import { contestRecusalInputSchema, contestSchema, contestSetupSchema, contestSheetInputSchema, idParamsSchema, judgeContestSchema } from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendDownload } from '../../platform/xlsx-reply';
import type { ContestService } from './contest.service';
import { read, regParams, signedIn, staffOf, tags, workerOf, write } from './events.http';

/** 技能竞赛: staff set up, open and close a contest and see results (console); judges score on the phone (/m/contest). */
export const contestRoutes: FastifyPluginAsyncZod<{ contests: ContestService }> = async (app, { contests }) => {
  app.get('/events/:id/contest', { ...read, schema: { tags, summary: 'A skill contest: rubric, judges’ progress, results once closed', params: idParamsSchema, response: { 200: contestSchema } } }, async (request) =>
    contests.get(request.params.id, staffOf(request, 'event.read')),
  );
  app.put(
    '/events/:id/contest',
    { ...write, schema: { tags, summary: 'Set the rubric, prize tiers and judges (before scoring opens)', params: idParamsSchema, body: contestSetupSchema, response: { 200: contestSchema } } },
    async (request) => contests.setup(request.params.id, request.body, staffOf(request, 'event.write')),
  );
  app.post('/events/:id/contest/open', { ...write, schema: { tags, summary: 'Open scoring to the judges', params: idParamsSchema, response: { 200: contestSchema } } }, async (request) =>
    contests.open(request.params.id, staffOf(request, 'event.write')),
  );
  app.post('/events/:id/contest/close', { ...write, schema: { tags, summary: 'Close scoring: unseal the sheets, rank and give prizes', params: idParamsSchema, response: { 200: contestSchema } } }, async (request) =>
    contests.close(request.params.id, staffOf(request, 'event.write')),
  );
  app.get('/events/:id/contest/certificates/:registrationId', { ...read, schema: { tags, summary: 'A prize winner’s certificate (PDF)', params: regParams } }, async (request, reply) => {
    const { pdf, fileName } = await contests.certificate(request.params.id, request.params.registrationId, staffOf(request, 'event.read'));
    return sendDownload(reply, 'application/pdf', pdf, fileName, 'certificate.pdf');
  });

  app.get('/events/contests/judging', { ...signedIn, schema: { tags, summary: 'The contests I judge now, with my own sheets', response: { 200: z.object({ items: z.array(judgeContestSchema) }) } } }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return contests.judging(workerOf(request));
  });
  app.post(
    '/events/contests/:id/sheets',
    { ...signedIn, schema: { tags, summary: 'Submit my sealed sheet for an entrant (final)', params: idParamsSchema, body: contestSheetInputSchema, response: { 200: z.object({ total: z.number() }) } } },
    async (request) => contests.submitSheet(request.params.id, request.body, workerOf(request)),
  );
  app.post(
    '/events/contests/:id/recusals',
    { ...signedIn, schema: { tags, summary: 'Recuse myself from an entrant (conflict of interest)', params: idParamsSchema, body: contestRecusalInputSchema, response: { 200: z.object({ isRecused: z.literal(true) }) } } },
    async (request) => contests.recuse(request.params.id, request.body, workerOf(request)),
  );
};
