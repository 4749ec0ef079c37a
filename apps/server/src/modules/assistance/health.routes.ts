import {
  createHealthHospitalSchema,
  createHealthSlotSchema,
  healthBookingSchema,
  healthBookingsQuerySchema,
  healthHospitalSchema,
  healthSlotSchema,
  idParamsSchema,
  markHealthBookingSchema,
  myHealthBookingsSchema,
  openHealthCampaignsSchema,
  pageOf,
  updateHealthHospitalSchema,
  updateHealthSlotSchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope } from '../../platform/auth';
import type { HealthService, HealthStaff, HealthWorker } from './health.service';

const tags = ['assistance'];
const read = { config: { permission: 'assistance.read' as const } };
const write = { config: { permission: 'assistance.write' as const } };
const signedIn = { config: { permission: 'authenticated' as const } };

function staff(request: FastifyRequest, permission: 'assistance.read' | 'assistance.write'): HealthStaff {
  const { actor, scope } = requireScope(request, permission);
  return { userId: actor.userId, displayName: actor.displayName, scope, audit: auditContextOf(request) };
}
const worker = (request: FastifyRequest): HealthWorker => ({ userId: requireActor(request).userId, audit: auditContextOf(request) });

/** 送健康: partner hospitals, slots and attendance in the console; open campaigns, booking and 我的体检预约 on the phone. */
export const healthRoutes: FastifyPluginAsyncZod<{ health: HealthService }> = async (app, { health }) => {
  app.get('/assistance/health/campaigns/:id/hospitals', { ...read, schema: { tags, summary: 'Partner hospitals of a health campaign', params: idParamsSchema, response: { 200: z.array(healthHospitalSchema) } } }, async (request) =>
    health.listHospitals(request.params.id, staff(request, 'assistance.read').scope),
  );
  app.post('/assistance/health/campaigns/:id/hospitals', { ...write, schema: { tags, summary: 'Add a partner hospital to a health campaign of the caller’s scope', params: idParamsSchema, body: createHealthHospitalSchema, response: { 201: healthHospitalSchema } } }, async (request, reply) =>
    reply.status(201).send(await health.createHospital(request.params.id, request.body, staff(request, 'assistance.write'))),
  );
  app.put('/assistance/health/hospitals/:id', { ...write, schema: { tags, summary: 'Change a partner hospital', params: idParamsSchema, body: updateHealthHospitalSchema, response: { 200: healthHospitalSchema } } }, async (request) =>
    health.updateHospital(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.delete('/assistance/health/hospitals/:id', { ...write, schema: { tags, summary: 'Remove a partner hospital that has no slots', params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await health.deleteHospital(request.params.id, staff(request, 'assistance.write'));
    return reply.status(204).send(null);
  });
  app.get('/assistance/health/campaigns/:id/slots', { ...read, schema: { tags, summary: 'Time slots of a health campaign with booked and attended counts', params: idParamsSchema, response: { 200: z.array(healthSlotSchema) } } }, async (request) =>
    health.listSlots(request.params.id, staff(request, 'assistance.read').scope),
  );
  app.post('/assistance/health/hospitals/:id/slots', { ...write, schema: { tags, summary: 'Add a time slot at a partner hospital, within the campaign’s period', params: idParamsSchema, body: createHealthSlotSchema, response: { 201: healthSlotSchema } } }, async (request, reply) =>
    reply.status(201).send(await health.createSlot(request.params.id, request.body, staff(request, 'assistance.write'))),
  );
  app.put('/assistance/health/slots/:id', { ...write, schema: { tags, summary: 'Change a slot; the capacity never below those booked', params: idParamsSchema, body: updateHealthSlotSchema, response: { 200: healthSlotSchema } } }, async (request) =>
    health.updateSlot(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.delete('/assistance/health/slots/:id', { ...write, schema: { tags, summary: 'Remove a slot nobody has booked', params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await health.deleteSlot(request.params.id, staff(request, 'assistance.write'));
    return reply.status(204).send(null);
  });
  app.get(
    '/assistance/health/campaigns/:id/bookings',
    { ...read, schema: { tags, summary: 'Bookings of a health campaign by members in the caller’s scope', params: idParamsSchema, querystring: healthBookingsQuerySchema, response: { 200: pageOf(healthBookingSchema) } } },
    async (request) => health.listBookings(request.params.id, request.query, staff(request, 'assistance.read').scope),
  );
  app.post('/assistance/health/bookings/:id/mark', { ...write, schema: { tags, summary: 'Mark a booking attended (到场) or no-show (未到); no medical result is taken', params: idParamsSchema, body: markHealthBookingSchema, response: { 200: healthBookingSchema } } }, async (request) =>
    health.markBooking(request.params.id, request.body, staff(request, 'assistance.write')),
  );

  // ---- the worker's side ----
  app.get('/assistance/health/open', { ...signedIn, schema: { tags, summary: 'Open health campaigns the caller may book, with free slots ahead', response: { 200: openHealthCampaignsSchema } } }, async (request) =>
    health.listOpen(requireActor(request).userId),
  );
  app.post('/assistance/health/slots/:id/book', { ...signedIn, schema: { tags, summary: 'Book a slot as the caller’s member identity; one live booking per campaign', params: idParamsSchema, response: { 201: healthBookingSchema } } }, async (request, reply) =>
    reply.status(201).send(await health.book(request.params.id, worker(request))),
  );
  app.get('/assistance/health/mine', { ...signedIn, schema: { tags, summary: '我的体检预约: the caller’s bookings', response: { 200: myHealthBookingsSchema } } }, async (request) => health.mine(requireActor(request).userId));
  app.delete('/assistance/health/mine/:id', { ...signedIn, schema: { tags, summary: 'Cancel one of the caller’s bookings before the slot starts; the place is free again', params: idParamsSchema, response: { 200: healthBookingSchema } } }, async (request) =>
    health.cancel(request.params.id, worker(request)),
  );
};
