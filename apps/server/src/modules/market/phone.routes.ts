import {
  attendResultSchema,
  attendSchema,
  castVoteSchema,
  checkinSchema,
  idParamsSchema,
  judgingEntrySchema,
  judgingOverviewSchema,
  myVotingSchema,
  orderReasonSchema,
  orderSchema,
  placeSelfOrderSchema,
  rateOrderSchema,
  recuseSelfSchema,
  saveScoreSchema,
  scoreSheetSchema,
  votingViewSchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DeliveryService } from './delivery.service';
import type { JudgingService } from './judging.service';
import type { OrdersService } from './orders.service';
import { userCtx, viewerOf } from './routes.shared';
import type { VotingService } from './voting.service';

const tags = ['market-phone'];
const judge = { config: { permission: 'market.judge' as const } };
const signedIn = { config: { permission: 'authenticated' as const } };

type Deps = { judging: JudgingService; voting: VotingService; orders: OrdersService; delivery: DeliveryService };

/** What judges, worker representatives and workers do on their phones (/m). */
export const phoneRoutes: FastifyPluginAsyncZod<Deps> = async (app, { judging, voting, orders, delivery }) => {
  app.get('/market/judging', { ...judge, schema: { tags, summary: 'The judge’s seasons and assigned entries', response: { 200: judgingOverviewSchema } } }, async (request) => judging.overview(userCtx(request).userId));
  app.get('/market/judging/entries/:id', { ...judge, schema: { tags, summary: 'An assigned entry with the provider’s track record and the judge’s sheet', params: idParamsSchema, response: { 200: judgingEntrySchema } } }, async (request) =>
    judging.entryView(request.params.id, userCtx(request).userId),
  );
  app.put('/market/judging/entries/:id/score', { ...judge, schema: { tags, summary: 'Save points; seal = submit for good', params: idParamsSchema, body: saveScoreSchema, response: { 200: scoreSheetSchema } } }, async (request) =>
    judging.saveScore(request.params.id, request.body, userCtx(request)),
  );
  app.post('/market/judging/entries/:id/recuse', { ...judge, schema: { tags, summary: 'Declare a conflict of interest', params: idParamsSchema, body: recuseSelfSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await judging.recuseSelf(request.params.id, request.body.reason, userCtx(request));
    return reply.status(204).send(null);
  });

  app.get('/market/voting', { ...signedIn, schema: { tags, summary: 'Seasons where the worker is a representative', response: { 200: myVotingSchema } } }, async (request) => voting.myVoting(userCtx(request).userId));
  app.post('/market/voting/checkin', { ...signedIn, schema: { tags, summary: 'Check in with the hall’s rotating code', body: checkinSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await voting.checkin(request.body.sessionId, request.body.code, userCtx(request));
    return reply.status(204).send(null);
  });
  app.get('/market/voting/sessions/:id', { ...signedIn, schema: { tags, params: idParamsSchema, response: { 200: votingViewSchema } } }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return voting.votingView(request.params.id, userCtx(request).userId);
  });
  app.post('/market/voting/sessions/:id/votes', { ...signedIn, schema: { tags, summary: 'Vote for a finalist', params: idParamsSchema, body: castVoteSchema, response: { 200: z.object({ votesLeft: z.number().int() }) } } }, async (request) =>
    voting.vote(request.params.id, request.body.entryId, userCtx(request)),
  );

  app.post('/market/attend', { ...signedIn, schema: { tags, summary: 'Sign in at a service with its QR code (counts 人次)', body: attendSchema, response: { 200: attendResultSchema } } }, async (request) =>
    delivery.attend(request.body.orderId, request.body.token, userCtx(request)),
  );
  app.get('/market/me/orders', { ...signedIn, schema: { tags, summary: 'The worker’s own orders', response: { 200: z.object({ items: z.array(orderSchema) }) } } }, async (request) => orders.listForWorker(userCtx(request).userId));
  app.post('/market/me/orders', { ...signedIn, schema: { tags, summary: 'A worker orders for themself (where the project allows it)', body: placeSelfOrderSchema, response: { 201: orderSchema } } }, async (request, reply) =>
    reply.status(201).send(await orders.placeSelf(request.body, userCtx(request))),
  );
  app.post('/market/orders/:id/cancel', { ...signedIn, schema: { tags, summary: 'The orderer cancels (the subsidy goes back)', params: idParamsSchema, body: orderReasonSchema, response: { 200: orderSchema } } }, async (request) =>
    orders.cancel(request.params.id, request.body, viewerOf(request)),
  );
  app.post('/market/orders/:id/rate', { ...signedIn, schema: { tags, summary: 'The orderer rates a delivered service', params: idParamsSchema, body: rateOrderSchema, response: { 200: orderSchema } } }, async (request) =>
    orders.rate(request.params.id, request.body, viewerOf(request)),
  );
  app.get('/market/orders/:id', { ...signedIn, schema: { tags, summary: 'An order, for its orderer, provider or staff in scope', params: idParamsSchema, response: { 200: orderSchema } } }, async (request) =>
    orders.get(request.params.id, viewerOf(request)),
  );
};
