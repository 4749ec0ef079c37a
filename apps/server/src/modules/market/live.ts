import type { RoadshowEvent } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { notifyChannel } from '../../platform/live';

/** The roadshow screens' channel (platform/live.ts): a vote's new count, or "the state changed, read it again". */
export const MARKET_CHANNEL = 'market_live';

export async function notifyRoadshow(db: Db, events: readonly RoadshowEvent[]): Promise<void> {
  await notifyChannel(db, MARKET_CHANNEL, events);
}

export const stateEvent = (seasonId: string, at: Date): RoadshowEvent => ({ kind: 'state', id: `state-${seasonId}-${at.getTime()}`, seasonId, at: at.toISOString() });
