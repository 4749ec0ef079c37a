import type { FundLiveEvent } from '@niangjia/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db } from '../../db/client';
import { createNotifyListener, sendNotify } from '../../platform/notify-listener';

/**
 * Live fund figures across instances: a committed sale or breakfast sends `pg_notify` in its own
 * transaction (so it is delivered only on commit); every instance LISTENs and passes the event to
 * its Server-Sent-Events clients. Works on PostgreSQL (a dedicated connection, reconnecting) and
 * on PGlite (its listen/notify within the one embedded database).
 */
export const FUND_CHANNEL = 'fund_live';
/** PostgreSQL's NOTIFY payload limit is 8,000 bytes; events are far smaller. */
const MAX_EVENTS_PER_NOTIFY = 20;

export async function notifyLive(db: Db, events: readonly FundLiveEvent[]): Promise<void> {
  await sendNotify(db, FUND_CHANNEL, events.map((e) => JSON.stringify(e)));
}

/** Keeps a batch's notifications small: the first events one by one, the rest as one summed event. */
export function condenseEvents(events: FundLiveEvent[]): FundLiveEvent[] {
  if (events.length <= MAX_EVENTS_PER_NOTIFY) return events;
  const head = events.slice(0, MAX_EVENTS_PER_NOTIFY - 1);
  const rest = events.slice(MAX_EVENTS_PER_NOTIFY - 1);
  const last = rest[rest.length - 1]!;
  return [...head, { ...last, id: `${last.id}+${rest.length - 1}`, amountFen: rest.reduce((s, e) => s + e.amountFen, 0) }];
}

export type LiveListener = (event: FundLiveEvent) => void;

export type LiveHub = {
  subscribe(listener: LiveListener): () => void;
  clientCount(): number;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export function createLiveHub(database: Database, log?: FastifyBaseLogger): LiveHub {
  const listeners = new Set<LiveListener>();
  const dispatch = (payload: string) => {
    let event: FundLiveEvent;
    try {
      event = JSON.parse(payload) as FundLiveEvent;
    } catch {
      return;
    }
    for (const l of listeners) {
      try {
        l(event);
      } catch (error) {
        log?.warn({ err: error }, 'fund live listener failed');
      }
    }
  };
  const listener = createNotifyListener(database, FUND_CHANNEL, dispatch, { log });
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
