import {
  acknowledgeDoorAlarmSchema,
  createDoorBanSchema,
  createDoorControllerSchema,
  doorAlarmPageSchema,
  doorAlarmSchema,
  doorAlarmSummarySchema,
  doorBanPageSchema,
  doorBanSchema,
  doorControllerCredentialsSchema,
  doorControllerPageSchema,
  doorControllerSchema,
  doorDeviceParamsSchema,
  doorEntryPageSchema,
  doorPolicySchema,
  idParamsSchema,
  listDoorAlarmsQuerySchema,
  listDoorBansQuerySchema,
  listDoorControllersQuerySchema,
  listDoorEntriesQuerySchema,
  openDoorResultSchema,
  openDoorSchema,
  positionUsageQuerySchema,
  positionUsageSchema,
  publicDoorSchema,
  resolveDoorAlarmSchema,
  updateDoorControllerSchema,
  updateDoorPolicySchema,
  versionBodySchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope } from '../../platform/auth';
import type { AccessService } from './console.service';
import type { DoorsService } from './doors.service';

const tags = ['access'];
const orgFilter = { orgId: z.uuid().optional() };

/** Console (staff) routes of smart stations. */
export const accessRoutes: FastifyPluginAsyncZod<{ access: AccessService }> = async (app, { access }) => {
  const read = { config: { permission: 'access.read' as const } };
  const write = { config: { permission: 'access.write' as const } };
  const staff = (request: Parameters<typeof auditContextOf>[0], permission: 'access.read' | 'access.write') => {
    const { scope } = requireScope(request, permission);
    return { scope, audit: auditContextOf(request) };
  };

  app.get('/door-controllers', { ...read, schema: { tags, summary: 'Door controllers with online state', querystring: listDoorControllersQuerySchema.extend(orgFilter), response: { 200: doorControllerPageSchema } } }, async (request) =>
    access.listControllers(request.query, requireScope(request, 'access.read').scope),
  );
  app.post('/door-controllers', { ...write, schema: { tags, summary: 'Register a controller (secret shown once)', body: createDoorControllerSchema, response: { 201: doorControllerCredentialsSchema } } }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return reply.status(201).send(await access.createController(request.body, staff(request, 'access.write')));
  });
  app.get('/door-controllers/:id', { ...read, schema: { tags, summary: 'One controller', params: idParamsSchema, response: { 200: doorControllerSchema } } }, async (request) =>
    access.getController(request.params.id, requireScope(request, 'access.read').scope),
  );
  app.patch('/door-controllers/:id', { ...write, schema: { tags, summary: 'Rename, code mode, max distance', params: idParamsSchema, body: updateDoorControllerSchema, response: { 200: doorControllerSchema } } }, async (request) =>
    access.updateController(request.params.id, request.body, staff(request, 'access.write')),
  );
  app.post('/door-controllers/:id/rotate-secret', { ...write, schema: { tags, summary: 'New secret (shown once); the old one stops working', params: idParamsSchema, body: versionBodySchema, response: { 200: doorControllerCredentialsSchema } } }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return access.rotateSecret(request.params.id, request.body.version, staff(request, 'access.write'));
  });
  app.post('/door-controllers/:id/revoke', { ...write, schema: { tags, summary: 'Revoke a controller for good', params: idParamsSchema, body: versionBodySchema, response: { 200: doorControllerSchema } } }, async (request) =>
    access.revokeController(request.params.id, request.body.version, staff(request, 'access.write')),
  );

  app.get('/positions/:id/door-policy', { ...read, schema: { tags, summary: 'The station’s door policy (defaults with version 0)', params: idParamsSchema, response: { 200: doorPolicySchema } } }, async (request) =>
    access.getPolicy(request.params.id, requireScope(request, 'access.read').scope),
  );
  app.put('/positions/:id/door-policy', { ...write, schema: { tags, summary: 'Save the station’s door policy', params: idParamsSchema, body: updateDoorPolicySchema, response: { 200: doorPolicySchema } } }, async (request) =>
    access.putPolicy(request.params.id, request.body, staff(request, 'access.write')),
  );
  app.get('/positions/:id/usage', { ...read, schema: { tags, summary: 'Visits, unique visitors, after-hours share per hour/day/month', params: idParamsSchema, querystring: positionUsageQuerySchema, response: { 200: positionUsageSchema } } }, async (request) =>
    access.getUsage(request.params.id, request.query, requireScope(request, 'access.read').scope),
  );

  app.get('/door-bans', { ...read, schema: { tags, summary: 'Workers barred from a station', querystring: listDoorBansQuerySchema, response: { 200: doorBanPageSchema } } }, async (request) =>
    access.listBans(request.query, requireScope(request, 'access.read').scope),
  );
  app.post('/door-bans', { ...write, schema: { tags, summary: 'Bar a worker (by phone) from a station', body: createDoorBanSchema, response: { 201: doorBanSchema } } }, async (request, reply) =>
    reply.status(201).send(await access.createBan(request.body, staff(request, 'access.write'))),
  );
  app.delete('/door-bans/:id', { ...write, schema: { tags, summary: 'Lift a ban', params: idParamsSchema } }, async (request, reply) => {
    await access.liftBan(request.params.id, staff(request, 'access.write'));
    return reply.status(204).send();
  });

  app.get('/door-entries', { ...read, schema: { tags, summary: 'Entry log: every scan with its result and reason', querystring: listDoorEntriesQuerySchema.extend(orgFilter), response: { 200: doorEntryPageSchema } } }, async (request) =>
    access.listEntries(request.query, requireScope(request, 'access.read').scope),
  );

  app.get('/door-alarms', { ...read, schema: { tags, summary: 'Door alarms', querystring: listDoorAlarmsQuerySchema.extend(orgFilter), response: { 200: doorAlarmPageSchema } } }, async (request) =>
    access.listAlarms(request.query, requireScope(request, 'access.read').scope),
  );
  app.get('/door-alarms/summary', { ...read, schema: { tags, summary: 'Open alarm count for the console badge', querystring: z.strictObject(orgFilter), response: { 200: doorAlarmSummarySchema } } }, async (request) =>
    access.summarizeAlarms(requireScope(request, 'access.read').scope, request.query.orgId),
  );
  app.post('/door-alarms/:id/acknowledge', { ...write, schema: { tags, summary: 'Acknowledge an alarm', params: idParamsSchema, body: acknowledgeDoorAlarmSchema, response: { 200: doorAlarmSchema } } }, async (request) =>
    access.moveAlarm(request.params.id, 'acknowledged', request.body, staff(request, 'access.write')),
  );
  app.post('/door-alarms/:id/resolve', { ...write, schema: { tags, summary: 'Resolve an alarm with a note', params: idParamsSchema, body: resolveDoorAlarmSchema, response: { 200: doorAlarmSchema } } }, async (request) =>
    access.moveAlarm(request.params.id, 'resolved', request.body, staff(request, 'access.write')),
  );
};

/** The worker's side: the public door page and scan to open. */
export const doorsRoutes: FastifyPluginAsyncZod<{ doors: DoorsService }> = async (app, { doors }) => {
  app.get('/doors/:deviceId', { config: { permission: 'public' }, schema: { tags, summary: 'What the door page shows before signing in', params: doorDeviceParamsSchema, response: { 200: publicDoorSchema } } }, async (request) =>
    doors.getPublicDoor(request.params.deviceId),
  );
  app.post(
    '/doors/:deviceId/open',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Scan to open: checks, then a signed unlock; problem+json with the station phone on refusal', params: doorDeviceParamsSchema, body: openDoorSchema, response: { 200: openDoorResultSchema } } },
    async (request) => doors.open(request.params.deviceId, request.body, requireActor(request).userId),
  );
};
