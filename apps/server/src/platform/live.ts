import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Db } from '../db/client';
import { createNotifyListener } from './notify-listener';

/**
 * Live updates across instances (the fund screen, the roadshow screen): a committed change sends
 * `pg_notify(channel, json)` inside its own transaction, so it is delivered only on commit; every
 * instance LISTENs (platform/notify-listener) and hands each payload to the channel's subscribers
 * (Server-Sent-Events clients).
 */
export type LiveListener = (payload: unknown) => void;

export type LiveHub = {
  subscribe(channel: string, listener: LiveListener): () => void;
  clientCount(): number;
  start(): Promise<void>;
  stop(): Promise<void>;
};

/** Sends JSON payloads on a channel in the caller's transaction (PostgreSQL's limit is 8,000 bytes each). */
export async function notifyChannel(db: Db, channel: string, payloads: readonly unknown[]): Promise<void> {
  if (!payloads.length) return;
  const texts = payloads.map((p) => JSON.stringify(p));
  await db.execute(sql`select pg_notify(${channel}, x) from unnest(${sql.param(texts)}::text[]) as x`);
}

export function createLiveHub(database: Database, channels: readonly string[], log?: FastifyBaseLogger): LiveHub {
  const listeners = new Map<string, Set<LiveListener>>(channels.map((c) => [c, new Set()]));
  const dispatch = (channel: string, text: string) => {
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return;
    }
    for (const l of listeners.get(channel) ?? []) {
      try {
        l(payload);
      } catch (error) {
        log?.warn({ err: error, channel }, 'live listener failed');
      }
    }
  };
  const notifyListeners = channels.map((c) => createNotifyListener(database, c, (text) => dispatch(c, text), log));

  return {
    subscribe(channel, listener) {
      const set = listeners.get(channel);
      if (!set) throw new Error(`live channel ${channel} is not listened to`);
      set.add(listener);
      return () => set.delete(listener);
    },
    clientCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
    async start() {
      await Promise.all(notifyListeners.map((l) => l.start()));
    },
    async stop() {
      await Promise.all(notifyListeners.map((l) => l.stop()));
    },
  };
}

const HEARTBEAT_MS = 15_000;

/**
 * Open Server-Sent-Events streams of one route plugin: `open()` hijacks the reply, writes the
 * headers and a comment every 15 s (so proxies keep it), and returns `send`; the stream ends when
 * the client goes or the server shuts down (so shutdown does not wait on it).
 */
export function createEventStreams(app: FastifyInstance) {
  const streams = new Set<import('node:http').ServerResponse>();
  app.addHook('preClose', async () => {
    for (const s of streams) s.end();
  });
  return {
    open(request: FastifyRequest, reply: FastifyReply, onClose: () => void) {
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
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      streams.add(res);
      const close = () => {
        streams.delete(res);
        clearInterval(heartbeat);
        onClose();
      };
      request.raw.on('close', close);
      res.on('error', close);
      return {
        send(event: string, id: string, data: unknown) {
          res.write(`event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`);
        },
      };
    },
  };
}
