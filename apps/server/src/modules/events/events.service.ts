import { randomUUID } from 'node:crypto';
import type { CreateEvent, CreateEventSeries, EventView, ListEventsQuery, Page, QuotaInput, UpdateEvent } from '@niangjia/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import { assertOwnPhotos, loadPhoto } from '../stars';
import { tellEvent } from './events.notify';
import { addShanghaiMonths } from './events.time';
import * as repo from './events.repository';
import { eraseProfilesOfRegistrations } from './matchmaking.repository';
import { isRelated, relatedSql, stateError, versionConflict, type EventsDeps, type StaffCtx } from './events.shared';
import type { RegistrationsService } from './registrations.service';

/**
 * An event as staff see it. A viewer below the organiser (a street's staff looking at the
 * district's event) sees the quotas and eligibility unions of their own part of the tree and
 * above, not their sibling streets' (nothing of another subtree is named to them).
 */
export function toEventView(e: repo.EventRecord, quotas: repo.QuotaRecord[], scope: Scope = 'all', orgPaths: ReadonlyMap<string, string> = new Map()): EventView {
  const shown = (path: string | null | undefined) => path === null || path === undefined || isRelated(scope, path);
  return {
    id: e.id,
    org: { id: e.orgId, name: e.orgName },
    seriesId: e.seriesId,
    type: e.type as EventView['type'],
    title: e.title,
    description: e.description,
    visibility: e.visibility as EventView['visibility'],
    position: e.positionId ? { id: e.positionId, name: e.positionName ?? '' } : null,
    address: e.address,
    lng: e.lng,
    lat: e.lat,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    signupOpensAt: e.signupOpensAt.toISOString(),
    signupClosesAt: e.signupClosesAt.toISOString(),
    feeFen: e.feeFen,
    eligibility: { ...e.eligibility, orgIds: e.eligibility.orgIds.filter((id) => shown(orgPaths.get(id))) },
    capacity: e.capacity,
    taken: e.taken,
    waiting: e.waiting,
    quotas: quotas
      .filter((q) => shown(q.unionPath))
      .map((q) => ({
        id: q.id,
        kind: q.kind,
        org: q.unionOrgId ? { id: q.unionOrgId, name: q.unionName ?? '' } : null,
        group: (q.groupKey as 'male' | 'female' | null) ?? null,
        capacity: q.capacity,
        taken: q.taken,
      })),
    offerHoldMinutes: e.offerHoldMinutes,
    isOverlapForbidden: e.isOverlapForbidden,
    minAttendanceMinutes: e.minAttendanceMinutes,
    coverPhotoId: e.coverPhotoId,
    attended: e.attended,
    status: e.status as EventView['status'],
    cancelledReason: e.cancelledReason,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

type EventInput = Omit<CreateEvent, 'orgId'>;

async function eligibilityPaths(db: Db, events: readonly repo.EventRecord[]): Promise<Map<string, string>> {
  const orgs = await repo.findOrgs(db, [...new Set(events.flatMap((e) => e.eligibility.orgIds))]);
  return new Map(orgs.map((o) => [o.id, o.path]));
}

/** Events (文体活动) as staff run them: create, edit, series, publish/unpublish, cancel. */
export function createEventsService({ db, clock }: EventsDeps, registrations: Pick<RegistrationsService, 'offerFreedPlaces'>) {
  async function view(tx: Db, id: string): Promise<EventView> {
    const e = (await repo.findEvent(tx, id))!;
    return toEventView(e, await repo.listQuotas(tx, [id]));
  }

  /** Checks an event's fields; returns the values to store and the quotas with their unions' paths. */
  async function validate(tx: Db, orgPath: string, input: EventInput, ctx: StaffCtx, keptCover: string | null = null) {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const opens = new Date(input.signupOpensAt);
    const closes = new Date(input.signupClosesAt);
    if (endsAt <= startsAt) throw fieldError('endsAt', 'EVENT_TIMES_ORDER');
    if (closes <= opens || closes > endsAt) throw fieldError('signupClosesAt', 'EVENT_SIGNUP_WINDOW');
    let position: Awaited<ReturnType<typeof repo.findPosition>>;
    if (input.positionId) {
      position = await repo.findPosition(tx, input.positionId);
      // A position of the staff member's own subtree or of the unions above it (a district's
      // activity centre for a street's event); never another district's.
      if (!position || !isRelated(ctx.read, position.orgPath)) throw fieldError('positionId', 'EVENT_POSITION_UNKNOWN');
    } else if (!input.address) throw fieldError('address', 'EVENT_PLACE_REQUIRED');
    const el = input.eligibility;
    if (el.minAge !== null && el.maxAge !== null && el.minAge > el.maxAge) throw fieldError('eligibility.minAge', 'EVENT_AGE_RANGE');
    const eligibilityOrgs = await repo.findOrgs(tx, el.orgIds);
    el.orgIds.forEach((id, i) => {
      if (!eligibilityOrgs.some((o) => o.id === id)) throw fieldError(`eligibility.orgIds.${i}`, 'EVENT_ORG_UNKNOWN');
    });
    const quotaOrgs = await repo.findOrgs(
      tx,
      input.quotas.flatMap((q) => (q.kind === 'union' ? [q.orgId] : [])),
    );
    const seen = new Set<string>();
    const quotas = input.quotas.map((q: QuotaInput, i) => {
      const key = q.kind === 'union' ? `u:${q.orgId}` : `g:${q.group}`;
      if (seen.has(key)) throw fieldError(`quotas.${i}`, 'EVENT_QUOTA_DUPLICATE');
      seen.add(key);
      if (q.capacity > input.capacity) throw fieldError(`quotas.${i}.capacity`, 'EVENT_QUOTA_OVER_CAPACITY', { kind: q.kind, sum: q.capacity, capacity: input.capacity });
      if (q.kind === 'group') return { key, kind: 'group', unionOrgId: null, unionPath: null, groupKey: q.group, capacity: q.capacity };
      const o = quotaOrgs.find((x) => x.id === q.orgId);
      if (!o) throw fieldError(`quotas.${i}.orgId`, 'EVENT_ORG_UNKNOWN');
      if (!o.path.startsWith(orgPath)) throw fieldError(`quotas.${i}.orgId`, 'EVENT_QUOTA_UNION_OUTSIDE');
      return { key, kind: 'union', unionOrgId: o.id, unionPath: o.path, groupKey: null, capacity: q.capacity };
    });
    const values: Omit<repo.EventValues, 'orgId' | 'seriesId'> = {
      type: input.type,
      title: input.title,
      description: input.description,
      visibility: input.visibility,
      positionId: position?.id ?? null,
      address: input.address ?? null,
      // A position's own point unless the organiser gave one.
      lng: input.lng ?? position?.lng ?? null,
      lat: input.lat ?? position?.lat ?? null,
      startsAt,
      endsAt,
      signupOpensAt: opens,
      signupClosesAt: closes,
      feeFen: input.feeFen,
      eligibility: el,
      capacity: input.capacity,
      offerHoldMinutes: input.offerHoldMinutes,
      isOverlapForbidden: input.isOverlapForbidden,
      minAttendanceMinutes: input.minAttendanceMinutes,
      // A new cover must be the editor's own upload (a guessed id would publish another's photo); a kept one stays.
      coverPhotoId: input.coverPhotoId === null || input.coverPhotoId === keptCover ? input.coverPhotoId : (await assertOwnPhotos(tx, [input.coverPhotoId], ctx.userId, 'coverPhotoId'))[0]!,
    };
    return { values, quotas };
  }

  async function orgInWriteScope(tx: Db, orgId: string, ctx: StaffCtx) {
    const [o] = await repo.findOrgs(tx, [orgId]);
    if (!o || !isInScope(ctx.write, o.path)) throw notFound('ENTITY_org');
    return o;
  }

  async function insertOne(tx: Db, orgId: string, orgPath: string, input: EventInput, seriesId: string | null, ctx: StaffCtx): Promise<string> {
    const { values, quotas } = await validate(tx, orgPath, input, ctx);
    const id = await repo.insertEvent(tx, { ...values, orgId, seriesId }, ctx.userId, clock());
    for (const q of quotas) await repo.insertQuota(tx, id, q);
    await recordAudit(tx, ctx.audit, {
      action: 'event.create',
      entityType: 'event',
      entityId: id,
      orgId,
      after: { title: input.title, type: input.type, startsAt: input.startsAt, capacity: input.capacity, quotas: input.quotas, seriesId },
    });
    return id;
  }

  /** The event, when the caller may see it (in their scope or above it); else 404. */
  async function getVisible(tx: Db, id: string, ctx: StaffCtx, lock = false): Promise<repo.EventRecord> {
    const e = await repo.findEvent(tx, id, lock);
    if (!e || !(ctx.read === 'all' || ctx.read.some((p) => e.orgPath.startsWith(p) || p.startsWith(e.orgPath)))) throw notFound('ENTITY_event');
    return e;
  }

  /** The event, when the caller runs it (its org is in their write scope); else 404. */
  async function getWritable(tx: Db, id: string, ctx: StaffCtx): Promise<repo.EventRecord> {
    const e = await repo.findEvent(tx, id, true);
    if (!e || !isInScope(ctx.write, e.orgPath)) throw notFound('ENTITY_event');
    return e;
  }

  return {
    getVisible,

    async list(q: ListEventsQuery, ctx: StaffCtx): Promise<Page<EventView>> {
      const where: SQL[] = [relatedSql(ctx.read, sql`o.path`)];
      if (q.orgId) where.push(sql`o.path like (select path from org where id = ${q.orgId}) || '%'`);
      if (q.status) where.push(sql`e.status = ${q.status}`);
      if (q.type) where.push(sql`e.type = ${q.type}`);
      // The period is in days of Asia/Shanghai.
      if (q.from) where.push(sql`e.starts_at >= (${q.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
      if (q.to) where.push(sql`e.starts_at < (${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
      if (q.q) where.push(sql`e.title ilike ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
      const { items, total } = await repo.listEvents(db, sql.join(where, sql` and `), q.pageSize, (q.page - 1) * q.pageSize);
      const quotas = await repo.listQuotas(
        db,
        items.map((e) => e.id),
      );
      const paths = await eligibilityPaths(db, items);
      return {
        items: items.map((e) =>
          toEventView(
            e,
            quotas.filter((x) => x.eventId === e.id),
            ctx.read,
            paths,
          ),
        ),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** A cover's bytes; the caller has shown that the viewer may see its event. */
    async cover(photoId: string | null) {
      const photo = photoId ? await loadPhoto(db, photoId) : undefined;
      if (!photo) throw notFound('ENTITY_photo');
      return photo;
    },

    async get(id: string, ctx: StaffCtx): Promise<EventView> {
      const e = await getVisible(db, id, ctx);
      return toEventView(e, await repo.listQuotas(db, [id]), ctx.read, await eligibilityPaths(db, [e]));
    },

    async create(input: CreateEvent, ctx: StaffCtx): Promise<EventView> {
      return db.transaction(async (tx) => {
        const o = await orgInWriteScope(tx, input.orgId, ctx);
        const id = await insertOne(tx, o.id, o.path, input, null, ctx);
        return view(tx, id);
      });
    },

    /** A series: the template's event and `count − 1` more, each `everyMonths` later (all times moved alike). */
    async createSeries(input: CreateEventSeries, ctx: StaffCtx): Promise<{ items: EventView[] }> {
      return db.transaction(async (tx) => {
        const o = await orgInWriteScope(tx, input.template.orgId, ctx);
        const seriesId = randomUUID();
        const ids: string[] = [];
        for (let i = 0; i < input.count; i++) {
          const m = i * input.everyMonths;
          const t = input.template;
          ids.push(
            await insertOne(
              tx,
              o.id,
              o.path,
              { ...t, startsAt: addShanghaiMonths(t.startsAt, m), endsAt: addShanghaiMonths(t.endsAt, m), signupOpensAt: addShanghaiMonths(t.signupOpensAt, m), signupClosesAt: addShanghaiMonths(t.signupClosesAt, m) },
              seriesId,
              ctx,
            ),
          );
        }
        // One after another: a transaction's client runs one query at a time.
        const items: EventView[] = [];
        for (const id of ids) items.push(await view(tx, id));
        return { items };
      });
    },

    async update(id: string, input: UpdateEvent, ctx: StaffCtx): Promise<EventView> {
      return db.transaction(async (tx) => {
        const e = await getWritable(tx, id, ctx);
        if (e.version !== input.version) throw versionConflict(input.version, e.version);
        if (e.status === 'cancelled') throw stateError(e.status);
        const { values, quotas } = await validate(tx, e.orgPath, input, ctx, e.coverPhotoId);
        if (values.capacity < e.taken) throw fieldError('capacity', 'EVENT_CAPACITY_BELOW_TAKEN', { taken: e.taken });
        const existing = await repo.listQuotas(tx, [id]);
        const keyOf = (q: { kind: string; unionOrgId: string | null; groupKey: string | null }) => (q.kind === 'union' ? `u:${q.unionOrgId}` : `g:${q.groupKey}`);
        const kept = new Set(quotas.map((q) => q.key));
        const isSameSet = existing.length === quotas.length && existing.every((q) => kept.has(keyOf(q)));
        if (!isSameSet && e.taken > 0) throw fieldError('quotas', 'EVENT_QUOTAS_LOCKED');
        await repo.updateEvent(tx, id, e.version, values, clock());
        for (const q of existing) {
          const next = quotas.find((n) => n.key === keyOf(q));
          if (!next) await repo.deleteQuota(tx, q.id);
          else if (next.capacity !== q.capacity) {
            if (next.capacity < q.taken) throw fieldError(`quotas.${quotas.indexOf(next)}.capacity`, 'EVENT_QUOTA_BELOW_TAKEN', { taken: q.taken });
            await repo.setQuotaCapacity(tx, q.id, next.capacity);
          }
        }
        for (const q of quotas.filter((n) => !existing.some((x) => keyOf(x) === n.key))) await repo.insertQuota(tx, id, q);
        await recordAudit(tx, ctx.audit, {
          action: 'event.update',
          entityType: 'event',
          entityId: id,
          orgId: e.orgId,
          before: { title: e.title, startsAt: e.startsAt.toISOString(), endsAt: e.endsAt.toISOString(), capacity: e.capacity, place: e.positionId ?? e.address },
          after: { title: values.title, startsAt: input.startsAt, endsAt: input.endsAt, capacity: values.capacity, place: values.positionId ?? values.address },
        });
        const after = (await repo.findEvent(tx, id))!;
        if (e.status === 'published') {
          // More places (or bigger quotas) go to the waiting list first.
          await registrations.offerFreedPlaces(tx, after);
          const isMoved = e.startsAt.getTime() !== after.startsAt.getTime() || e.endsAt.getTime() !== after.endsAt.getTime() || e.positionId !== after.positionId || e.address !== after.address;
          if (isMoved) {
            const live = await repo.listLiveRegistrationIds(tx, id);
            await tellEvent(tx, { kind: 'changed', event: after, registrationIds: live.map((r) => r.id) });
          }
        }
        return view(tx, id);
      });
    },

    async publish(id: string, version: number, ctx: StaffCtx): Promise<EventView> {
      return db.transaction(async (tx) => {
        const e = await getWritable(tx, id, ctx);
        if (e.version !== version) throw versionConflict(version, e.version);
        if (e.status !== 'draft') throw stateError(e.status);
        await repo.setEventStatus(tx, id, version, 'published', clock(), { publishedAt: clock() });
        await recordAudit(tx, ctx.audit, { action: 'event.publish', entityType: 'event', entityId: id, orgId: e.orgId });
        return view(tx, id);
      });
    },

    async unpublish(id: string, version: number, ctx: StaffCtx): Promise<EventView> {
      return db.transaction(async (tx) => {
        const e = await getWritable(tx, id, ctx);
        if (e.version !== version) throw versionConflict(version, e.version);
        if (e.status !== 'published') throw stateError(e.status);
        if (e.taken > 0 || e.waiting > 0) throw new AppError('EVENT_HAS_REGISTRATIONS', { status: 409 });
        await repo.setEventStatus(tx, id, version, 'draft', clock());
        await recordAudit(tx, ctx.audit, { action: 'event.unpublish', entityType: 'event', entityId: id, orgId: e.orgId });
        return view(tx, id);
      });
    },

    /** Cancels the event and every registration; everyone registered or waiting is told (SMS too). */
    async cancel(id: string, input: { version: number; reason: string }, ctx: StaffCtx): Promise<EventView> {
      return db.transaction(async (tx) => {
        const e = await getWritable(tx, id, ctx);
        if (e.version !== input.version) throw versionConflict(input.version, e.version);
        if (e.status === 'cancelled') throw stateError(e.status);
        // What happened stays on record: its attendance counts in the figures.
        if (e.endsAt <= clock()) throw new AppError('EVENT_ENDED', { status: 409 });
        const live = await repo.listLiveRegistrationIds(tx, id);
        await repo.setEventStatus(tx, id, input.version, 'cancelled', clock(), { cancelledReason: input.reason });
        await repo.cancelAllLive(tx, id, input.reason, clock());
        await eraseProfilesOfRegistrations(
          tx,
          live.map((r) => r.id),
        );
        await recordAudit(tx, ctx.audit, {
          action: 'event.cancel',
          entityType: 'event',
          entityId: id,
          orgId: e.orgId,
          before: { status: e.status, taken: e.taken, waiting: e.waiting },
          after: { reason: input.reason },
        });
        await tellEvent(tx, { kind: 'cancelled', event: e, registrationIds: live.map((r) => r.id), reason: input.reason });
        return view(tx, id);
      });
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
