import {
  applyStudyaidSchema,
  createStudyaidSchema,
  idParamsSchema,
  openStudyaidSchema,
  pageOf,
  putStudyaidPlacementSchema,
  putStudyaidSettingsSchema,
  studyaidApplicationSchema,
  studyaidQuerySchema,
  studyaidRevealedSchema,
  studyaidSettingsSchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope } from '../../platform/auth';
import type { StudyaidService, StudyaidStaff } from './studyaid.service';

const tags = ['assistance'];
const read = { config: { permission: 'assistance.read' as const } };
const write = { config: { permission: 'assistance.write' as const } };
const reveal = { config: { permission: 'assistance.reveal' as const } };
const signedIn = { config: { permission: 'authenticated' as const } };

function staff(request: FastifyRequest, permission: 'assistance.read' | 'assistance.write' | 'assistance.reveal'): StudyaidStaff {
  const { actor, scope } = requireScope(request, permission);
  return { userId: actor.userId, displayName: actor.displayName, scope, audit: auditContextOf(request) };
}

/** 秋送助学: amounts by level, applications (the parent's nomination plus the student), reveal and summer jobs in the console; applying on the phone. */
export const studyaidRoutes: FastifyPluginAsyncZod<{ studyaid: StudyaidService }> = async (app, { studyaid }) => {
  app.get(
    '/assistance/studyaid/campaigns/:id/settings',
    { ...read, schema: { tags, summary: 'Study-aid amounts by level of an autumn campaign (null: not set yet)', params: idParamsSchema, response: { 200: studyaidSettingsSchema.nullable() } } },
    async (request) => studyaid.getSettings(request.params.id, staff(request, 'assistance.read').scope),
  );
  app.put(
    '/assistance/studyaid/campaigns/:id/settings',
    { ...write, schema: { tags, summary: 'Set the amounts by level (本科/专科/高中) and the cash benefit they are paid under', params: idParamsSchema, body: putStudyaidSettingsSchema, response: { 200: studyaidSettingsSchema } } },
    async (request) => studyaid.putSettings(request.params.id, request.body, staff(request, 'assistance.write')),
  );
  app.get(
    '/assistance/studyaid/campaigns/:id/applications',
    { ...read, schema: { tags, summary: 'Study-aid applications of the caller’s subtree, by level and status (ID numbers masked)', params: idParamsSchema, querystring: studyaidQuerySchema, response: { 200: pageOf(studyaidApplicationSchema) } } },
    async (request) => studyaid.list(request.params.id, request.query, staff(request, 'assistance.read').scope),
  );
  app.post(
    '/assistance/studyaid/campaigns/:id/applications',
    { ...write, schema: { tags, summary: 'Apply for a member’s child: the member is nominated at the level’s amount; one aid per child and year', params: idParamsSchema, body: createStudyaidSchema, response: { 201: studyaidApplicationSchema } } },
    async (request, reply) => reply.status(201).send(await studyaid.create(request.params.id, request.body, staff(request, 'assistance.write'))),
  );
  app.get(
    '/assistance/studyaid/applications/:id',
    { ...read, schema: { tags, summary: 'A study-aid application with its nomination', params: idParamsSchema, response: { 200: studyaidApplicationSchema } } },
    async (request) => studyaid.get(request.params.id, staff(request, 'assistance.read').scope),
  );
  app.post(
    '/assistance/studyaid/applications/:id/reveal',
    { ...reveal, schema: { tags, summary: 'Show the student’s full ID number (audited)', params: idParamsSchema, response: { 200: studyaidRevealedSchema } } },
    async (request) => studyaid.reveal(request.params.id, staff(request, 'assistance.reveal')),
  );
  app.put(
    '/assistance/studyaid/applications/:id/placement',
    { ...write, schema: { tags, summary: 'Arrange a summer public-benefit job (暑期公益岗位) for an aided student', params: idParamsSchema, body: putStudyaidPlacementSchema, response: { 200: studyaidApplicationSchema } } },
    async (request) => studyaid.setPlacement(request.params.id, request.body, staff(request, 'assistance.write')),
  );

  // ---- the worker's side ----
  app.get('/assistance/studyaid/open', { ...signedIn, schema: { tags, summary: 'Open study-aid campaigns the caller may apply in, and their own applications', response: { 200: openStudyaidSchema } } }, async (request) =>
    studyaid.listOpen(requireActor(request).userId),
  );
  app.post(
    '/assistance/studyaid/campaigns/:id/apply',
    { ...signedIn, schema: { tags, summary: 'Apply for the caller’s own child, as their own member identity', params: idParamsSchema, body: applyStudyaidSchema, response: { 201: studyaidApplicationSchema } } },
    async (request, reply) => reply.status(201).send(await studyaid.apply(request.params.id, request.body, { userId: requireActor(request).userId, audit: auditContextOf(request) })),
  );
};
