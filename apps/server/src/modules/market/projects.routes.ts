import {
  idParamsSchema,
  libraryDetailSchema,
  libraryItemSchema,
  libraryQuerySchema,
  listProjectsQuerySchema,
  pageOf,
  projectDetailSchema,
  projectSchema,
  projectVersionInputSchema,
  reviewVersionSchema,
  saveProjectDraftSchema,
  setListingSchema,
  versionSchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LibraryService } from './library.service';
import type { ProjectsService } from './projects.service';
import { staffCtx, userCtx } from './routes.shared';

const tags = ['market'];

/** Projects: the provider's own (drafts, versions, submission), the staff's review and listing, and the public library. */
export const projectsRoutes: FastifyPluginAsyncZod<{ projects: ProjectsService; library: LibraryService }> = async (app, { projects, library }) => {
  const provider = { config: { permission: 'market.provider' as const } };

  app.get('/market/my-projects', { ...provider, schema: { tags, summary: 'The provider’s projects', response: { 200: z.object({ items: z.array(projectSchema) }) } } }, async (request) => ({
    items: await projects.listMine(userCtx(request).userId),
  }));
  app.post('/market/my-projects', { ...provider, schema: { tags, summary: 'A new project (version 1, a draft)', body: projectVersionInputSchema, response: { 201: projectDetailSchema } } }, async (request, reply) =>
    reply.status(201).send(await projects.createMine(request.body, userCtx(request))),
  );
  app.get('/market/my-projects/:id', { ...provider, schema: { tags, params: idParamsSchema, response: { 200: projectDetailSchema } } }, async (request) => projects.getMine(request.params.id, userCtx(request).userId));
  app.put(
    '/market/my-projects/:id/draft',
    { ...provider, schema: { tags, summary: 'Save the draft; an approved project gets a new version for review', params: idParamsSchema, body: saveProjectDraftSchema, response: { 200: projectDetailSchema } } },
    async (request) => projects.saveDraft(request.params.id, request.body, userCtx(request)),
  );
  app.post(
    '/market/my-projects/:id/submit',
    { ...provider, schema: { tags, summary: 'Send the draft to staff review', params: idParamsSchema, body: z.strictObject({ version: versionSchema }), response: { 200: projectDetailSchema } } },
    async (request) => projects.submitMine(request.params.id, request.body.version, userCtx(request)),
  );

  app.get('/market/projects', { config: { permission: 'market.read' }, schema: { tags, querystring: listProjectsQuerySchema, response: { 200: pageOf(projectSchema) } } }, async (request) =>
    projects.list(request.query, staffCtx(request, 'market.read').scope),
  );
  app.get('/market/projects/:id', { config: { permission: 'market.read' }, schema: { tags, params: idParamsSchema, response: { 200: projectDetailSchema } } }, async (request) =>
    projects.get(request.params.id, staffCtx(request, 'market.read').scope),
  );
  app.post(
    '/market/projects/:id/review',
    { config: { permission: 'market.write' }, schema: { tags, summary: 'Approve or return a version waiting for review', params: idParamsSchema, body: reviewVersionSchema, response: { 200: projectDetailSchema } } },
    async (request) => projects.review(request.params.id, request.body, staffCtx(request, 'market.write')),
  );
  app.post(
    '/market/projects/:id/listing',
    { config: { permission: 'market.write' }, schema: { tags, summary: 'Admit to or take out of the project library', params: idParamsSchema, body: setListingSchema, response: { 200: projectDetailSchema } } },
    async (request) => projects.setListing(request.params.id, request.body, staffCtx(request, 'market.write')),
  );

  app.get('/market/library', { config: { permission: 'public' }, schema: { tags, summary: 'The project library (catalogue), filterable', querystring: libraryQuerySchema, response: { 200: pageOf(libraryItemSchema) } } }, async (request) =>
    library.list(request.query),
  );
  app.get('/market/library/:id', { config: { permission: 'public' }, schema: { tags, params: idParamsSchema, response: { 200: libraryDetailSchema } } }, async (request) => library.get(request.params.id));
};
