import { screenMapSchema, screenQuerySchema, screenSummarySchema } from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { langOf } from '../../platform/error-handler';
import { openEventStream, trackEventStreams } from '../../platform/sse';
import type { ScreenService } from './screen.service';

const tags = ['screen'];
const HEARTBEAT_MS = 10_000;
const PUSH_EVERY_MS = 1000;

/**
 * The public district screen: its summary, and a Server-Sent-Events stream that pushes a fresh
 * summary after committed changes (at most once a second) and a `ping` every 10 s, so the screen
 * can tell a live connection from a dead one and show that it is stale.
 */
export const screenRoutes: FastifyPluginAsyncZod<{ screen: ScreenService }> = async (app, { screen }) => {
  const streams = trackEventStreams(app);

  app.get(
    '/public/screen',
    { config: { permission: 'public' }, schema: { tags, summary: 'The district big screen’s figures (no sign-in, nothing personal)', querystring: screenQuerySchema, response: { 200: screenSummarySchema } } },
    async (request, reply) => {
      const org = await screen.resolvePublicOrg(request.query.org);
      void reply.header('cache-control', 'no-store');
      return screen.summary(org, langOf(request));
    },
  );

  app.get(
    '/public/screen/map',
    { config: { permission: 'public' }, schema: { tags, summary: 'The screen’s map: district outline and the stations in service', querystring: screenQuerySchema, response: { 200: screenMapSchema } } },
    async (request, reply) => {
      const org = await screen.resolvePublicOrg(request.query.org);
      void reply.header('cache-control', 'public, max-age=60');
      return screen.map(org);
    },
  );

  app.get(
    '/public/screen/stream',
    { config: { permission: 'public' }, schema: { tags, summary: 'Server-Sent Events: `summary` after each change (≤ 1/s), `ping` every 10 s', querystring: screenQuerySchema } },
    async (request, reply) => {
      const org = await screen.resolvePublicOrg(request.query.org);
      const lang = langOf(request);
      const stream = openEventStream(request, reply, streams, { retryMs: 3000, heartbeatMs: HEARTBEAT_MS, heartbeatEvent: { event: 'ping', data: () => ({ at: new Date().toISOString() }) } });
      let timer: NodeJS.Timeout | null = null;
      let lastPush = 0;
      const push = async () => {
        timer = null;
        lastPush = Date.now();
        try {
          const summary = await screen.summary(org, lang);
          stream.send('summary', summary);
        } catch (error) {
          request.log.warn({ err: error }, 'screen summary failed');
        }
      };
      const schedule = () => {
        if (timer || stream.isClosed()) return;
        timer = setTimeout(() => void push(), Math.max(0, PUSH_EVERY_MS - (Date.now() - lastPush)));
      };
      stream.onClose(screen.onChange(schedule));
      stream.onClose(() => {
        if (timer) clearTimeout(timer);
      });
      await push();
    },
  );
};
