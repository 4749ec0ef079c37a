import {
  closeOrgSchema,
  createOrgSchema,
  divisionSchema,
  idParamsSchema,
  listOrgsQuerySchema,
  moveOrgSchema,
  orgDetailSchema,
  orgSchema,
  pageOf,
  publicFiguresQuerySchema,
  publicFiguresSchema,
  reopenOrgSchema,
  updateOrgSchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireScope } from '../../platform/auth';
import { listDivisions } from './divisions';
import type { OrgsService } from './orgs.service';

const tags = ['orgs'];

export const orgsRoutes: FastifyPluginAsyncZod<{ orgs: OrgsService }> = async (app, { orgs }) => {
  app.get(
    '/orgs',
    { config: { permission: 'org.read' }, schema: { tags, summary: 'List org nodes in scope', querystring: listOrgsQuerySchema, response: { 200: pageOf(orgSchema) } } },
    async (request) => orgs.listOrgs(request.query, requireScope(request, 'org.read').scope),
  );

  app.get(
    '/orgs/:id',
    { config: { permission: 'org.read' }, schema: { tags, summary: 'One org node with its ancestors', params: idParamsSchema, response: { 200: orgDetailSchema } } },
    async (request) => orgs.getOrg(request.params.id, requireScope(request, 'org.read').scope),
  );

  app.post(
    '/orgs',
    { config: { permission: 'org.write' }, schema: { tags, summary: 'Create an org node', body: createOrgSchema, response: { 201: orgSchema } } },
    async (request, reply) => {
      const { scope } = requireScope(request, 'org.write');
      const created = await orgs.createOrg(request.body, { scope, audit: auditContextOf(request) });
      return reply.status(201).header('location', `/api/v1/orgs/${created.id}`).send(created);
    },
  );

  app.patch(
    '/orgs/:id',
    { config: { permission: 'org.write' }, schema: { tags, summary: 'Edit an org node (with its version)', params: idParamsSchema, body: updateOrgSchema, response: { 200: orgSchema } } },
    async (request) => {
      const { scope } = requireScope(request, 'org.write');
      return orgs.updateOrg(request.params.id, request.body, { scope, audit: auditContextOf(request) });
    },
  );

  app.post(
    '/orgs/:id/move',
    { config: { permission: 'org.write' }, schema: { tags, summary: 'Move a subtree under another node', params: idParamsSchema, body: moveOrgSchema, response: { 200: orgSchema } } },
    async (request) => {
      const { scope } = requireScope(request, 'org.write');
      return orgs.moveOrg(request.params.id, request.body, { scope, audit: auditContextOf(request) });
    },
  );

  app.post(
    '/orgs/:id/close',
    { config: { permission: 'org.write' }, schema: { tags, summary: 'Close a node (no open children)', params: idParamsSchema, body: closeOrgSchema, response: { 200: orgSchema } } },
    async (request) => {
      const { scope } = requireScope(request, 'org.write');
      return orgs.closeOrg(request.params.id, request.body, { scope, audit: auditContextOf(request) });
    },
  );

  app.post(
    '/orgs/:id/reopen',
    { config: { permission: 'org.write' }, schema: { tags, summary: 'Reopen a closed node', params: idParamsSchema, body: reopenOrgSchema, response: { 200: orgSchema } } },
    async (request) => {
      const { scope } = requireScope(request, 'org.write');
      return orgs.reopenOrg(request.params.id, request.body.version, { scope, audit: auditContextOf(request) });
    },
  );

  app.get(
    '/public/figures',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'Public figures of the union tree for big screens (no sign-in, no personal data)', querystring: publicFiguresQuerySchema, response: { 200: publicFiguresSchema } },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'public, max-age=30');
      return orgs.getPublicFigures(request.query.org);
    },
  );

  app.get(
    '/divisions',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Statistical division codes: provinces, counties of a province, streets of a county',
        querystring: z.strictObject({ parent: z.string().regex(/^(\d{2}|\d{6})$/, { error: 'DIVISION_CODE_FORMAT' }).optional() }),
        response: { 200: z.array(divisionSchema) },
      },
    },
    async (request) => listDivisions(request.query.parent),
  );
};
