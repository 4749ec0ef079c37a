import type { RoadshowEvent } from '@niangjia/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db } from '../../db/client';
import { createChannelHub, type ChannelHub } from '../../platform/live';
import { sendNotify } from '../../platform/notify-listener';

/** The roadshow screens' channel (platform/live.ts): a vote's new count, or "the state changed, read it again". */
export const MARKET_CHANNEL = 'market_live';

export type RoadshowHub = ChannelHub<RoadshowEvent>;

/** One LISTEN on MARKET_CHANNEL per instance; the roadshow streams subscribe to it. */
export function createRoadshowHub(database: Database, log?: FastifyBaseLogger): RoadshowHub {
  return createChannelHub<RoadshowEvent>(database, MARKET_CHANNEL, log);
}

export async function notifyRoadshow(db: Db, events: readonly RoadshowEvent[]): Promise<void> {
  await sendNotify(db, MARKET_CHANNEL, events.map((e) => JSON.stringify(e)));
}

export const stateEvent = (seasonId: string, at: Date): RoadshowEvent => ({ kind: 'state', id: `state-${seasonId}-${at.getTime()}`, seasonId, at: at.toISOString() });
