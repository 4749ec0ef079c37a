import {
  attendanceQrSchema,
  attendanceSchema,
  confirmOrderSchema,
  createSubsidyRuleSchema,
  deliverOrderSchema,
  idParamsSchema,
  listOrdersQuerySchema,
  listSubsidyRulesQuerySchema,
  orderReasonSchema,
  orderSchema,
  pageOf,
  placeOrderSchema,
  quoteQuerySchema,
  quoteSchema,
  scanCardSchema,
  settlementQuerySchema,
  settlementSchema,
  subsidyRuleSchema,
  updateSubsidyRuleSchema,
} from '@niangjia/contracts';
import { sendXlsx } from '../../platform/xlsx-reply';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DeliveryService } from './delivery.service';
import type { OrdersService } from './orders.service';
import { staffCtx, userCtx } from './routes.shared';
import type { SettlementService } from './settlement.service';
import type { SubsidyService } from './subsidy.service';

const tags = ['market-orders'];
const provider = { config: { permission: 'market.provider' as const } };

type Deps = { orders: OrdersService; delivery: DeliveryService; subsidy: SubsidyService; settlement: SettlementService };

/** Subsidy rules, quotes and orders in the console; the provider's orders; settlement statements. */
export const ordersRoutes: FastifyPluginAsyncZod<Deps> = async (app, { orders, delivery, subsidy, settlement }) => {
  app.get('/market/subsidy-rules', { config: { permission: 'market.read' }, schema: { tags, querystring: listSubsidyRulesQuerySchema, response: { 200: z.object({ items: z.array(subsidyRuleSchema) }) } } }, async (request) =>
    subsidy.list(request.query, staffCtx(request, 'market.read').scope),
  );
  app.post('/market/subsidy-rules', { config: { permission: 'market.write' }, schema: { tags, body: createSubsidyRuleSchema, response: { 201: subsidyRuleSchema } } }, async (request, reply) =>
    reply.status(201).send(await subsidy.create(request.body, staffCtx(request, 'market.write'))),
  );
  app.put('/market/subsidy-rules/:id', { config: { permission: 'market.write' }, schema: { tags, params: idParamsSchema, body: updateSubsidyRuleSchema, response: { 200: subsidyRuleSchema } } }, async (request) =>
    subsidy.update(request.params.id, request.body, staffCtx(request, 'market.write')),
  );

  app.get('/market/quote', { config: { permission: 'market.order' }, schema: { tags, summary: 'What an order would cost, the subsidy, and why it would be refused', querystring: quoteQuerySchema, response: { 200: quoteSchema } } }, async (request) => {
    const ctx = staffCtx(request, 'market.order');
    return orders.quote(request.query, { userId: ctx.actor.userId, scope: ctx.scope });
  });
  app.get(
    '/market/library/:id/positions',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Positions of the project’s district where it can be held', params: idParamsSchema, response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), address: z.string() })) }) } } },
    async (request) => orders.positionsFor(request.params.id),
  );
  app.post('/market/orders', { config: { permission: 'market.order' }, schema: { tags, summary: 'A union orders a library project (点单)', body: placeOrderSchema, response: { 201: orderSchema } } }, async (request, reply) =>
    reply.status(201).send(await orders.place(request.body, staffCtx(request, 'market.order'))),
  );
  app.get('/market/orders', { config: { permission: 'market.read' }, schema: { tags, querystring: listOrdersQuerySchema, response: { 200: pageOf(orderSchema) } } }, async (request) =>
    orders.list(request.query, staffCtx(request, 'market.read').scope),
  );

  app.get('/market/my-orders', { ...provider, schema: { tags, querystring: listOrdersQuerySchema, response: { 200: pageOf(orderSchema) } } }, async (request) => orders.listForProvider(userCtx(request).userId, request.query));
  app.post('/market/my-orders/:id/confirm', { ...provider, schema: { tags, params: idParamsSchema, body: confirmOrderSchema, response: { 200: orderSchema } } }, async (request) =>
    delivery.confirm(request.params.id, request.body.version, userCtx(request)),
  );
  app.post('/market/my-orders/:id/decline', { ...provider, schema: { tags, summary: 'Decline with a reason (the subsidy goes back)', params: idParamsSchema, body: orderReasonSchema, response: { 200: orderSchema } } }, async (request) =>
    delivery.decline(request.params.id, request.body, userCtx(request)),
  );
  app.post('/market/my-orders/:id/attendance', { ...provider, schema: { tags, summary: 'Count a member by their card’s QR (scanner or typed)', params: idParamsSchema, body: scanCardSchema, response: { 200: attendanceSchema } } }, async (request) =>
    delivery.scanCard(request.params.id, request.body.token, userCtx(request)),
  );
  app.get('/market/my-orders/:id/attendance-qr', { ...provider, schema: { tags, summary: 'The service’s sign-in QR for workers’ phones', params: idParamsSchema, response: { 200: attendanceQrSchema } } }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return delivery.attendanceQr(request.params.id, userCtx(request).userId);
  });
  app.post('/market/my-orders/:id/deliver', { ...provider, schema: { tags, summary: 'Record the delivery with photos', params: idParamsSchema, body: deliverOrderSchema, response: { 200: orderSchema } } }, async (request) =>
    delivery.deliver(request.params.id, request.body, userCtx(request)),
  );

  app.get('/market/settlements', { config: { permission: 'market.read' }, schema: { tags, summary: 'Monthly settlement per provider', querystring: settlementQuerySchema, response: { 200: settlementSchema } } }, async (request) =>
    settlement.summary(request.query, staffCtx(request, 'market.read').scope),
  );
  app.get('/market/settlements.xlsx', { config: { permission: 'market.read' }, schema: { tags, summary: 'Monthly settlement statements (.xlsx, a sheet per provider)', querystring: settlementQuerySchema } }, async (request, reply) =>
    sendXlsx(reply, await settlement.workbook(request.query, staffCtx(request, 'market.read').scope), `服务结算_${request.query.month}.xlsx`, `settlement-${request.query.month}.xlsx`),
  );
  app.get('/market/my-settlements', { ...provider, schema: { tags, querystring: settlementQuerySchema.pick({ month: true }), response: { 200: settlementSchema } } }, async (request) =>
    settlement.mySummary(request.query.month, userCtx(request).userId),
  );
  app.get('/market/my-settlements.xlsx', { ...provider, schema: { tags, querystring: settlementQuerySchema.pick({ month: true }) } }, async (request, reply) =>
    sendXlsx(reply, await settlement.myWorkbook(request.query.month, userCtx(request).userId), `服务结算_${request.query.month}.xlsx`, `settlement-${request.query.month}.xlsx`),
  );
};
