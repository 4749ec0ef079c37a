import { roadshowQuerySchema, roadshowSchema, type RoadshowEvent } from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createEventStreams, type LiveHub } from '../../platform/live';
import { MARKET_CHANNEL } from './live';
import type { RoadshowService } from './roadshow.service';

const tags = ['market-public'];
const params = z.object({ seasonId: z.string().max(40) });

/** The roadshow screen (/screen/roadshow/:season): public, no personal data; live by LISTEN/NOTIFY → SSE. */
export const roadshowRoutes: FastifyPluginAsyncZod<{ roadshow: RoadshowService; live: LiveHub }> = async (app, { roadshow, live }) => {
  const streams = createEventStreams(app);
  app.get('/public/market/roadshow/:seasonId', { config: { permission: 'public' }, schema: { tags, params, querystring: roadshowQuerySchema, response: { 200: roadshowSchema } } }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return roadshow.get(request.params.seasonId, request.query.k);
  });
  app.get('/public/market/roadshow/:seasonId/stream', { config: { permission: 'public' }, schema: { tags, summary: 'Server-Sent Events: vote counts and state changes as they commit (any instance)', params } }, async (request, reply) => {
    const season = await roadshow.get(request.params.seasonId, undefined);
    let unsubscribe = () => {};
    const stream = streams.open(request, reply, () => unsubscribe());
    unsubscribe = live.subscribe(MARKET_CHANNEL, (payload) => {
      const event = payload as RoadshowEvent;
      if (event.seasonId === season.season.id) stream.send(event.kind, event.id, event);
    });
  });
};
