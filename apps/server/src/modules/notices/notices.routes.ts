import { createNoticeSchema, feedNoticeSchema, idParamsSchema, listNoticesQuerySchema, noticeFeedQuerySchema, noticeFeedSchema, noticeSchema, noticeVersionSchema, pageOf, updateNoticeSchema } from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireScope } from '../../platform/auth';
import type { NoticesService } from './notices.service';

const tags = ['notices'];
const writerOf = (request: FastifyRequest) => ({ scope: requireScope(request, 'notice.write').scope, audit: auditContextOf(request) });

/** 通知公告: staff publish to their subtree; the phone reads the worker's union chain. */
export const noticesRoutes: FastifyPluginAsyncZod<{ notices: NoticesService }> = async (app, { notices }) => {
  app.get(
    '/notices',
    { config: { permission: 'notice.write' }, schema: { tags, summary: 'Notices published by orgs in my scope (or under one org), drafts too', querystring: listNoticesQuerySchema, response: { 200: pageOf(noticeSchema) } } },
    async (request) => notices.listNotices(request.query, requireScope(request, 'notice.write').scope),
  );
  app.post(
    '/notices',
    { config: { permission: 'notice.write' }, schema: { tags, summary: 'Write a notice for an org’s subtree (a draft, or published at once)', body: createNoticeSchema, response: { 201: noticeSchema } } },
    async (request, reply) => reply.code(201).send(await notices.createNotice(request.body, writerOf(request))),
  );
  app.get(
    '/notices/:id',
    { config: { permission: 'notice.write' }, schema: { tags, summary: 'One notice', params: idParamsSchema, response: { 200: noticeSchema } } },
    async (request) => notices.getNotice(request.params.id, requireScope(request, 'notice.write').scope),
  );
  app.patch(
    '/notices/:id',
    { config: { permission: 'notice.write' }, schema: { tags, summary: 'Edit a draft or published notice', params: idParamsSchema, body: updateNoticeSchema, response: { 200: noticeSchema } } },
    async (request) => notices.updateNotice(request.params.id, request.body, writerOf(request)),
  );
  app.post(
    '/notices/:id/publish',
    { config: { permission: 'notice.write' }, schema: { tags, summary: 'Publish a draft (or republish a withdrawn notice)', params: idParamsSchema, body: noticeVersionSchema, response: { 200: noticeSchema } } },
    async (request) => notices.publishNotice(request.params.id, request.body.version, writerOf(request)),
  );
  app.post(
    '/notices/:id/withdraw',
    { config: { permission: 'notice.write' }, schema: { tags, summary: 'Withdraw a published notice from the phones', params: idParamsSchema, body: noticeVersionSchema, response: { 200: noticeSchema } } },
    async (request) => notices.withdrawNotice(request.params.id, request.body.version, writerOf(request)),
  );
  // Public so the phone's home page shows the federation's notices before sign-in; signed in, the worker's own chain.
  app.get(
    '/notice-feed',
    { config: { permission: 'public' }, schema: { tags, summary: 'Published notices for the phone: my union and the unions above it (signed out: the top of the tree)', querystring: noticeFeedQuerySchema, response: { 200: noticeFeedSchema } } },
    async (request, reply) => {
      void reply.header('cache-control', 'private, no-cache');
      return notices.feed(request.actor?.userId ?? null, request.query);
    },
  );
  app.get(
    '/notice-feed/:id',
    { config: { permission: 'public' }, schema: { tags, summary: 'One published notice, if it reaches me', params: idParamsSchema, response: { 200: feedNoticeSchema } } },
    async (request) => notices.feedNotice(request.actor?.userId ?? null, request.params.id),
  );
};
