import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type EventStream = {
  /** Sends one event (`event:`, optional `id:`, one-line JSON `data:`). */
  send: (event: string, data: unknown, id?: string | number) => void;
  /** Runs once when the stream ends, whichever side ends it. */
  onClose: (cleanup: () => void) => void;
  close: () => void;
  isClosed: () => boolean;
};

type StreamOptions = {
  /** The browser's reconnect delay. */
  retryMs: number;
  heartbeatMs: number;
  /** Sent after `retry:`; a comment by default. */
  first?: string;
  /** A heartbeat the page can see (an event with this data) rather than a comment, e.g. to show a stale screen. */
  heartbeatEvent?: { event: string; data: () => unknown };
};

/**
 * Open Server-Sent-Events responses of one plugin, ended when the server shuts down so that it
 * does not wait on them (they never finish by themselves).
 */
export function trackEventStreams(app: FastifyInstance): Set<ServerResponse> {
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const s of streams) s.end();
  });
  return streams;
}

/**
 * Takes over the response as a text/event-stream: no buffering by proxies (`x-accel-buffering`),
 * the browser's reconnect delay, a comment every `heartbeatMs` so idle connections stay open, and
 * clean-up when either side goes away.
 */
export function openEventStream(request: FastifyRequest, reply: FastifyReply, streams: Set<ServerResponse>, { retryMs, heartbeatMs, first, heartbeatEvent }: StreamOptions): EventStream {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': request.id,
  });
  res.write(`retry: ${retryMs}\n${first ?? ': connected\n\n'}`);
  const cleanups: (() => void)[] = [];
  const send = (event: string, data: unknown, id?: string | number) => {
    if (!res.writableEnded) res.write(`event: ${event}\n${id !== undefined ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
  };
  const heartbeat = setInterval(() => (heartbeatEvent ? send(heartbeatEvent.event, heartbeatEvent.data()) : res.write(': ping\n\n')), heartbeatMs);
  streams.add(res);
  let isClosed = false;
  const close = () => {
    if (isClosed) return;
    isClosed = true;
    streams.delete(res);
    clearInterval(heartbeat);
    for (const c of cleanups) c();
    if (!res.writableEnded) res.end();
  };
  request.raw.on('close', close);
  res.on('error', close);
  return {
    send,
    onClose: (cleanup) => void (isClosed ? cleanup() : cleanups.push(cleanup)),
    close,
    isClosed: () => isClosed,
  };
}
