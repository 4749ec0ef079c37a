import {
  breakfastCardSchema,
  breakfastRedemptionSchema,
  cardReasonSchema,
  contributionRuleInputSchema,
  createFundShopSchema,
  createPosTerminalSchema,
  fundSchema,
  fundShopDetailSchema,
  fundShopSchema,
  idParamsSchema,
  issueBreakfastCardSchema,
  listBreakfastCardsQuerySchema,
  listFundShopsQuerySchema,
  listPosTerminalsQuerySchema,
  myBreakfastCardsSchema,
  pageOf,
  pageQuerySchema,
  posTerminalKeySchema,
  posTerminalSchema,
  reissueCardSchema,
  resumeCardSchema,
  updateFundSchema,
  updateFundShopSchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope } from '../../platform/auth';
import type { CardsService } from './cards.service';
import type { Ctx, ShopsService } from './shops.service';

const ctxOf = (request: FastifyRequest, permission: 'fund.read' | 'fund.write'): Ctx => ({ scope: requireScope(request, permission).scope, audit: auditContextOf(request) });

/** Console: funds and their rules, shops, terminals, breakfast cards; the worker's own cards. */
export const fundRoutes: FastifyPluginAsyncZod<{ shops: ShopsService; cards: CardsService }> = async (app, { shops, cards }) => {
  const r = (permission: 'fund.read' | 'fund.write') => ({ config: { permission } });

  app.get('/funds', { ...r('fund.read'), schema: { tags: ['fund'], response: { 200: pageOf(fundSchema) } } }, async (request) => shops.listFunds(ctxOf(request, 'fund.read').scope));
  app.patch('/funds/:id', { ...r('fund.write'), schema: { tags: ['fund'], summary: 'Breakfast rules of a fund', params: idParamsSchema, body: updateFundSchema, response: { 200: fundSchema } } }, async (request) =>
    shops.updateFund(request.params.id, request.body, ctxOf(request, 'fund.write')),
  );

  app.get('/fund-shops', { ...r('fund.read'), schema: { tags: ['fund'], querystring: listFundShopsQuerySchema, response: { 200: pageOf(fundShopSchema) } } }, async (request) =>
    shops.listShops(request.query, ctxOf(request, 'fund.read').scope),
  );
  app.get('/fund-shops/:id', { ...r('fund.read'), schema: { tags: ['fund'], params: idParamsSchema, response: { 200: fundShopDetailSchema } } }, async (request) =>
    shops.getShop(request.params.id, ctxOf(request, 'fund.read').scope),
  );
  app.post('/fund-shops', { ...r('fund.write'), schema: { tags: ['fund'], body: createFundShopSchema, response: { 201: fundShopDetailSchema } } }, async (request, reply) =>
    reply.status(201).send(await shops.createShop(request.body, ctxOf(request, 'fund.write'))),
  );
  app.patch('/fund-shops/:id', { ...r('fund.write'), schema: { tags: ['fund'], params: idParamsSchema, body: updateFundShopSchema, response: { 200: fundShopDetailSchema } } }, async (request) =>
    shops.updateShop(request.params.id, request.body, ctxOf(request, 'fund.write')),
  );
  app.post(
    '/fund-shops/:id/rules',
    { ...r('fund.write'), schema: { tags: ['fund'], summary: 'Add a contribution rule effective from a date', params: idParamsSchema, body: contributionRuleInputSchema, response: { 200: fundShopDetailSchema } } },
    async (request) => shops.addRule(request.params.id, request.body, ctxOf(request, 'fund.write')),
  );

  app.get('/pos-terminals', { ...r('fund.read'), schema: { tags: ['fund'], querystring: listPosTerminalsQuerySchema, response: { 200: pageOf(posTerminalSchema) } } }, async (request) =>
    shops.listTerminals(request.query, ctxOf(request, 'fund.read').scope),
  );
  app.post('/pos-terminals', { ...r('fund.write'), schema: { tags: ['fund'], summary: 'Register a terminal: the secret is in this answer only', body: createPosTerminalSchema, response: { 201: posTerminalKeySchema } } }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return reply.status(201).send(await shops.createTerminal(request.body, ctxOf(request, 'fund.write')));
  });
  app.post('/pos-terminals/:id/rotate', { ...r('fund.write'), schema: { tags: ['fund'], params: idParamsSchema, response: { 200: posTerminalKeySchema } } }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return shops.rotateTerminal(request.params.id, ctxOf(request, 'fund.write'));
  });
  app.post('/pos-terminals/:id/revoke', { ...r('fund.write'), schema: { tags: ['fund'], params: idParamsSchema, response: { 200: posTerminalSchema } } }, async (request) =>
    shops.revokeTerminal(request.params.id, ctxOf(request, 'fund.write')),
  );

  app.get('/breakfast-cards', { ...r('fund.read'), schema: { tags: ['fund'], querystring: listBreakfastCardsQuerySchema, response: { 200: pageOf(breakfastCardSchema) } } }, async (request) =>
    cards.listCards(request.query, ctxOf(request, 'fund.read').scope),
  );
  app.post('/breakfast-cards', { ...r('fund.write'), schema: { tags: ['fund'], body: issueBreakfastCardSchema, response: { 201: breakfastCardSchema } } }, async (request, reply) =>
    reply.status(201).send(await cards.issueCard(request.body, ctxOf(request, 'fund.write'))),
  );
  app.get('/breakfast-cards/:id', { ...r('fund.read'), schema: { tags: ['fund'], params: idParamsSchema, response: { 200: breakfastCardSchema } } }, async (request) =>
    cards.getCard(request.params.id, ctxOf(request, 'fund.read').scope),
  );
  app.get(
    '/breakfast-cards/:id/redemptions',
    { ...r('fund.read'), schema: { tags: ['fund'], params: idParamsSchema, querystring: pageQuerySchema, response: { 200: pageOf(breakfastRedemptionSchema) } } },
    async (request) => cards.listRedemptions(request.params.id, request.query, ctxOf(request, 'fund.read').scope),
  );
  app.post('/breakfast-cards/:id/suspend', { ...r('fund.write'), schema: { tags: ['fund'], params: idParamsSchema, body: cardReasonSchema, response: { 200: breakfastCardSchema } } }, async (request) =>
    cards.suspendCard(request.params.id, request.body, ctxOf(request, 'fund.write')),
  );
  app.post('/breakfast-cards/:id/resume', { ...r('fund.write'), schema: { tags: ['fund'], params: idParamsSchema, body: resumeCardSchema, response: { 200: breakfastCardSchema } } }, async (request) =>
    cards.resumeCard(request.params.id, request.body.version, ctxOf(request, 'fund.write')),
  );
  app.post('/breakfast-cards/:id/reissue', { ...r('fund.write'), schema: { tags: ['fund'], params: idParamsSchema, body: reissueCardSchema, response: { 201: breakfastCardSchema } } }, async (request, reply) =>
    reply.status(201).send(await cards.reissueCard(request.params.id, request.body, ctxOf(request, 'fund.write'))),
  );

  app.get('/me/breakfast-cards', { config: { permission: 'authenticated' }, schema: { tags: ['fund'], summary: 'The signed-in worker’s breakfast cards with a fresh QR', response: { 200: myBreakfastCardsSchema } } }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return { items: await cards.myCards(requireActor(request).userId) };
  });
};
