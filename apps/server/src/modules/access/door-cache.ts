import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db } from '../../db/client';
import { createNotifyListener, type NotifyListener } from '../../platform/notify-listener';
import * as repo from './access.repository';

/** Sent by the triggers of migration 0032 with a station id whenever a controller, policy or station changes. */
export const DOOR_CONFIG_CHANNEL = 'door_config';
const MAX_DOORS = 20_000;

export type CachedDoor = NonNullable<Awaited<ReturnType<typeof repo.findDoorByDevice>>>;

/**
 * Each instance's copy of every scanned door's controller, station and policy (issue 11). It is a
 * shortcut, never the truth: the scan's write re-checks the three versions and the controller's
 * status in the same statement (scan.repository `commitScan`), and the ack's statement does so for
 * the controller, so a stale copy costs one more round trip, never a wrong door opening. Copies are
 * dropped on every instance when a trigger NOTIFYs a change (LISTEN via platform/notify-listener),
 * all of them after the listener reconnects (it may have missed some), and a copy read while a
 * change was announced is not kept (the epoch moved).
 */
export function createDoorCache({ database, db, log }: { database?: Database | undefined; db: Db; log?: FastifyBaseLogger | undefined }) {
  const byDevice = new Map<string, CachedDoor>();
  let epoch = 0;
  const dropStation = (positionId: string) => {
    epoch++;
    for (const [deviceId, d] of byDevice) if (d.controller.positionId === positionId) byDevice.delete(deviceId);
  };
  const dropAll = () => {
    epoch++;
    byDevice.clear();
  };
  const listener: NotifyListener | undefined = database ? createNotifyListener(database, DOOR_CONFIG_CHANNEL, dropStation, { ...(log ? { log } : {}), onReconnect: dropAll }) : undefined;

  /** Reads the door from the database and keeps the copy unless a change was announced meanwhile. */
  async function load(deviceId: string): Promise<CachedDoor | undefined> {
    const startedAt = epoch;
    const found = await repo.findDoorByDevice(db, deviceId);
    if (found && epoch === startedAt) {
      if (byDevice.size >= MAX_DOORS) byDevice.delete(byDevice.keys().next().value!);
      byDevice.set(deviceId, found);
    }
    return found;
  }

  return {
    start: async () => listener?.start(),
    stop: async () => listener?.stop(),
    load,
    async find(deviceId: string): Promise<CachedDoor | undefined> {
      return byDevice.get(deviceId) ?? load(deviceId);
    },
    drop(deviceId: string): void {
      epoch++;
      byDevice.delete(deviceId);
    },
    /** The versions the scan's write checks against. */
    versionsOf(d: CachedDoor) {
      return { controller: d.controller.version, position: d.position.version, policy: d.policy?.version ?? 0 };
    },
  };
}

export type DoorCache = ReturnType<typeof createDoorCache>;
