import { fundStatementSchema, publicFundSummaryQuerySchema, publicFundSummarySchema, reportRangeQuerySchema } from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { openEventStream, trackEventStreams } from '../../platform/sse';
import type { LiveHub } from './live';
import { findPublicFund, getPublicSummary } from './public.service';
import { getFundStatement } from './reports.service';

const tags = ['fund-public'];
const HEARTBEAT_MS = 15_000;

/** The public fund screen and the published accounts: no sign-in, no personal data. */
export const fundPublicRoutes: FastifyPluginAsyncZod<{ db: Db; live: LiveHub }> = async (app, { db, live }) => {
  const streams = trackEventStreams(app);
  app.get(
    '/public/fund/summary',
    { config: { permission: 'public' }, schema: { tags, summary: 'Live fund figures for the screen', querystring: publicFundSummaryQuerySchema, response: { 200: publicFundSummarySchema } } },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return getPublicSummary(db, request.query.org);
    },
  );

  app.get(
    '/public/fund/statement',
    { config: { permission: 'public' }, schema: { tags, summary: 'The fund statement for a period (账目公开)', querystring: reportRangeQuerySchema, response: { 200: fundStatementSchema } } },
    async (request) => {
      const fund = await findPublicFund(db);
      return getFundStatement(db, fund.id, request.query);
    },
  );

  app.get(
    '/public/fund/stream',
    { config: { permission: 'public' }, schema: { tags, summary: 'Server-Sent Events: contribution and breakfast events as they commit (any instance)', querystring: publicFundSummaryQuerySchema } },
    async (request, reply) => {
      const fund = await findPublicFund(db, request.query.org);
      const stream = openEventStream(request, reply, streams, { retryMs: 2000, heartbeatMs: HEARTBEAT_MS });
      stream.onClose(
        live.subscribe((event) => {
          if (event.fundId === fund.id) stream.send(event.kind, event, event.id);
        }),
      );
    },
  );
};
