import { fundStatementSchema, publicFundSummaryQuerySchema, publicFundSummarySchema, reportRangeQuerySchema } from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client';
import type { LiveHub } from './live';
import { findPublicFund, getPublicSummary } from './public.service';
import { getFundStatement } from './reports.service';

const tags = ['fund-public'];
const HEARTBEAT_MS = 15_000;

/** The public fund screen and the published accounts: no sign-in, no personal data. */
export const fundPublicRoutes: FastifyPluginAsyncZod<{ db: Db; live: LiveHub }> = async (app, { db, live }) => {
  // Open streams end when the server shuts down, so it does not wait on them.
  const streams = new Set<import('node:http').ServerResponse>();
  app.addHook('preClose', async () => {
    for (const s of streams) s.end();
  });
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
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      res.write(`retry: 2000\n: connected\n\n`);
      const unsubscribe = live.subscribe((event) => {
        if (event.fundId !== fund.id) return;
        res.write(`event: ${event.kind}\nid: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      streams.add(res);
      const close = () => {
        streams.delete(res);
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.raw.on('close', close);
      res.on('error', close);
    },
  );
};
