import { roadshowQuerySchema, roadshowSchema } from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openEventStream, trackEventStreams } from '../../platform/sse';
import type { RoadshowHub } from './live';
import type { RoadshowService } from './roadshow.service';

const tags = ['market-public'];
const params = z.object({ seasonId: z.string().max(40) });
// A comment every 15 s keeps proxies from closing an idle stream.
const HEARTBEAT_MS = 15_000;

/** The roadshow screen (/screen/roadshow/:season): public, no personal data; live by LISTEN/NOTIFY → SSE. */
export const roadshowRoutes: FastifyPluginAsyncZod<{ roadshow: RoadshowService; live: RoadshowHub }> = async (app, { roadshow, live }) => {
  const streams = trackEventStreams(app);
  app.get('/public/market/roadshow/:seasonId', { config: { permission: 'public' }, schema: { tags, params, querystring: roadshowQuerySchema, response: { 200: roadshowSchema } } }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return roadshow.get(request.params.seasonId, request.query.k);
  });
  app.get('/public/market/roadshow/:seasonId/stream', { config: { permission: 'public' }, schema: { tags, summary: 'Server-Sent Events: vote counts and state changes as they commit (any instance)', params } }, async (request, reply) => {
    const season = await roadshow.get(request.params.seasonId, undefined);
    const stream = openEventStream(request, reply, streams, { retryMs: 2000, heartbeatMs: HEARTBEAT_MS });
    stream.onClose(
      live.subscribe((event) => {
        if (event.seasonId === season.season.id) stream.send(event.kind, event, event.id);
      }),
    );
  });
};
