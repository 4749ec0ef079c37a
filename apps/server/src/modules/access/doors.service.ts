import type { DoorPolicy, OpenDoor, OpenDoorResult, PublicDoor } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import type { DoorConfig } from '../../config';
import { AppError } from '../../platform/errors';
import { decryptField, type DataKeys } from '../../platform/pii';
import { hitRateLimit } from '../../platform/rate-limit';
import { convertCoord, haversineMetres, hoursText, isOpenAt, type Schedule } from '../positions';
import * as repo from './access.repository';
import { CODE_STEP_SECONDS, codeStepAt, deriveStaticCode, findCodeStep, isSameCode } from './door-crypto';
import { SECRET_PURPOSE, type DoorGateway } from './gateway';

type Door = NonNullable<Awaited<ReturnType<typeof repo.findDoorByDevice>>>;

type TimeRange = { start: string; end: string };

export const DEFAULT_POLICY: Omit<DoorPolicy, 'positionId' | 'version'> = { scanHours: 'always', customRanges: [], whoMayEnter: 'real_name', isClosed: false, closedNote: null as string | null, rateLimitPer10Min: 10 };

export function maskPhone(phone: string | null): string | null {
  return phone && phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;
}

/** HTTP status of each refusal (also when a retried tap repeats an earlier one). */
export const REFUSAL_STATUS: Record<string, number> = {
  DOOR_CODE_INVALID: 409,
  DOOR_CODE_EXPIRED: 409,
  DOOR_CODE_USED: 409,
  DOOR_CODE_WRONG_DOOR: 409,
  DOOR_LOCATION_REQUIRED: 400,
  DOOR_TOO_FAR: 403,
  DOOR_NEEDS_REAL_NAME: 403,
  DOOR_MEMBERS_ONLY: 403,
  DOOR_USER_BANNED: 403,
  DOOR_RATE_LIMITED: 429,
  DOOR_STATION_CLOSED: 409,
  DOOR_OUTSIDE_SCAN_HOURS: 409,
  DOOR_CONTROLLER_REVOKED: 409,
  DOOR_CONTROLLER_OFFLINE: 503,
  DOOR_NO_ACK: 504,
  DOOR_DEVICE_REFUSED: 502,
};

/** The staffed hours of a station are its weekly hours, even when the door makes it a 24-hour station. */
export function staffedSchedule(p: { weeklyHours: unknown; exceptions: unknown }): Schedule {
  return { is24h: false, weekly: p.weeklyHours as Schedule['weekly'], exceptions: p.exceptions as Schedule['exceptions'] };
}

function isInRanges(ranges: TimeRange[], at: Date): boolean {
  return isOpenAt({ is24h: false, weekly: [ranges, ranges, ranges, ranges, ranges, ranges, ranges], exceptions: [] }, at);
}

export function isOnline(c: { lastSeenAt: Date | null; status: string }, door: DoorConfig, now = new Date()): boolean {
  return c.status === 'active' && c.lastSeenAt !== null && now.getTime() - c.lastSeenAt.getTime() <= door.heartbeatSeconds * door.offlineAfterMissed * 1000;
}

/**
 * Scan to open (扫码开门): checks the worker, the station's policy and the code, then sends the
 * controller a signed single-use command and waits for its ack. Every attempt lands in the entry log.
 */
export function createDoorsService({ db, dataKeys, gateway, door, clock = () => new Date() }: { db: Db; dataKeys: DataKeys; gateway: DoorGateway; door: DoorConfig; clock?: () => Date }) {
  async function getDoor(deviceId: string): Promise<Door> {
    const found = await repo.findDoorByDevice(db, deviceId);
    if (!found) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_door_controller' } });
    return found;
  }

  return {
    async getPublicDoor(deviceId: string): Promise<PublicDoor> {
      const d = await getDoor(deviceId);
      if (d.controller.status !== 'active') throw new AppError('DOOR_CONTROLLER_REVOKED', { status: 404 });
      const policy = d.policy ?? DEFAULT_POLICY;
      const today = hoursText(staffedSchedule(d.position), clock());
      return {
        deviceId,
        doorName: d.controller.name,
        station: { id: d.position.id, name: d.position.name, address: d.position.address, orgId: d.position.orgId, contactPhone: d.position.contactPhone, hoursText: today.ranges.join(', ') },
        codeMode: d.controller.codeMode as PublicDoor['codeMode'],
        needsLocation: d.controller.codeMode === 'static',
        maxDistanceM: d.controller.maxDistanceM,
        isOnline: isOnline(d.controller, door, clock()),
        isClosed: policy.isClosed || d.position.status !== 'open',
        whoMayEnter: policy.whoMayEnter as PublicDoor['whoMayEnter'],
      };
    },

    async open(deviceId: string, input: OpenDoor, userId: string): Promise<OpenDoorResult> {
      // Independent reads at once: a scan should cost few round trips.
      const [d, earlier, worker] = await Promise.all([getDoor(deviceId), repo.findEntryByRequest(db, userId, input.requestId), repo.findWorker(db, userId)]);
      const { controller, position } = d;
      const now = clock();
      const extras = { contactPhone: position.contactPhone, stationName: position.name };
      const refuse = (code: string, status: number, params: Record<string, string | number> = {}, headers: Record<string, string> = {}) =>
        new AppError(code, { status, params: { phone: position.contactPhone ?? '—', ...params }, extras, headers });

      // A retried tap gets the first answer, never a second unlock.
      if (earlier) {
        if (earlier.result === 'opened' && earlier.commandId) return { result: 'opened', entryId: earlier.id, commandId: earlier.commandId, stationName: position.name, contactPhone: position.contactPhone };
        const reason = earlier.reason === 'PENDING' || !earlier.reason ? 'DOOR_NO_ACK' : earlier.reason;
        throw refuse(reason, REFUSAL_STATUS[reason] ?? 409);
      }

      const isAfterHours = !isOpenAt(staffedSchedule(position), now);
      const log = async (result: 'opened' | 'refused' | 'failed', reason: string | null, commandId: string | null = null) => {
        const entry = await repo.insertEntry(db, {
          at: now,
          positionId: position.id,
          orgId: position.orgId,
          controllerId: controller.id,
          deviceId,
          userId,
          personName: worker.person?.realName ?? null,
          phoneMasked: maskPhone(worker.phone),
          result,
          reason,
          commandId,
          // Only an attempt that sends a command is idempotent; a refused tap may be retried (after the real-name form).
          requestId: reason === 'PENDING' ? input.requestId : null,
          isAfterHours,
        });
        // A concurrent retry of the same tap inserted first: answer as that one did.
        if (!entry) throw refuse('DOOR_CODE_USED', 409);
        return entry;
      };
      const refuseLogged = async (code: string, status: number, params: Record<string, string | number> = {}, headers: Record<string, string> = {}) => {
        await log('refused', code);
        return refuse(code, status, params, headers);
      };

      if (controller.status !== 'active') throw await refuseLogged('DOOR_CONTROLLER_REVOKED', 409);
      const policy = d.policy ?? DEFAULT_POLICY;
      // Counted before the code is checked, so codes cannot be guessed faster than the limit.
      const limit = await hitRateLimit(db, { key: `door:${position.id}:${userId}`, limit: policy.rateLimitPer10Min, windowSeconds: 600 }, now);
      if (!limit.allowed) throw await refuseLogged('DOOR_RATE_LIMITED', 429, { seconds: limit.retryAfter }, { 'retry-after': String(limit.retryAfter) });
      if (policy.isClosed || position.status !== 'open') throw await refuseLogged('DOOR_STATION_CLOSED', 409, { note: policy.closedNote ?? position.status });
      if (policy.scanHours === 'outside_staffed' && !isAfterHours) throw await refuseLogged('DOOR_OUTSIDE_SCAN_HOURS', 409);
      if (policy.scanHours === 'custom' && !isInRanges(policy.customRanges as TimeRange[], now)) throw await refuseLogged('DOOR_OUTSIDE_SCAN_HOURS', 409);
      if (!worker.person) throw await refuseLogged('DOOR_NEEDS_REAL_NAME', 403);
      if (policy.whoMayEnter === 'members' && !worker.isMember) throw await refuseLogged('DOOR_MEMBERS_ONLY', 403);
      const phones = [worker.phone, worker.person.phone].filter((p): p is string => Boolean(p));
      for (const phone of new Set(phones)) {
        if (await repo.findActiveBan(db, position.id, phone, now)) throw await refuseLogged('DOOR_USER_BANNED', 403);
      }

      const secret = decryptField(dataKeys, SECRET_PURPOSE, controller.secretEnc);
      if (controller.codeMode === 'static') {
        if (!isSameCode(deriveStaticCode(secret, deviceId), input.code)) throw await refuseLogged(await wrongDoorOrInvalid(controller, input.code, now), 409);
        // A printed code never changes and the phone's location is whatever the phone says: it proves
        // at most that someone once read the sticker. With nobody on duty that is not enough to open
        // the door; the rotating code on the door's screen is (docs/door-protocol.md, issue 9).
        if (isAfterHours) throw await refuseLogged('DOOR_ROTATING_CODE_REQUIRED', 409);
        if (!input.location) throw await refuseLogged('DOOR_LOCATION_REQUIRED', 400);
        const [lng, lat] = convertCoord([input.location.lng, input.location.lat], input.location.crs, 'wgs84');
        const distance = haversineMetres(lng, lat, position.lng, position.lat);
        if (distance > controller.maxDistanceM) throw await refuseLogged('DOOR_TOO_FAR', 403, { distance: Math.round(distance), max: controller.maxDistanceM });
      } else {
        const maxBack = Math.ceil(door.codeMaxAgeSeconds / CODE_STEP_SECONDS);
        const step = findCodeStep(secret, deviceId, input.code, now, maxBack);
        if (step === null) {
          // A code of this door from further back is expired; otherwise it may be a sibling door's.
          const old = findCodeStep(secret, deviceId, input.code, new Date(now.getTime() - (maxBack + 1) * CODE_STEP_SECONDS * 1000), 120);
          throw await refuseLogged(old !== null ? 'DOOR_CODE_EXPIRED' : await wrongDoorOrInvalid(controller, input.code, now), 409);
        }
        if (!(await repo.useCodeStep(db, controller.id, step))) throw await refuseLogged('DOOR_CODE_USED', 409);
      }

      if (!isOnline(controller, door, now)) {
        await log('failed', 'DOOR_CONTROLLER_OFFLINE');
        throw refuse('DOOR_CONTROLLER_OFFLINE', 503);
      }
      // Logged before the command goes out, so an ack handled by any instance finds the entry.
      const entry = await log('failed', 'PENDING');
      const { commandId, outcome } = await gateway.sendUnlock(controller, entry.id);
      if (outcome.result === 'done') {
        await repo.updateEntry(db, entry.id, { result: 'opened', reason: null, commandId });
        return { result: 'opened', entryId: entry.id, commandId, stationName: position.name, contactPhone: position.contactPhone };
      }
      const code = outcome.result === 'timeout' ? 'DOOR_NO_ACK' : 'DOOR_DEVICE_REFUSED';
      await repo.markEntryFailed(db, entry.id, code, commandId);
      throw refuse(code, outcome.result === 'timeout' ? 504 : 502);
    },
  };

  async function wrongDoorOrInvalid(controller: repo.ControllerRow, code: string, now: Date): Promise<string> {
    for (const sibling of await repo.listActiveSiblings(db, controller.positionId, controller.id)) {
      const secret = decryptField(dataKeys, SECRET_PURPOSE, sibling.secretEnc);
      const matches = sibling.codeMode === 'static' ? isSameCode(deriveStaticCode(secret, sibling.deviceId), code) : findCodeStep(secret, sibling.deviceId, code, now, 10) !== null;
      if (matches) return 'DOOR_CODE_WRONG_DOOR';
    }
    return 'DOOR_CODE_INVALID';
  }
}

export type DoorsService = ReturnType<typeof createDoorsService>;
export { codeStepAt };
