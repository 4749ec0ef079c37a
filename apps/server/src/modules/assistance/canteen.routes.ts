import {
  applyCanteenCertificationSchema,
  approveCanteenCertificationSchema,
  canteenCertificationSchema,
  canteenCertificationsQuerySchema,
  canteenFiguresQuerySchema,
  canteenFiguresSchema,
  canteenMealSchema,
  canteenMealsQuerySchema,
  canteenSchema,
  canteenTerminalMealResultSchema,
  canteenTerminalMealSchema,
  canteenTerminalSchema,
  createCanteenTerminalSchema,
  createdCanteenTerminalSchema,
  idParamsSchema,
  myCanteenSchema,
  pageOf,
  refuseCanteenCertificationSchema,
  saveCanteenSchema,
  staffApplyCanteenCertificationSchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { verifyTerminalSignature } from '../../platform/terminal-auth';
import type { CanteenService, CanteenStaff, CanteenWorker } from './canteen.service';

const tags = ['assistance'];
const read = { config: { permission: 'assistance.read' as const } };
const write = { config: { permission: 'assistance.write' as const } };
const signedIn = { config: { permission: 'authenticated' as const } };

function staff(request: FastifyRequest, permission: 'assistance.read' | 'assistance.write'): CanteenStaff {
  const { actor, scope } = requireScope(request, permission);
  return { userId: actor.userId, displayName: actor.displayName, scope, audit: auditContextOf(request) };
}
const worker = (request: FastifyRequest): CanteenWorker => ({ userId: requireActor(request).userId, audit: auditContextOf(request) });

/** 共享食堂 in the console (prices and tiers, certifications, terminals, meals and figures) and the worker's applications. */
export const canteenRoutes: FastifyPluginAsyncZod<{ canteen: CanteenService }> = async (app, { canteen }) => {
  app.get('/assistance/canteens', { ...read, schema: { tags, summary: 'Canteen positions of the caller’s scope with their prices and tiers', response: { 200: z.array(canteenSchema) } } }, async (request) =>
    canteen.listCanteens(staff(request, 'assistance.read').scope),
  );
  app.put('/assistance/canteens/:id', { ...write, schema: { tags, summary: 'Set a canteen position’s normal price and tiers (id: the position)', params: idParamsSchema, body: saveCanteenSchema, response: { 200: canteenSchema } } }, async (request) =>
    canteen.saveCanteen(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.get(
    '/assistance/canteen-certifications',
    { ...read, schema: { tags, summary: 'Certification applications at canteens of the caller’s scope, pending first', querystring: canteenCertificationsQuerySchema, response: { 200: pageOf(canteenCertificationSchema) } } },
    async (request) => canteen.listCertifications(request.query, staff(request, 'assistance.read').scope),
  );
  app.post(
    '/assistance/canteen-certifications',
    { ...write, schema: { tags, summary: 'Apply for a tier for a member (by member number), with documents', body: staffApplyCanteenCertificationSchema, response: { 201: canteenCertificationSchema } } },
    async (request, reply) => reply.status(201).send(await canteen.staffApply(request.body, staff(request, 'assistance.write'))),
  );
  app.post(
    '/assistance/canteen-certifications/:id/approve',
    { ...write, schema: { tags, summary: 'Certify a pending application until a day (inclusive)', params: idParamsSchema, body: approveCanteenCertificationSchema, response: { 200: canteenCertificationSchema } } },
    async (request) => canteen.approve(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.post(
    '/assistance/canteen-certifications/:id/refuse',
    { ...write, schema: { tags, summary: 'Refuse a pending application with a reason', params: idParamsSchema, body: refuseCanteenCertificationSchema, response: { 200: canteenCertificationSchema } } },
    async (request) => canteen.refuse(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.get('/assistance/canteens/:id/terminals', { ...read, schema: { tags, summary: 'Terminals of a canteen position', params: idParamsSchema, response: { 200: z.array(canteenTerminalSchema) } } }, async (request) =>
    canteen.listTerminals(request.params.id, staff(request, 'assistance.read').scope),
  );
  app.post(
    '/assistance/canteens/:id/terminals',
    { ...write, schema: { tags, summary: 'Create a terminal key for a canteen; the secret is shown in this answer only', params: idParamsSchema, body: createCanteenTerminalSchema, response: { 201: createdCanteenTerminalSchema } } },
    async (request, reply) => reply.status(201).send(await canteen.createTerminal(request.params.id, request.body, staff(request, 'assistance.write'))),
  );
  app.post('/assistance/canteen-terminals/:id/revoke', { ...write, schema: { tags, summary: 'Revoke a canteen terminal’s key for good', params: idParamsSchema, response: { 200: canteenTerminalSchema } } }, async (request) =>
    canteen.revokeTerminal(request.params.id, staff(request, 'assistance.write')),
  );
  app.get('/assistance/canteen-meals', { ...read, schema: { tags, summary: 'Meals served at canteens of the caller’s scope, newest first', querystring: canteenMealsQuerySchema, response: { 200: pageOf(canteenMealSchema) } } }, async (request) =>
    canteen.listMeals(request.query, staff(request, 'assistance.read').scope),
  );
  app.get('/assistance/canteen-figures', { ...read, schema: { tags, summary: 'Meals per canteen and tier, and per day, in a period (default: the last 30 days)', querystring: canteenFiguresQuerySchema, response: { 200: canteenFiguresSchema } } }, async (request) =>
    canteen.figures(request.query, staff(request, 'assistance.read').scope),
  );

  // ---- the worker's side ----
  app.get('/assistance/canteen/mine', { ...signedIn, schema: { tags, summary: 'Canteens with their tiers, and the caller’s certifications', response: { 200: myCanteenSchema } } }, async (request) =>
    canteen.mine(requireActor(request).userId),
  );
  app.post('/assistance/canteen/mine', { ...signedIn, schema: { tags, summary: 'Apply for a canteen tier as the caller’s member identity, with documents', body: applyCanteenCertificationSchema, response: { 201: canteenCertificationSchema } } }, async (request, reply) =>
    reply.status(201).send(await canteen.workerApply(request.body, worker(request))),
  );
};

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    canteenRaw?: string;
  }
}

/**
 * The canteen terminal API (contract v1, signed like the fund's POS: docs/pos-contract.md with
 * x-canteen-* headers). No session; the body is kept as received, since the signature covers its
 * exact bytes.
 */
export const canteenTerminalRoutes: FastifyPluginAsync<{ canteen: CanteenService }> = async (app, { canteen }) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 16 * 1024 }, (request, body, done) => {
    request.canteenRaw = body as string;
    done(null, body);
  });

  app.post('/canteen-terminal/meals', { config: { permission: 'public' }, schema: { tags: ['canteen-terminal'], summary: 'A meal at a signed canteen terminal: the member card QR priced by tier and recorded' } }, async (request) => {
    const raw = request.canteenRaw ?? '';
    const { terminal, nonce } = await verifyTerminalSignature(canteen.verifier, request, raw);
    let body: unknown;
    try {
      body = JSON.parse(raw) as unknown;
    } catch {
      throw new AppError('CANTEEN_BODY_INVALID', { status: 400 });
    }
    const parsed = canteenTerminalMealSchema.safeParse(body);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', { errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
    return canteenTerminalMealResultSchema.parse(await canteen.recordMeal({ terminalId: terminal.id, canteenId: terminal.canteen_id, orgId: terminal.org_id }, nonce, parsed.data.card));
  });
};
