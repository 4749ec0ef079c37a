import { fundStatementSchema, publicFundSummaryQuerySchema, publicFundSummarySchema, reportRangeQuerySchema, type FundLiveEvent } from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import { createEventStreams, type LiveHub } from '../../platform/live';
import { FUND_CHANNEL } from './live';
import { findPublicFund, getPublicSummary } from './public.service';
import { getFundStatement } from './reports.service';

const tags = ['fund-public'];

/** The public fund screen and the published accounts: no sign-in, no personal data. */
export const fundPublicRoutes: FastifyPluginAsyncZod<{ db: Db; live: LiveHub }> = async (app, { db, live }) => {
  const streams = createEventStreams(app);
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
      let unsubscribe = () => {};
      const stream = streams.open(request, reply, () => unsubscribe());
      unsubscribe = live.subscribe(FUND_CHANNEL, (payload) => {
        const event = payload as FundLiveEvent;
        if (event.fundId === fund.id) stream.send(event.kind, event.id, event);
      });
    },
  );
};
