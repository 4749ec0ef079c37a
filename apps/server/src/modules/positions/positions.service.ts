import type { CreatePosition, ListPositionsQuery, NearestQuery, Position, PositionType, ScheduleInput, UpdatePosition } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { diffSnapshots, recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import { findOrgById } from '../orgs';
import { convertCoord, haversineMetres, wgs84ToGcj02 } from './geo';
import { findWalkingDistances, type NetworkService } from './network.service';
import * as repo from './positions.repository';
import { hoursText, isOpenAt, validateSchedule, type Schedule, type WeeklyHours } from './schedule';
import './positions.errors';

/** Walking speed for minutes (issue #4: 4.5 km/h) and the detour factor of a straight line. */
export const WALK_METRES_PER_MINUTE = 4500 / 60;
export const STRAIGHT_LINE_DETOUR = 1.3;

export type PositionsActor = { scope: Scope; audit: AuditContext };

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function scheduleOf(row: repo.PositionRow): Schedule {
  return { is24h: row.is24h, weekly: row.weeklyHours as WeeklyHours, exceptions: (row.exceptions ?? []) as Schedule['exceptions'] };
}

export function toPosition(row: repo.PositionWithOrg, now = new Date()): Position {
  const schedule = scheduleOf(row);
  const [gLng, gLat] = wgs84ToGcj02(row.lng, row.lat);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type as PositionType,
    org: { id: row.orgId, code: row.orgCode, name: row.orgName },
    address: row.address,
    location: { lng: row.lng, lat: row.lat },
    locationGcj02: { lng: round6(gLng), lat: round6(gLat) },
    schedule: schedule,
    serves: row.serves,
    facilities: row.facilities,
    areaM2: row.areaM2,
    buildMode: row.buildMode,
    partner: row.partner,
    investmentFen: row.investmentFen,
    operator: row.operator,
    contactPhone: row.contactPhone,
    status: row.status as Position['status'],
    statusChangedAt: row.statusChangedAt.toISOString(),
    isOpenNow: row.status === 'open' && isOpenAt(schedule, now),
    todayHours: row.status === 'open' ? hoursText(schedule, now).ranges : [],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function snapshot(row: repo.PositionRow) {
  const { createdAt: _c, updatedAt: _u, statusChangedAt: _s, ...rest } = row;
  return rest;
}

function checkSchedule(schedule: ScheduleInput | undefined) {
  if (!schedule) return;
  const problem = validateSchedule(schedule)[0];
  if (problem) throw fieldError(`schedule.${problem.path}`, problem.problem);
}

export function createPositionsService({ db, networks, clock = () => new Date() }: { db: Db; networks?: NetworkService; clock?: () => Date }) {
  async function ownerIn(tx: Db, orgId: string, scope: Scope) {
    const owner = await findOrgById(tx, orgId);
    if (!owner || !isInScope(scope, owner.path) || owner.status !== 'active') throw fieldError('orgId', 'POSITION_ORG_INVALID');
    return owner;
  }

  async function getScoped(tx: Db, id: string, scope: Scope) {
    const row = await repo.findPosition(tx, id);
    if (!row || !isInScope(scope, row.orgPath)) throw notFound('ENTITY_position');
    return row;
  }

  return {
    async getPosition(id: string, scope: Scope): Promise<Position> {
      return toPosition(await getScoped(db, id, scope), clock());
    },

    async listPositions(query: ListPositionsQuery, scope: Scope) {
      let underPath: string | undefined;
      if (query.orgId) {
        const target = await findOrgById(db, query.orgId);
        if (!target || !isInScope(scope, target.path)) throw notFound('ENTITY_org');
        underPath = target.path;
      }
      const filter = { scope, underPath, type: query.type, status: query.status, facility: query.facility, q: query.q };
      const now = clock();
      if (query.openNow) {
        // "Open now" depends on each schedule: filter in memory over the (bounded) matching set.
        const { items } = await repo.listPositions(db, filter, { limit: 5000, offset: 0 });
        const wanted = query.openNow === 'true';
        const matching = items.map((r) => toPosition(r, now)).filter((p) => p.isOpenNow === wanted);
        const start = (query.page - 1) * query.pageSize;
        return { items: matching.slice(start, start + query.pageSize), total: matching.length, page: query.page, pageSize: query.pageSize };
      }
      const { items, total } = await repo.listPositions(db, filter, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return { items: items.map((r) => toPosition(r, now)), total, page: query.page, pageSize: query.pageSize };
    },

    async createPosition(input: CreatePosition, actor: PositionsActor): Promise<Position> {
      checkSchedule(input.schedule);
      return db.transaction(async (tx) => {
        await ownerIn(tx, input.orgId, actor.scope);
        const [lng, lat] = convertCoord([input.location.lng, input.location.lat], input.location.crs, 'wgs84');
        const row = await repo.insertPosition(tx, {
          code: input.code,
          name: input.name,
          type: input.type,
          orgId: input.orgId,
          address: input.address,
          lng: round6(lng),
          lat: round6(lat),
          is24h: input.schedule.is24h,
          weeklyHours: input.schedule.weekly,
          exceptions: input.schedule.exceptions,
          serves: input.serves,
          facilities: input.facilities,
          areaM2: input.areaM2 ?? null,
          buildMode: input.buildMode ?? null,
          partner: input.partner ?? null,
          investmentFen: input.investmentFen ?? null,
          operator: input.operator ?? null,
          contactPhone: input.contactPhone ?? null,
          status: input.status,
        });
        await recordAudit(tx, actor.audit, { action: 'position.create', entityType: 'position', entityId: row.id, orgId: row.orgId, after: snapshot(row) });
        return toPosition((await repo.findPosition(tx, row.id))!, clock());
      });
    },

    async updatePosition(id: string, input: UpdatePosition, actor: PositionsActor): Promise<Position> {
      checkSchedule(input.schedule);
      return db.transaction(async (tx) => {
        const current = await getScoped(tx, id, actor.scope);
        if (current.version !== input.version) throw new AppError('VERSION_CONFLICT', { params: { sent: input.version, current: current.version } });
        if (input.orgId && input.orgId !== current.orgId) await ownerIn(tx, input.orgId, actor.scope);
        const { version, location, schedule, ...rest } = input;
        const values: Partial<repo.PositionRow> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
        if (location) {
          const [lng, lat] = convertCoord([location.lng, location.lat], location.crs, 'wgs84');
          Object.assign(values, { lng: round6(lng), lat: round6(lat) });
        }
        if (schedule) Object.assign(values, { is24h: schedule.is24h, weeklyHours: schedule.weekly, exceptions: schedule.exceptions });
        if (input.status && input.status !== current.status) Object.assign(values, { statusChangedAt: clock() });
        const updated = await repo.updatePositionIfVersion(tx, id, version, values);
        if (!updated) throw new AppError('VERSION_CONFLICT', { params: { sent: version, current: current.version + 1 } });
        await recordAudit(tx, actor.audit, { action: 'position.update', entityType: 'position', entityId: id, orgId: updated.orgId, ...diffSnapshots(snapshot(current), snapshot(updated)) });
        return toPosition((await repo.findPosition(tx, id))!, clock());
      });
    },

    /**
     * The nearest open positions to a point, public. Candidates come in planar-degree order from
     * the GiST index, in growing pages, until the k-th by true (haversine) distance is no farther
     * than a lower bound on anything not yet read: a planar distance of D degrees is at least
     * D × 111 km × cos(latitude + D), since a degree of longitude is the shortest side. When a
     * stored street network covers the point, the 10 × limit nearest by straight line are measured
     * along the streets (snap legs included; one bounded search from the origin) and re-ranked
     * (estimated: false); one not reachable within 5 km, or without a network at all, gets the
     * straight line × 1.3 (estimated: true).
     */
    async nearest(query: NearestQuery) {
      const [lng, lat] = query.crs === 'gcj02' ? convertCoord([query.lng, query.lat], 'gcj02', 'wgs84') : [query.lng, query.lat];
      const now = clock();
      const wantOpen = query.openNow === 'true';
      const network = networks ? await networks.findCoveringGraph(lng, lat) : null;
      // With a network the street order can differ from the straight-line order: read 10 × limit.
      const wanted = network ? 10 * query.limit : query.limit;
      const found: { row: repo.PositionWithOrg; metres: number }[] = [];
      let offset = 0;
      for (let pageSize = Math.max(32, 2 * wanted); ; pageSize *= 2) {
        const rows = await repo.listByPlanarDistance(db, { lng, lat }, { type: query.type, statuses: ['open'], facility: query.facility }, { limit: pageSize, offset });
        offset += rows.length;
        for (const row of rows) {
          if (wantOpen && !isOpenAt(scheduleOf(row), now)) continue;
          found.push({ row, metres: haversineMetres(lng, lat, row.lng, row.lat) });
        }
        found.sort((a, b) => a.metres - b.metres);
        const last = rows[rows.length - 1];
        if (rows.length < pageSize || !last) break;
        const unreadAtLeast = last.planarDeg * 111_000 * Math.cos((Math.min(89, Math.abs(lat) + last.planarDeg) * Math.PI) / 180);
        const kth = found[wanted - 1];
        if (kth && kth.metres <= unreadAtLeast) break;
      }
      let ranked = found.slice(0, query.limit).map(({ row, metres }) => ({ row, walking: metres * STRAIGHT_LINE_DETOUR, estimated: true }));
      if (network && found.length) {
        // Rivers and hills make the straight-line order a poor guide: route a wide set of
        // candidates (one bounded search from the origin serves them all; snapping is microseconds).
        const candidates = found.slice(0, 10 * query.limit);
        const along = findWalkingDistances(network.graph, { lng, lat }, candidates.map(({ row }) => row));
        ranked = candidates
          .map(({ row, metres }, i) => {
            const walked = along[i];
            return walked == null ? { row, walking: metres * STRAIGHT_LINE_DETOUR, estimated: true } : { row, walking: walked, estimated: false };
          })
          .sort((a, b) => a.walking - b.walking)
          .slice(0, query.limit);
      }
      return {
        origin: { lng: round6(lng), lat: round6(lat) },
        items: ranked.map(({ row, walking, estimated }) => {
          const p = toPosition(row, now);
          return {
            position: {
              id: p.id,
              code: p.code,
              name: p.name,
              type: p.type,
              address: p.address,
              location: p.location,
              locationGcj02: p.locationGcj02,
              contactPhone: p.contactPhone,
              isOpenNow: p.isOpenNow,
              todayHours: p.todayHours,
              facilities: p.facilities,
              serves: p.serves,
            },
            distanceMeters: Math.round(walking),
            walkMinutes: Math.max(1, Math.round(walking / WALK_METRES_PER_MINUTE)),
            estimated,
          };
        }),
      };
    },
  };
}

export type PositionsService = ReturnType<typeof createPositionsService>;
