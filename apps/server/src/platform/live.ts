import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client';
import { createNotifyListener } from './notify-listener';

/**
 * Live updates of one channel across instances (the fund screen, the roadshow screen): a committed
 * change sends its JSON events with `sendNotify` inside its own transaction, so they arrive only on
 * commit; every instance LISTENs (platform/notify-listener) and hands each parsed event to its
 * subscribers (Server-Sent-Events streams, platform/sse).
 */
export type ChannelHub<T> = {
  subscribe(listener: (event: T) => void): () => void;
  clientCount(): number;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export function createChannelHub<T>(database: Database, channel: string, log?: FastifyBaseLogger): ChannelHub<T> {
  const listeners = new Set<(event: T) => void>();
  const dispatch = (payload: string) => {
    let event: T;
    try {
      event = JSON.parse(payload) as T;
    } catch {
      return;
    }
    for (const l of listeners) {
      try {
        l(event);
      } catch (error) {
        log?.warn({ err: error, channel }, 'live listener failed');
      }
    }
  };
  const listener = createNotifyListener(database, channel, dispatch, { log });
  return {
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    clientCount: () => listeners.size,
    start: () => listener.start(),
    stop: () => listener.stop(),
  };
}
