import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type EventStream = {
  /** Sends one event (`event:`, optional `id:`, one-line JSON `data:`). */
  send: (event: string, data: unknown, id?: string | number) => void;
  /** Runs once when the stream ends, whichever side ends it. */
  onClose: (cleanup: () => void) => void;
  close: () => void;
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
export function openEventStream(request: FastifyRequest, reply: FastifyReply, streams: Set<ServerResponse>, { retryMs, heartbeatMs, first }: { retryMs: number; heartbeatMs: number; first?: string }): EventStream {
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
  const heartbeat = setInterval(() => res.write(': ping\n\n'), heartbeatMs);
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
    send: (event, data, id) => res.write(`event: ${event}\n${id !== undefined ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`),
    onClose: (cleanup) => cleanups.push(cleanup),
    close,
  };
}
