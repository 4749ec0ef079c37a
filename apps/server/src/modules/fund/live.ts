import type { FundLiveEvent } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { notifyChannel } from '../../platform/live';

/**
 * Live fund figures across instances (platform/live.ts): a committed sale or breakfast notifies
 * FUND_CHANNEL in its own transaction; the public stream passes the events to the screens.
 */
export const FUND_CHANNEL = 'fund_live';
/** PostgreSQL's NOTIFY payload limit is 8,000 bytes; events are far smaller. */
const MAX_EVENTS_PER_NOTIFY = 20;

export async function notifyLive(db: Db, events: readonly FundLiveEvent[]): Promise<void> {
  await notifyChannel(db, FUND_CHANNEL, events);
}

/** Keeps a batch's notifications small: the first events one by one, the rest as one summed event. */
export function condenseEvents(events: FundLiveEvent[]): FundLiveEvent[] {
  if (events.length <= MAX_EVENTS_PER_NOTIFY) return events;
  const head = events.slice(0, MAX_EVENTS_PER_NOTIFY - 1);
  const rest = events.slice(MAX_EVENTS_PER_NOTIFY - 1);
  const last = rest[rest.length - 1]!;
  return [...head, { ...last, id: `${last.id}+${rest.length - 1}`, amountFen: rest.reduce((s, e) => s + e.amountFen, 0) }];
}
