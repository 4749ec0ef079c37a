import type { FundLiveEvent } from '@niangjia/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db } from '../../db/client';
import { createChannelHub, type ChannelHub } from '../../platform/live';
import { sendNotify } from '../../platform/notify-listener';

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

export type LiveHub = ChannelHub<FundLiveEvent>;

/** The fund's hub: one LISTEN on FUND_CHANNEL per instance (platform/live.ts). */
export function createLiveHub(database: Database, log?: FastifyBaseLogger): LiveHub {
  return createChannelHub<FundLiveEvent>(database, FUND_CHANNEL, log);
}
