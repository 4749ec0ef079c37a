import {
  addStudioMemberSchema,
  createStudioPatentSchema,
  createStudioProjectSchema,
  createStudioSchema,
  idParamsSchema,
  pageOf,
  studioDetailSchema,
  studioPatentSchema,
  studioProjectSchema,
  studioSchema,
  studiosQuerySchema,
  updateStudioSchema,
  updateStudioPatentSchema,
  updateStudioProjectSchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { honoursStaff } from './honours.routes';
import type { StudioService } from './studio.service';

const tags = ['honours'];
const read = { config: { permission: 'honours.read' as const } };
const write = { config: { permission: 'honours.write' as const } };

/** 劳模和工匠人才创新工作室: studios, their members, projects and patents, in the console. */
export const studioRoutes: FastifyPluginAsyncZod<{ studios: StudioService }> = async (app, { studios }) => {
  app.get('/honours/studios', { ...read, schema: { tags, summary: 'Innovation studios of unions in the caller’s scope, with their outcome counts', querystring: studiosQuerySchema, response: { 200: pageOf(studioSchema) } } }, async (request) =>
    studios.list(request.query, honoursStaff(request, 'honours.read').scope),
  );
  app.post('/honours/studios', { ...write, schema: { tags, summary: 'Set up a studio of a union in scope, led by an honoured member', body: createStudioSchema, response: { 201: studioSchema } } }, async (request, reply) =>
    reply.status(201).send(await studios.create(request.body, honoursStaff(request, 'honours.write'))),
  );
  app.get('/honours/studios/:id', { ...read, schema: { tags, summary: 'A studio with its members, projects and patents', params: idParamsSchema, response: { 200: studioDetailSchema } } }, async (request) =>
    studios.get(request.params.id, honoursStaff(request, 'honours.read').scope),
  );
  app.put('/honours/studios/:id', { ...write, schema: { tags, summary: 'Change a studio or close it', params: idParamsSchema, body: updateStudioSchema, response: { 200: studioSchema } } }, async (request) =>
    studios.update(request.params.id, request.body, honoursStaff(request, 'honours.write')),
  );
  app.post('/honours/studios/:id/members', { ...write, schema: { tags, summary: 'Add a member to a studio', params: idParamsSchema, body: addStudioMemberSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await studios.addMember(request.params.id, request.body.membershipId, honoursStaff(request, 'honours.write'));
    return reply.status(204).send(null);
  });
  app.delete(
    '/honours/studios/:id/members/:personId',
    { ...write, schema: { tags, summary: 'Remove a member (not the leader) from a studio', params: z.object({ id: z.uuid(), personId: z.uuid() }), response: { 204: z.null() } } },
    async (request, reply) => {
      await studios.removeMember(request.params.id, request.params.personId, honoursStaff(request, 'honours.write'));
      return reply.status(204).send(null);
    },
  );
  app.post('/honours/studios/:id/projects', { ...write, schema: { tags, summary: 'Add a project with its outcomes', params: idParamsSchema, body: createStudioProjectSchema, response: { 201: studioProjectSchema } } }, async (request, reply) =>
    reply.status(201).send(await studios.addProject(request.params.id, request.body, honoursStaff(request, 'honours.write'))),
  );
  app.put('/honours/studio-projects/:id', { ...write, schema: { tags, summary: 'Change a studio project and its outcomes', params: idParamsSchema, body: updateStudioProjectSchema, response: { 200: studioProjectSchema } } }, async (request) =>
    studios.updateProject(request.params.id, request.body, honoursStaff(request, 'honours.write')),
  );
  app.delete('/honours/studio-projects/:id', { ...write, schema: { tags, summary: 'Remove a studio project (its patents stay on the studio)', params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await studios.removeProject(request.params.id, honoursStaff(request, 'honours.write'));
    return reply.status(204).send(null);
  });
  app.put('/honours/studio-patents/:id', { ...write, schema: { tags, summary: 'Change a studio patent', params: idParamsSchema, body: updateStudioPatentSchema, response: { 200: studioPatentSchema } } }, async (request) =>
    studios.updatePatent(request.params.id, request.body, honoursStaff(request, 'honours.write')),
  );
  app.delete('/honours/studio-patents/:id', { ...write, schema: { tags, summary: 'Remove a studio patent recorded by mistake', params: idParamsSchema, response: { 204: z.null() } } }, async (request, reply) => {
    await studios.removePatent(request.params.id, honoursStaff(request, 'honours.write'));
    return reply.status(204).send(null);
  });
  app.post('/honours/studios/:id/patents', { ...write, schema: { tags, summary: 'Record a patent of the studio with its number and holders', params: idParamsSchema, body: createStudioPatentSchema, response: { 201: studioPatentSchema } } }, async (request, reply) =>
    reply.status(201).send(await studios.addPatent(request.params.id, request.body, honoursStaff(request, 'honours.write'))),
  );
};
