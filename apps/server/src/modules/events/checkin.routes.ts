import {
  eventAttendanceSchema,
  checkinBatchResultSchema,
  checkinBatchSchema,
  checkinInfoSchema,
  checkinResultSchema,
  eventSendLogSchema,
  idParamsSchema,
  selfCheckinSchema,
  walkInSchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendDownload } from '../../platform/xlsx-reply';
import type { CheckinService } from './checkin.service';
import { read, regParams, signedIn, staffOf, tags, workerOf, write } from './events.http';

/** 签到: staff scan tickets (or upload offline batches) at /m/checkin/:event; attendees scan the rotating code. */
export const checkinRoutes: FastifyPluginAsyncZod<{ checkin: CheckinService }> = async (app, { checkin }) => {
  app.get(
    '/events/:id/checkin',
    { ...write, schema: { tags, summary: 'The check-in page: the event, its counts and the rotating code of this minute', params: idParamsSchema, response: { 200: checkinInfoSchema } } },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return checkin.info(request.params.id, staffOf(request, 'event.write'));
    },
  );
  app.post(
    '/events/:id/checkins',
    {
      ...write,
      schema: { tags, summary: 'Record scans of QR tickets (one, or a batch made offline); each scan’s client id counts once', params: idParamsSchema, body: checkinBatchSchema, response: { 200: checkinBatchResultSchema } },
    },
    async (request) => checkin.scan(request.params.id, request.body.items, staffOf(request, 'event.write')),
  );
  app.post(
    '/events/:id/walk-ins',
    { ...write, schema: { tags, summary: 'Register a walk-in at the door (a free place, as at sign-up) and check them in', params: idParamsSchema, body: walkInSchema, response: { 200: checkinResultSchema } } },
    async (request) => checkin.walkIn(request.params.id, request.body, staffOf(request, 'event.write')),
  );
  app.get(
    '/events/:id/attendance',
    { ...read, schema: { tags, summary: 'Attendance (人次), walk-ins and no-shows (the caller’s subtree outside the organiser)', params: idParamsSchema, response: { 200: eventAttendanceSchema } } },
    async (request) => checkin.attendance(request.params.id, staffOf(request, 'event.read')),
  );
  app.get(
    '/events/:id/send-log',
    { ...read, schema: { tags, summary: 'The notifications sent about the event, counted by kind and moment', params: idParamsSchema, response: { 200: eventSendLogSchema } } },
    async (request) => checkin.sendLog(request.params.id, staffOf(request, 'event.read')),
  );
  app.get(
    '/events/:id/registrations/:registrationId/certificate',
    { ...read, schema: { tags, summary: 'A training certificate (PDF) of someone who attended enough', params: regParams } },
    async (request, reply) => {
      const { pdf, fileName } = await checkin.staffCertificate(request.params.id, request.params.registrationId, staffOf(request, 'event.read'));
      return sendDownload(reply, 'application/pdf', pdf, fileName, 'certificate.pdf');
    },
  );

  app.post(
    '/events/my/checkin',
    { ...signedIn, schema: { tags, summary: 'Check myself in by the event’s rotating code', body: selfCheckinSchema, response: { 200: checkinResultSchema } } },
    async (request) => checkin.selfCheckin(request.body, workerOf(request)),
  );
  app.get(
    '/events/my/registrations/:id/certificate',
    { ...signedIn, schema: { tags, summary: 'My training certificate (PDF)', params: idParamsSchema } },
    async (request, reply) => {
      const { pdf, fileName } = await checkin.myCertificate(request.params.id, workerOf(request));
      return sendDownload(reply, 'application/pdf', pdf, fileName, 'certificate.pdf');
    },
  );
};
