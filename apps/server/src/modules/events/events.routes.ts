import {
  cancelEventSchema,
  createEventSchema,
  createEventSeriesSchema,
  eventSchema,
  eventVersionSchema,
  groupRegistrationResultSchema,
  groupRegistrationSchema,
  idParamsSchema,
  listEventsQuerySchema,
  listRegistrationsQuerySchema,
  myRegistrationSchema,
  openEventSchema,
  pageOf,
  pageQuerySchema,
  priorityChangeSchema,
  registrationSchema,
  signUpSchema,
  staffCancelRegistrationSchema,
  updateEventSchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, scopeOf } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { checkinRoutes } from './checkin.routes';
import type { CheckinService } from './checkin.service';
import type { EventsService } from './events.service';
import type { RegistrationsService } from './registrations.service';
import { read, regParams, signedIn, staffOf, tags, workerOf, write } from './events.http';

/** An event outside the staff's scope may still be open to them as a worker. */
const notSeen = (err: unknown) => {
  if (err instanceof AppError && err.status === 404) return null;
  throw err;
};

/** 文体活动: staff run events and see registrations (console); workers sign up on the phone. */
export const eventsRoutes: FastifyPluginAsyncZod<{ events: EventsService; registrations: RegistrationsService; checkin: CheckinService }> = async (app, { events, registrations, checkin }) => {
  // Check-in first: `/events/my/checkin` is a path of its own, not an event id.
  await app.register(checkinRoutes, { checkin });
  app.get(
    '/events',
    { ...read, schema: { tags, summary: 'Events in the caller’s scope and of the unions above it', querystring: listEventsQuerySchema, response: { 200: pageOf(eventSchema) } } },
    async (request) => events.list(request.query, staffOf(request, 'event.read')),
  );
  app.post('/events', { ...write, schema: { tags, summary: 'Create an event (a draft)', body: createEventSchema, response: { 201: eventSchema } } }, async (request, reply) =>
    reply.status(201).send(await events.create(request.body, staffOf(request, 'event.write'))),
  );
  app.post(
    '/events/series',
    { ...write, schema: { tags, summary: 'Create a series (e.g. monthly) from one template', body: createEventSeriesSchema, response: { 201: z.object({ items: z.array(eventSchema) }) } } },
    async (request, reply) => reply.status(201).send(await events.createSeries(request.body, staffOf(request, 'event.write'))),
  );
  app.get('/events/:id', { ...read, schema: { tags, params: idParamsSchema, response: { 200: eventSchema } } }, async (request) => events.get(request.params.id, staffOf(request, 'event.read')));
  app.put(
    '/events/:id',
    { ...write, schema: { tags, summary: 'Edit an event; a new time or place is told to everyone registered', params: idParamsSchema, body: updateEventSchema, response: { 200: eventSchema } } },
    async (request) => events.update(request.params.id, request.body, staffOf(request, 'event.write')),
  );
  app.post('/events/:id/publish', { ...write, schema: { tags, params: idParamsSchema, body: eventVersionSchema, response: { 200: eventSchema } } }, async (request) =>
    events.publish(request.params.id, request.body.version, staffOf(request, 'event.write')),
  );
  app.post(
    '/events/:id/unpublish',
    { ...write, schema: { tags, summary: 'Back to draft (only while nobody is registered)', params: idParamsSchema, body: eventVersionSchema, response: { 200: eventSchema } } },
    async (request) => events.unpublish(request.params.id, request.body.version, staffOf(request, 'event.write')),
  );
  app.post(
    '/events/:id/cancel',
    { ...write, schema: { tags, summary: 'Cancel the event; everyone registered or waiting is told', params: idParamsSchema, body: cancelEventSchema, response: { 200: eventSchema } } },
    async (request) => events.cancel(request.params.id, request.body, staffOf(request, 'event.write')),
  );
  app.get(
    '/events/:id/registrations',
    {
      ...read,
      schema: {
        tags,
        summary: 'Registrations and the waiting list (staff outside the organiser see their subtree’s)',
        params: idParamsSchema,
        querystring: listRegistrationsQuerySchema,
        response: { 200: pageOf(registrationSchema) },
      },
    },
    async (request) => registrations.listForEvent(request.params.id, request.query, staffOf(request, 'event.read'), events.getVisible),
  );
  app.post(
    '/events/:id/registrations',
    {
      ...write,
      schema: { tags, summary: 'Register a roster of the caller’s unions’ members', params: idParamsSchema, body: groupRegistrationSchema, response: { 200: groupRegistrationResultSchema } },
    },
    async (request) => registrations.registerGroup(request.params.id, request.body, staffOf(request, 'event.write'), events.getVisible),
  );
  app.post(
    '/events/:id/registrations/:registrationId/priority',
    { ...write, schema: { tags, summary: 'Move someone on the waiting list (the reason is audited)', params: regParams, body: priorityChangeSchema, response: { 200: registrationSchema } } },
    async (request) => registrations.changePriority(request.params.id, request.params.registrationId, request.body, staffOf(request, 'event.write')),
  );
  app.post(
    '/events/:id/registrations/:registrationId/cancel',
    { ...write, schema: { tags, summary: 'Cancel a registration (the person is told)', params: regParams, body: staffCancelRegistrationSchema, response: { 200: registrationSchema } } },
    async (request) => registrations.staffCancel(request.params.id, request.params.registrationId, request.body, staffOf(request, 'event.write')),
  );

  // The worker's phone (/m/events).
  app.get(
    '/events/open',
    { ...signedIn, schema: { tags, summary: 'Events the worker may see, soonest first', querystring: pageQuerySchema, response: { 200: pageOf(openEventSchema) } } },
    async (request) => registrations.openEvents(request.query, workerOf(request)),
  );
  app.get(
    '/events/:id/cover',
    { ...signedIn, schema: { tags, summary: 'The event’s cover image, for staff who see the event or a worker it is open to', params: idParamsSchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      const asStaff = scopeOf(actor, 'event.read');
      const seen = (asStaff === 'all' || asStaff.length ? await events.get(request.params.id, staffOf(request, 'event.read')).catch(notSeen) : null) ?? (await registrations.openEvent(request.params.id, workerOf(request)));
      const photo = await events.cover(seen.coverPhotoId);
      return reply.header('content-type', photo.contentType).header('cache-control', 'private, max-age=3600').send(photo.data);
    },
  );
  app.get('/events/open/:id', { ...signedIn, schema: { tags, summary: 'One event with the worker’s own registration', params: idParamsSchema, response: { 200: openEventSchema } } }, async (request) =>
    registrations.openEvent(request.params.id, workerOf(request)),
  );
  app.post(
    '/events/open/:id/sign-up',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Sign up (eligibility checked; refusals say why); waitlist: join the waiting list when full',
        params: idParamsSchema,
        body: signUpSchema,
        response: { 201: registrationSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await registrations.signUp(request.params.id, request.body, workerOf(request))),
  );
  app.get(
    '/events/my/registrations',
    { ...signedIn, schema: { tags, summary: 'The worker’s registrations with QR tickets', response: { 200: z.object({ items: z.array(myRegistrationSchema) }) } } },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return registrations.myRegistrations(workerOf(request));
    },
  );
  app.post(
    '/events/my/registrations/:id/cancel',
    { ...signedIn, schema: { tags, summary: 'Cancel (or decline an offer, or leave the waiting list)', params: idParamsSchema, response: { 200: registrationSchema } } },
    async (request) => registrations.cancelMine(request.params.id, workerOf(request)),
  );
  app.post(
    '/events/my/registrations/:id/accept',
    { ...signedIn, schema: { tags, summary: 'Take the place offered from the waiting list', params: idParamsSchema, response: { 200: registrationSchema } } },
    async (request) => registrations.accept(request.params.id, workerOf(request)),
  );
};
