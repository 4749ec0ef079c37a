import { langOf } from '../../platform/error-handler';
import {
  approveMemberSchema,
  approveMembersBatchResultSchema,
  approveMembersBatchSchema,
  idParamsSchema,
  listMembersQuerySchema,
  memberDetailSchema,
  memberReasonSchema,
  memberSchema,
  memberStatsQuerySchema,
  memberStatsSchema,
  pageOf,
  resumeMemberSchema,
  revealedSchema,
  revealMemberSchema,
  transferMemberSchema,
  updateMemberSchema,
  type Permission,
} from '@niangjia/contracts';
import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '@niangjia/contracts/stars-domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireScope } from '../../platform/auth';
import type { MembersActor } from './members.shared';
import type { MembersService } from './members.service';

const tags = ['members'];

const actorOf = (request: FastifyRequest, permission: Permission): MembersActor => ({ scope: requireScope(request, permission).scope, audit: auditContextOf(request) });

/** The console's side of members: everything scoped to the staff member's subtree and audited. */
export const membersRoutes: FastifyPluginAsyncZod<{ members: MembersService }> = async (app, { members }) => {
  app.get(
    '/members',
    { config: { permission: 'member.read' }, schema: { tags, summary: 'List members in scope (filters; search by name, phone, full ID number or member number)', querystring: listMembersQuerySchema, response: { 200: pageOf(memberSchema) } } },
    async (request) => {
      const { actor, scope } = requireScope(request, 'member.read');
      return members.listMembers(request.query, scope, actor.userId);
    },
  );

  app.get(
    '/members/applications',
    { config: { permission: 'member.read' }, schema: { tags, summary: 'Applications waiting for review in scope', querystring: listMembersQuerySchema.omit({ status: true }), response: { 200: pageOf(memberSchema) } } },
    async (request) => {
      const { actor, scope } = requireScope(request, 'member.read');
      return members.listMembers({ ...request.query, status: 'applied' }, scope, actor.userId);
    },
  );

  app.get(
    '/members/stats',
    { config: { permission: 'member.read' }, schema: { tags, summary: 'Member figures for an org subtree (or the whole scope)', querystring: memberStatsQuerySchema, response: { 200: memberStatsSchema } } },
    async (request) => members.getStats(request.query.orgId, requireScope(request, 'member.read').scope),
  );

  app.get(
    '/members/:id',
    { config: { permission: 'member.read' }, schema: { tags, summary: 'One member with the history of the membership', params: idParamsSchema, response: { 200: memberDetailSchema } } },
    async (request) => members.getMember(request.params.id, requireScope(request, 'member.read').scope),
  );

  app.patch(
    '/members/:id',
    { config: { permission: 'member.write' }, schema: { tags, summary: 'Edit a member’s data (with the membership version)', params: idParamsSchema, body: updateMemberSchema, response: { 200: memberDetailSchema } } },
    async (request) => members.updateMember(request.params.id, request.body, actorOf(request, 'member.write')),
  );

  app.post(
    '/members/:id/approve',
    { config: { permission: 'member.write' }, schema: { tags, summary: 'Approve an application (assigns the member number)', params: idParamsSchema, body: approveMemberSchema, response: { 200: memberDetailSchema } } },
    async (request) => members.approve(request.params.id, request.body.version, actorOf(request, 'member.write')),
  );

  app.post(
    '/members/approve-batch',
    {
      config: { permission: 'member.write' },
      schema: { tags, summary: '批量通过: approve up to 100 applications, each with the version seen; answers which were approved and why the others were not', body: approveMembersBatchSchema, response: { 200: approveMembersBatchResultSchema } },
    },
    async (request) => members.approveBatch(request.body, actorOf(request, 'member.write'), langOf(request)),
  );

  app.post(
    '/members/:id/reject',
    { config: { permission: 'member.write' }, schema: { tags, summary: 'Reject an application with a reason the worker sees', params: idParamsSchema, body: memberReasonSchema, response: { 200: memberDetailSchema } } },
    async (request) => members.reject(request.params.id, request.body, actorOf(request, 'member.write')),
  );

  app.post(
    '/members/:id/suspend',
    { config: { permission: 'member.write' }, schema: { tags, summary: 'Suspend a membership', params: idParamsSchema, body: memberReasonSchema, response: { 200: memberDetailSchema } } },
    async (request) => members.suspend(request.params.id, request.body, actorOf(request, 'member.write')),
  );

  app.post(
    '/members/:id/resume',
    { config: { permission: 'member.write' }, schema: { tags, summary: 'Resume a suspended membership', params: idParamsSchema, body: resumeMemberSchema, response: { 200: memberDetailSchema } } },
    async (request) => members.resume(request.params.id, request.body, actorOf(request, 'member.write')),
  );

  app.post(
    '/members/:id/leave',
    { config: { permission: 'member.write' }, schema: { tags, summary: 'End a membership (退会)', params: idParamsSchema, body: memberReasonSchema, response: { 200: memberDetailSchema } } },
    async (request) => members.leave(request.params.id, request.body, actorOf(request, 'member.write')),
  );

  app.post(
    '/members/:id/transfer',
    { config: { permission: 'member.write' }, schema: { tags, summary: 'Transfer to another union in scope (转会)', params: idParamsSchema, body: transferMemberSchema, response: { 200: memberDetailSchema } } },
    async (request) => members.transfer(request.params.id, request.body, actorOf(request, 'member.write')),
  );

  // A member's photo: the body is the image itself (JPEG, PNG or WebP), judged by its bytes.
  app.addContentTypeParser([...PHOTO_TYPES, 'image/gif', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_request, body, done) => done(null, body));

  app.put(
    '/members/:id/photo',
    {
      config: { permission: 'member.write' },
      bodyLimit: MAX_PHOTO_BYTES,
      schema: {
        tags,
        summary: 'Keep a photo of the member (body = a JPEG, PNG or WebP up to 5 MB), only with their consent: consent=true records who confirmed it and when',
        params: idParamsSchema,
        querystring: z.object({ consent: z.enum(['true', 'false']).optional() }),
        response: { 200: memberDetailSchema },
      },
    },
    async (request) => members.setPhoto(request.params.id, { data: request.body, contentType: request.headers['content-type'], consent: request.query.consent === 'true' }, actorOf(request, 'member.write')),
  );

  app.get(
    '/members/:id/photo',
    { config: { permission: 'member.read' }, schema: { tags, summary: 'The member’s photo (personal data: every look is audited)', params: idParamsSchema } },
    async (request, reply) => {
      const photo = await members.photo(request.params.id, actorOf(request, 'member.read'));
      return reply.header('content-type', photo.contentType).header('cache-control', 'private, no-store').send(photo.data);
    },
  );

  app.delete(
    '/members/:id/photo',
    { config: { permission: 'member.write' }, schema: { tags, summary: 'Remove the member’s photo (consent withdrawn)', params: idParamsSchema, response: { 200: memberDetailSchema } } },
    async (request) => members.removePhoto(request.params.id, actorOf(request, 'member.write')),
  );

  app.post(
    '/members/:id/reveal',
    { config: { permission: 'member.reveal' }, schema: { tags, summary: 'Show the full ID number or phone (audited)', params: idParamsSchema, body: revealMemberSchema, response: { 200: revealedSchema } } },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return members.reveal(request.params.id, request.body.field, actorOf(request, 'member.reveal'));
    },
  );
};
