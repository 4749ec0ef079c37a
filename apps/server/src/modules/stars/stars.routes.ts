import {
  candidateSchema,
  createInspectionSchema,
  idParamsSchema,
  inspectionSchema,
  listInspectionsQuerySchema,
  listStarsQuerySchema,
  candidatesQuerySchema,
  MAX_DOCUMENT_BYTES,
  MAX_PHOTO_BYTES,
  pageOf,
  photoSchema,
  PHOTO_TYPES,
  positionStarsSchema,
  rubricQuerySchema,
  rubricSchema,
  saveRubricSchema,
  starRowSchema,
} from '@niangjia/contracts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope, scopeOf } from '../../platform/auth';
import { langOf } from '../../platform/error-handler';
import type { StarsService } from './stars.service';

const tags = ['stars'];

/** 评星定级: the rubric, inspections, yearly stars and "最美" candidates; photos of inspections and reports. */
export const starsRoutes: FastifyPluginAsyncZod<{
  stars: StarsService;
}> = async (app, { stars }) => {
  // A photo upload's body is the image itself (no multipart); its type is checked by its bytes too.
  // A document may also be a PDF; each route's bodyLimit (5 MB photos, 10 MB documents) wins over the parser's.
  app.addContentTypeParser([...PHOTO_TYPES, 'application/pdf', 'image/gif', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, (_request, body, done) => done(null, body));

  app.get(
    '/stars/rubric',
    {
      config: { permission: 'position.read' },
      schema: {
        tags,
        summary: 'The star rubric that applies to an org (its own, an ancestor’s or the default)',
        querystring: rubricQuerySchema,
        response: { 200: rubricSchema },
      },
    },
    async (request) => stars.getRubric(request.query.orgId, requireScope(request, 'position.read').scope),
  );

  app.put(
    '/stars/rubric',
    {
      config: { permission: 'rubric.write' },
      schema: {
        tags,
        summary: 'Store a district’s rubric (weights add up to 100)',
        querystring: rubricQuerySchema,
        body: saveRubricSchema,
        response: { 200: rubricSchema },
      },
    },
    async (request) => {
      const { actor, scope } = requireScope(request, 'rubric.write');
      return stars.saveRubric(request.query.orgId, request.body, {
        userId: actor.userId,
        displayName: actor.displayName,
        scope,
        audit: auditContextOf(request),
      });
    },
  );

  app.get(
    '/stars',
    {
      config: { permission: 'position.read' },
      schema: {
        tags,
        summary: 'Stars of the positions in scope for a year, best first',
        querystring: listStarsQuerySchema,
        response: { 200: pageOf(starRowSchema) },
      },
    },
    async (request) => stars.listStars(request.query, requireScope(request, 'position.read').scope),
  );

  app.get(
    '/stars/candidates',
    {
      config: { permission: 'position.read' },
      schema: {
        tags,
        summary: '“最美” candidates: the year’s 5-star positions with the reason',
        querystring: candidatesQuerySchema,
        response: {
          200: z.object({
            year: z.number().int(),
            items: z.array(candidateSchema),
          }),
        },
      },
    },
    async (request) => stars.candidates(request.query, requireScope(request, 'position.read').scope, langOf(request)),
  );

  app.get(
    '/stars/positions/:id',
    {
      config: { permission: 'position.read' },
      schema: {
        tags,
        summary: 'A position’s stars this year and its history',
        params: idParamsSchema,
        response: { 200: positionStarsSchema },
      },
    },
    async (request) => stars.positionStars(request.params.id, requireScope(request, 'position.read').scope),
  );

  app.get(
    '/stars/inspections',
    {
      config: { permission: 'position.read' },
      schema: {
        tags,
        querystring: listInspectionsQuerySchema,
        response: { 200: pageOf(inspectionSchema) },
      },
    },
    async (request) => stars.listInspections(request.query, requireScope(request, 'position.read').scope),
  );

  app.post(
    '/stars/inspections',
    {
      config: { permission: 'position.inspect' },
      schema: {
        tags,
        summary: 'Record an inspection with points per criterion, notes and photos',
        body: createInspectionSchema,
        response: { 201: inspectionSchema },
      },
    },
    async (request, reply) => {
      const { actor, scope } = requireScope(request, 'position.inspect');
      return reply.status(201).send(
        await stars.createInspection(request.body, {
          userId: actor.userId,
          displayName: actor.displayName,
          scope,
          audit: auditContextOf(request),
        }),
      );
    },
  );

  app.post(
    '/photos',
    {
      config: { permission: 'authenticated' },
      bodyLimit: MAX_PHOTO_BYTES,
      schema: {
        tags,
        summary: 'Upload a photo (body = a JPEG, PNG or WebP up to 5 MB); attach its id to an inspection or a report',
        response: { 201: photoSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(await stars.uploadPhoto(request.body, request.headers['content-type'], { userId: actor.userId, audit: auditContextOf(request) }));
    },
  );

  app.post(
    '/documents',
    {
      config: { permission: 'authenticated' },
      bodyLimit: MAX_DOCUMENT_BYTES,
      schema: {
        tags,
        summary: 'Upload a supporting document (body = a JPEG, PNG or WebP photo, or a PDF, up to 10 MB) into the photo store; only records that take documents accept a PDF’s id',
        response: { 201: photoSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(await stars.uploadPhoto(request.body, request.headers['content-type'], { userId: actor.userId, audit: auditContextOf(request) }, { document: true }));
    },
  );

  app.get(
    '/photos/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'A photo, for its uploader or staff in scope of its position',
        params: idParamsSchema,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const photo = await stars.getPhoto(request.params.id, { userId: actor.userId, scopeOf: (permission) => scopeOf(actor, permission) });
      reply.header('content-type', photo.contentType).header('cache-control', 'private, max-age=86400');
      // A PDF is downloaded, never rendered in our origin (a PDF can carry script and forms); the API's CSP is default-src 'none' besides.
      if (photo.contentType === 'application/pdf') reply.header('content-disposition', `attachment; filename="document-${photo.id.slice(0, 8)}.pdf"`);
      return reply.send(photo.data);
    },
  );
};
