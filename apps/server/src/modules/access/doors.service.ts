import type { DoorPolicy, OpenDoor, OpenDoorResult, PublicDoor } from '@niangjia/contracts';
import type { Database } from '../../db/client';
import type { DoorConfig } from '../../config';
import { AppError } from '../../platform/errors';
import { decryptField, type DataKeys } from '../../platform/pii';
import { convertCoord, haversineMetres, hoursText, isOpenAt, type Schedule } from '../positions';
import * as repo from './access.repository';
import type { DoorCache } from './door-cache';
import { commitScan, openScan, readScanFacts, type CommitResult, type RunQuery, type ScanFacts } from './scan.repository';
import { CODE_STEP_SECONDS, codeStepAt, deriveStaticCode, findCodeStep, isSameCode } from './door-crypto';
import { SECRET_PURPOSE, type DoorGateway, type PreparedUnlock } from './gateway';

type Door = NonNullable<Awaited<ReturnType<typeof repo.findDoorByDevice>>>;

/** The door rate limit's window (the policy's limit is per 10 minutes). */
const RATE_WINDOW_SECONDS = 600;
/** Writes tried against a door that keeps changing before the scan gives up. */
const MAX_ATTEMPTS = 3;

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
export function createDoorsService({ database, dataKeys, gateway, door, cache, clock = () => new Date() }: { database: Database; dataKeys: DataKeys; gateway: DoorGateway; door: DoorConfig; cache: DoorCache; clock?: () => Date }) {
  const db = database.db;
  const run: RunQuery = (text, params) => database.query(text, params);
  const notFound = () => new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_door_controller' } });
  /** The door page reads the database (its online dot needs the last heartbeat) and refreshes this instance's copy. */
  async function getDoor(deviceId: string): Promise<Door> {
    const found = await cache.load(deviceId);
    if (!found) throw notFound();
    return found;
  }
  /** A scan uses this instance's copy; its write re-checks the versions. */
  async function findDoor(deviceId: string): Promise<Door> {
    const found = await cache.find(deviceId);
    if (!found) throw notFound();
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
      const now = clock();
      const windowMs = RATE_WINDOW_SECONDS * 1000;
      const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
      let d = await findDoor(deviceId);
      let facts: ScanFacts;
      let committed: (CommitResult & { command: PreparedUnlock }) | undefined;
      const fast = passesDoorChecks(d, input, now);
      if (fast) {
        // Everything the door alone decides has passed: the worker's facts and the write in one statement.
        const policy = d.policy ?? DEFAULT_POLICY;
        const command = gateway.prepareUnlock();
        const opened = await openScan(
          run,
          { ...factsQuery(d, input, userId, now, windowStart), rateLimit: policy.rateLimitPer10Min, isMembersOnly: policy.whoMayEnter === 'members' },
          commitInput(d, deviceId, input, userId, fast.step, now, fast.isAfterHours, command),
        );
        facts = opened.facts;
        committed = opened.committed && { ...opened.committed, command };
      } else {
        facts = await readScanFacts(run, factsQuery(d, input, userId, now, windowStart));
      }
      // A stale copy is caught by the write (it re-checks the versions): read the door again and redo the checks.
      for (let attempt = 1; ; attempt++) {
        const outcome = await tryOpen(d, deviceId, input, userId, facts, now, windowStart, attempt === MAX_ATTEMPTS, committed);
        if (outcome !== 'stale') return outcome;
        committed = undefined;
        cache.drop(deviceId);
        const fresh = await cache.load(deviceId);
        if (!fresh) throw notFound();
        if (fresh.position.id !== d.position.id) facts = await readScanFacts(run, factsQuery(fresh, input, userId, now, windowStart));
        d = fresh;
      }
    },
  };

  /** The checks made from the door alone (status, policy, hours, the code), in the service's order; the step when they all pass. */
  function passesDoorChecks(d: Door, input: OpenDoor, now: Date): { step: number | null; isAfterHours: boolean } | undefined {
    const { controller, position } = d;
    const policy = d.policy ?? DEFAULT_POLICY;
    const isAfterHours = !isOpenAt(staffedSchedule(position), now);
    if (controller.status !== 'active' || policy.isClosed || position.status !== 'open') return undefined;
    if (policy.scanHours === 'outside_staffed' && !isAfterHours) return undefined;
    if (policy.scanHours === 'custom' && !isInRanges(policy.customRanges as TimeRange[], now)) return undefined;
    const secret = decryptField(dataKeys, SECRET_PURPOSE, controller.secretEnc);
    if (controller.codeMode === 'static') {
      if (!isSameCode(deriveStaticCode(secret, d.controller.deviceId), input.code) || isAfterHours || !input.location) return undefined;
      const [lng, lat] = convertCoord([input.location.lng, input.location.lat], input.location.crs, 'wgs84');
      return haversineMetres(lng, lat, position.lng, position.lat) > controller.maxDistanceM ? undefined : { step: null, isAfterHours };
    }
    const step = findCodeStep(secret, d.controller.deviceId, input.code, now, Math.ceil(door.codeMaxAgeSeconds / CODE_STEP_SECONDS));
    return step === null ? undefined : { step, isAfterHours };
  }

  function factsQuery(d: Door, input: OpenDoor, userId: string, now: Date, windowStart: Date) {
    // The rate limit is counted (before the code is checked, so codes cannot be guessed faster than the limit) unless the door is revoked.
    return { userId, requestId: input.requestId, rateKey: `door:${d.position.id}:${userId}`, windowStart, isCounted: d.controller.status === 'active', positionId: d.position.id, now };
  }

  function commitInput(d: Door, deviceId: string, input: OpenDoor, userId: string, step: number | null, now: Date, isAfterHours: boolean, command: PreparedUnlock, worker?: ScanFacts['worker']) {
    return {
      controllerId: d.controller.id,
      versions: cache.versionsOf(d),
      step,
      at: now,
      positionId: d.position.id,
      orgId: d.position.orgId,
      deviceId,
      userId,
      // The fast path writes the names from the worker row it reads in the same statement (see scan.repository).
      personName: worker?.person?.realName ?? null,
      phoneMasked: worker ? maskPhone(worker.phone) : null,
      onlineSince: new Date(now.getTime() - door.heartbeatSeconds * door.offlineAfterMissed * 1000),
      commandId: command.commandId,
      requestId: input.requestId,
      isAfterHours,
      issuedAt: command.issuedAt,
      expiresAt: command.expiresAt,
    };
  }

  async function tryOpen(d: Door, deviceId: string, input: OpenDoor, userId: string, facts: ScanFacts, now: Date, windowStart: Date, isLastAttempt: boolean, pre?: CommitResult & { command: PreparedUnlock }): Promise<OpenDoorResult | 'stale'> {
    const { controller, position } = d;
    const { worker } = facts;
    const extras = { contactPhone: position.contactPhone, stationName: position.name };
    const refuse = (code: string, status: number, params: Record<string, string | number> = {}, headers: Record<string, string> = {}) =>
      new AppError(code, { status, params: { phone: position.contactPhone ?? '—', ...params }, extras, headers });

    // A retried tap gets the first answer, never a second unlock.
    const earlier = facts.earlier;
    if (earlier) {
      if (earlier.result === 'opened' && earlier.command_id) return { result: 'opened', entryId: earlier.id, commandId: earlier.command_id, stationName: position.name, contactPhone: position.contactPhone };
      const reason = earlier.reason === 'PENDING' || !earlier.reason ? 'DOOR_NO_ACK' : earlier.reason;
      throw refuse(reason, REFUSAL_STATUS[reason] ?? 409);
    }

    const isAfterHours = !isOpenAt(staffedSchedule(position), now);
    const personName = worker.person?.realName ?? null;
    const phoneMasked = maskPhone(worker.phone);
    const refuseLogged = async (code: string, status: number, params: Record<string, string | number> = {}, headers: Record<string, string> = {}, result: 'refused' | 'failed' = 'refused') => {
      const entry = await repo.insertEntry(db, { at: now, positionId: position.id, orgId: position.orgId, controllerId: controller.id, deviceId, userId, personName, phoneMasked, result, reason: code, requestId: null, isAfterHours });
      if (!entry) throw refuse('DOOR_CODE_USED', 409);
      return refuse(code, status, params, headers);
    };

    if (controller.status !== 'active') throw await refuseLogged('DOOR_CONTROLLER_REVOKED', 409);
    const policy = d.policy ?? DEFAULT_POLICY;
    if (facts.rateCount !== null && facts.rateCount > policy.rateLimitPer10Min) {
      const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + RATE_WINDOW_SECONDS * 1000 - now.getTime()) / 1000));
      throw await refuseLogged('DOOR_RATE_LIMITED', 429, { seconds: retryAfter }, { 'retry-after': String(retryAfter) });
    }
    if (policy.isClosed || position.status !== 'open') throw await refuseLogged('DOOR_STATION_CLOSED', 409, { note: policy.closedNote ?? position.status });
    if (policy.scanHours === 'outside_staffed' && !isAfterHours) throw await refuseLogged('DOOR_OUTSIDE_SCAN_HOURS', 409);
    if (policy.scanHours === 'custom' && !isInRanges(policy.customRanges as TimeRange[], now)) throw await refuseLogged('DOOR_OUTSIDE_SCAN_HOURS', 409);
    if (!worker.person) throw await refuseLogged('DOOR_NEEDS_REAL_NAME', 403);
    if (policy.whoMayEnter === 'members' && !worker.isMember) throw await refuseLogged('DOOR_MEMBERS_ONLY', 403);
    if (facts.isBanned) throw await refuseLogged('DOOR_USER_BANNED', 403);

    const secret = decryptField(dataKeys, SECRET_PURPOSE, controller.secretEnc);
    let step: number | null = null;
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
      step = findCodeStep(secret, deviceId, input.code, now, maxBack);
      if (step === null) {
        // A code of this door from further back is expired; otherwise it may be a sibling door's.
        const old = findCodeStep(secret, deviceId, input.code, new Date(now.getTime() - (maxBack + 1) * CODE_STEP_SECONDS * 1000), 120);
        throw await refuseLogged(old !== null ? 'DOOR_CODE_EXPIRED' : await wrongDoorOrInvalid(controller, input.code, now), 409);
      }
    }

    // One write: versions re-checked, the code's step used once across instances, the entry logged
    // (before the command goes out, so an ack handled by any instance finds it) and the command recorded.
    // The fast path already wrote (scan.repository `openScan`); otherwise write now.
    const command = pre?.command ?? gateway.prepareUnlock();
    const committed = pre ?? (await commitScan(run, commitInput(d, deviceId, input, userId, step, now, isAfterHours, command, worker)));
    // The door changed under every attempt (edited again and again while scanned): the worker may tap again.
    if (committed.kind === 'stale') {
      if (isLastAttempt) throw await refuseLogged('DOOR_NO_ACK', 504, {}, {}, 'failed');
      return 'stale';
    }
    if (committed.kind === 'code_used') throw await refuseLogged('DOOR_CODE_USED', 409);
    // A concurrent retry of the same tap inserted first: answer as that one did.
    if (committed.kind === 'duplicate') throw refuse('DOOR_CODE_USED', 409);
    if (committed.kind === 'offline') throw refuse('DOOR_CONTROLLER_OFFLINE', 503);
    const { commandId, outcome } = await gateway.sendUnlock(controller, committed.entryId, command);
    // The ack's statement already wrote the entry (opened, or refused by the device).
    if (outcome.result === 'done') return { result: 'opened', entryId: committed.entryId, commandId, stationName: position.name, contactPhone: position.contactPhone };
    const code = outcome.result === 'timeout' ? 'DOOR_NO_ACK' : 'DOOR_DEVICE_REFUSED';
    if (outcome.result === 'timeout') await repo.markEntryFailed(db, committed.entryId, code, commandId);
    throw refuse(code, outcome.result === 'timeout' ? 504 : 502);
  }

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
