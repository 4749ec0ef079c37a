import type { GroupRegistrationResult, ListRegistrationsQuery, MyRegistration, OpenEvent, Page, Registration } from '@niangjia/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope } from '../../platform/auth';
import { uniqueViolationOf } from '../../platform/error-handler';
import { AppError, isAppError, notFound } from '../../platform/errors';
import { hasMessage, t } from '../../platform/i18n';
import { enqueueJob } from '../../platform/jobs';
import { findActiveMembershipOfUser, findPersonIdsOfUser } from '../members';
import { earnsCertificate } from './checkin.attendance';
import { checkEligibility, type Applicant } from './events.eligibility';
import { placeText, tellEvent } from './events.notify';
import * as repo from './events.repository';
import { eraseProfilesOfRegistrations } from './matchmaking.repository';
import { registrationStateError, scopeSql, versionConflict, type EventsDeps, type StaffCtx, type WorkerCtx } from './events.shared';
import { signTicket } from './events.ticket';
import { shanghaiText } from './events.time';

/** The job that moves an offer on when its hold runs out (one per offer, run at its expiry). */
export const OFFER_EXPIRY_JOB = 'events.offer_expire';

/** Thrown inside the place-taking savepoint to roll back what was taken when a counter is full. */
class FullSignal extends Error {
  constructor(readonly quotaId: string | null) {
    super('full');
  }
}

type Person = {
  membershipId: string | null;
  personId: string | null;
  userId: string | null;
  name: string;
  unionOrgId: string | null;
  unionPath: string | null;
  applicant: Applicant;
};

export function toRegistration(r: repo.RegistrationRecord): Registration {
  return {
    id: r.id,
    eventId: r.eventId,
    status: r.status as Registration['status'],
    name: r.name,
    union: r.unionOrgId ? { id: r.unionOrgId, name: r.unionName ?? '' } : null,
    group: (r.groupKey as Registration['group']) ?? null,
    source: r.source as Registration['source'],
    priority: r.priority,
    waitingPosition: r.waitingPosition,
    offerExpiresAt: r.status === 'offered' && r.offerExpiresAt ? r.offerExpiresAt.toISOString() : null,
    attendedAt: r.attendedAt?.toISOString() ?? null,
    attendedMinutes: r.attendedMinutes,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

function personOfFacts(f: repo.MemberFacts, userId: string | null): Person {
  return {
    membershipId: f.membershipId,
    personId: f.personId,
    userId,
    name: f.realName,
    unionOrgId: f.unionOrgId,
    unionPath: f.unionPath,
    applicant: { isMember: f.status === 'active', unionName: f.unionName, unionPath: f.unionPath, sex: f.sex, birthDate: f.birthDate, employmentForm: f.employmentForm },
  };
}

/** A refusal as text in the caller's language (a roster's per-member answers). */
function messageOf(e: AppError, lang: 'zh-CN' | 'en'): string {
  const params = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, typeof v === 'string' && hasMessage(v) ? t(lang, v) : v]));
  const detailKey = `${e.code}_DETAIL`;
  const detail = hasMessage(detailKey) ? t(lang, detailKey, params) : '';
  return [t(lang, e.code, params), detail].filter(Boolean).join(lang === 'en' ? ': ' : '：');
}

/**
 * Registration (报名), the waiting list and its offers. Every path that moves places locks the
 * event row first (then registrations, then quotas), so the counters, the waiting list and the
 * offers are consistent under concurrency and nothing deadlocks.
 */
export function createRegistrationsService({ db, secrets, clock }: EventsDeps) {
  /** Offers free places to the waiting list in order, holding each for the event's hold time. */
  async function offerFreedPlaces(tx: Db, event: repo.EventRecord): Promise<number> {
    const e = (await repo.findEvent(tx, event.id, true))!;
    // Once it has started a freed place is no use to anyone waiting (and would be an SMS each).
    if (e.status !== 'published' || clock() >= e.startsAt) return 0;
    let free = e.capacity - e.taken;
    if (free <= 0) return 0;
    const quotas = new Map((await repo.listQuotas(tx, [e.id])).map((q) => [q.id, q]));
    let offered = 0;
    for (const w of await repo.listWaiting(tx, e.id)) {
      if (free <= 0) break;
      if (
        w.quotaIds.some((id) => {
          const q = quotas.get(id);
          return q !== undefined && q.taken >= q.capacity;
        })
      )
        continue;
      const ids = w.quotaIds.filter((id) => quotas.has(id));
      const took = await tx
        .transaction(async (sp) => {
          const r = await repo.takePlace(sp, e.id, ids);
          if (!r.ok) throw new FullSignal(r.fullQuotaId);
          return true;
        })
        .catch((err: unknown) => {
          if (err instanceof FullSignal) return false;
          throw err;
        });
      if (!took) continue;
      const now = clock();
      const until = new Date(Math.min(now.getTime() + e.offerHoldMinutes * 60_000, e.startsAt.getTime()));
      await repo.setRegistrationStatus(tx, w.id, 'offered', now, { offerExpiresAt: until });
      await enqueueJob(tx, { kind: OFFER_EXPIRY_JOB, payload: { registrationId: w.id }, runAt: until, dedupeKey: `event.offer:${w.id}:${until.getTime()}`, orgId: e.orgId });
      await tellEvent(tx, { kind: 'offer', event: e, registrationId: w.id, until });
      for (const id of ids) quotas.get(id)!.taken++;
      free--;
      offered++;
    }
    return offered;
  }

  /** Judges and places one person: a place, the waiting list, or a refusal that says why. */
  /**
   * Takes a place (or a place on the waiting list) for a person; the caller holds the event lock.
   * A walk-in at the door (`source: 'door'`) comes after sign-up closed: it is judged by the same
   * eligibility and quotas, until the event ends.
   */
  type RegisterOpts = { source: 'self' | 'staff' | 'door'; registeredBy: string | null; waitlist: boolean };
  type Judged = { quotas: repo.QuotaRecord[]; quotaIds: string[] };

  /**
   * Whether `p` may take a place of `e` now: state, window, eligibility, quotas, not already
   * registered, no forbidden overlap. Reads only; a sign-up runs it before taking the event's lock
   * (the unique index on live registrations still refuses a duplicate that raced past it).
   */
  async function judge(db: Db, e: repo.EventRecord, p: Person, opts: RegisterOpts): Promise<Judged> {
    const now = clock();
    if (e.status !== 'published') throw new AppError('EVENT_NOT_OPEN', { status: 409 });
    if (opts.source === 'door') {
      if (now >= e.endsAt) throw new AppError('EVENT_SIGNUP_CLOSED', { status: 409, params: { at: shanghaiText(e.endsAt) } });
    } else {
      if (now < e.signupOpensAt) throw new AppError('EVENT_SIGNUP_NOT_STARTED', { status: 409, params: { at: shanghaiText(e.signupOpensAt) } });
      if (now >= e.signupClosesAt) throw new AppError('EVENT_SIGNUP_CLOSED', { status: 409, params: { at: shanghaiText(e.signupClosesAt) } });
    }
    const orgPaths = (await repo.findOrgs(db, e.eligibility.orgIds)).map((o) => o.path);
    const quotas = await repo.listQuotas(db, [e.id]);
    const quotaIds = checkEligibility(e.eligibility, orgPaths, p.applicant, e.startsAt, quotas);
    const who = { personId: p.personId, userId: p.userId };
    if (await repo.findLiveRegistration(db, e.id, who)) throw new AppError('EVENT_ALREADY_REGISTERED', { status: 409 });
    // A lapsed member signs up by their account only; the place they took as a member still counts.
    if (!p.personId && p.userId && (await repo.findLiveRegistrationsOf(db, [e.id], await findPersonIdsOfUser(db, p.userId), p.userId)).length) {
      throw new AppError('EVENT_ALREADY_REGISTERED', { status: 409 });
    }
    if (e.isOverlapForbidden) {
      const clash = await repo.findOverlap(db, e.id, who, e.startsAt, e.endsAt);
      if (clash) throw new AppError('EVENT_OVERLAP', { status: 409, params: { title: clash.title, at: shanghaiText(clash.startsAt) } });
    }
    return { quotas, quotaIds };
  }

  /** Takes a place (or joins the queue) for a judged sign-up; the caller holds the event's row lock. */
  async function commit(tx: Db, e: repo.EventRecord, p: Person, { quotas, quotaIds }: Judged, opts: RegisterOpts): Promise<repo.RegistrationRecord> {
    const now = clock();
    const values = {
      eventId: e.id,
      membershipId: p.membershipId,
      personId: p.personId,
      userId: p.userId,
      name: p.name,
      unionOrgId: p.unionOrgId,
      unionPath: p.unionPath,
      groupKey: p.applicant.sex,
      source: opts.source,
      quotaIds,
      registeredBy: opts.registeredBy,
    };
    // Without quotas the event's conditional update is the whole of taking a place; with them, a
    // savepoint gives back what was taken when a later counter is full.
    const placed = quotaIds.length
      ? await tx
          .transaction(async (sp) => {
            const r = await repo.takePlace(sp, e.id, quotaIds);
            if (!r.ok) throw new FullSignal(r.fullQuotaId);
            return r;
          })
          .catch((err: unknown) => {
            if (err instanceof FullSignal) return { ok: false as const, fullQuotaId: err.quotaId };
            throw err;
          })
      : await repo.takePlace(tx, e.id, []);
    if (!placed.ok && !opts.waitlist) {
      const q = quotas.find((x) => x.id === placed.fullQuotaId);
      if (q) throw new AppError('EVENT_QUOTA_FULL', { status: 409, params: { quota: q.unionName ?? `EVENT_GROUP_${q.groupKey}` } });
      throw new AppError('EVENT_FULL', { status: 409 });
    }
    let id: string;
    try {
      id = await repo.insertRegistration(tx, { ...values, status: placed.ok ? 'confirmed' : 'waiting' }, now);
    } catch (err) {
      // Two sign-ups of one person at once: the second met the unique index of live registrations.
      if (uniqueViolationOf(err)?.startsWith('event_registration_')) throw new AppError('EVENT_ALREADY_REGISTERED', { status: 409 });
      throw err;
    }
    const reg = (await repo.findRegistration(tx, id))!;
    if (reg.status === 'confirmed') await tellEvent(tx, { kind: 'confirmed', event: e, registrationId: id });
    else await tellEvent(tx, { kind: 'waiting', event: e, registrationId: id, position: reg.waitingPosition ?? 1 });
    return reg;
  }

  /** Judges and registers under the event's lock (staff rosters and walk-ins). */
  async function register(tx: Db, e: repo.EventRecord, p: Person, opts: RegisterOpts): Promise<repo.RegistrationRecord> {
    return commit(tx, e, p, await judge(tx, e, p, opts), opts);
  }

  /** The worker as an applicant: their active membership's facts, or only their account. */
  async function workerAsPerson(tx: Db, ctx: WorkerCtx): Promise<Person> {
    const m = await findActiveMembershipOfUser(tx, ctx.userId);
    if (m) {
      const [f] = await repo.findMemberFacts(tx, [m.membershipId]);
      if (f) return personOfFacts(f, ctx.userId);
    }
    return {
      membershipId: null,
      personId: null,
      userId: ctx.userId,
      name: ctx.displayName,
      unionOrgId: null,
      unionPath: null,
      applicant: { isMember: false, unionName: null, unionPath: null, sex: null, birthDate: null, employmentForm: null },
    };
  }

  /** A worker sees published (and cancelled) events open to everyone, and those of unions above their own. */
  const isVisibleTo = (e: repo.EventRecord, p: Person) => e.status !== 'draft' && (e.visibility === 'public' || (p.unionPath !== null && p.unionPath.startsWith(e.orgPath)));

  /** Frees a held place (cancel, decline, expiry) and offers it on; the caller holds the event lock. */
  async function giveBack(tx: Db, e: repo.EventRecord, r: repo.RegistrationRecord, status: 'cancelled' | 'expired', reason: string | null): Promise<void> {
    const held = r.status === 'confirmed' || r.status === 'offered';
    await repo.setRegistrationStatus(tx, r.id, status, clock(), { reason });
    // A leaver's matchmaking profile and picks go with the place.
    await eraseProfilesOfRegistrations(tx, [r.id]);
    if (held) {
      const quotaIds = (await repo.listQuotas(tx, [e.id])).filter((q) => r.quotaIds.includes(q.id)).map((q) => q.id);
      await repo.releasePlace(tx, e.id, quotaIds);
      await offerFreedPlaces(tx, e);
    }
  }

  /** A worker's own registration, with the event locked first; 404 for anyone else's. */
  async function lockMine(tx: Db, id: string, ctx: WorkerCtx): Promise<{ e: repo.EventRecord; r: repo.RegistrationRecord }> {
    const first = await repo.findRegistration(tx, id);
    if (!first) throw notFound('ENTITY_event_registration');
    const personIds = await findPersonIdsOfUser(tx, ctx.userId);
    const isMine = first.personId ? personIds.includes(first.personId) : first.userId === ctx.userId;
    if (!isMine) throw notFound('ENTITY_event_registration');
    const e = (await repo.findEvent(tx, first.eventId, true))!;
    const r = (await repo.findRegistration(tx, id, true))!;
    return { e, r };
  }

  async function openEventOf(e: repo.EventRecord, mine: repo.RegistrationRecord | undefined): Promise<OpenEvent> {
    return {
      id: e.id,
      type: e.type as OpenEvent['type'],
      title: e.title,
      description: e.description,
      orgName: e.orgName,
      place: { positionId: e.positionId, name: e.positionName, address: e.address, lng: e.lng, lat: e.lat },
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      signupOpensAt: e.signupOpensAt.toISOString(),
      signupClosesAt: e.signupClosesAt.toISOString(),
      feeFen: e.feeFen,
      capacity: e.capacity,
      placesLeft: Math.max(0, e.capacity - e.taken),
      waiting: e.waiting,
      status: e.status as OpenEvent['status'],
      coverPhotoId: e.coverPhotoId,
      mine: mine ? toRegistration(mine) : null,
    };
  }

  /** Moves an offer on when its hold has run out; nothing when it was accepted or declined meanwhile. */
  async function expireOffer(registrationId: string): Promise<boolean> {
    return db.transaction(async (tx) => {
      const first = await repo.findRegistration(tx, registrationId);
      if (!first || first.status !== 'offered') return false;
      const e = (await repo.findEvent(tx, first.eventId, true))!;
      const r = (await repo.findRegistration(tx, registrationId, true))!;
      if (r.status !== 'offered' || !r.offerExpiresAt || r.offerExpiresAt > clock()) return false;
      await giveBack(tx, e, r, 'expired', null);
      await tellEvent(tx, { kind: 'offer_expired', event: e, registrationId: r.id, until: r.offerExpiresAt });
      return true;
    });
  }

  return {
    offerFreedPlaces,
    expireOffer,

    /** A walk-in at check-in: the member takes a free place as at sign-up (no waiting list); the caller holds the event lock. */
    async registerAtDoor(tx: Db, e: repo.EventRecord, membershipId: string, staffUserId: string): Promise<repo.RegistrationRecord> {
      const [f] = await repo.findMemberFacts(tx, [membershipId]);
      if (!f) throw new AppError('EVENT_MEMBER_OUT_OF_SCOPE', { status: 404 });
      const [account] = [...(await repo.recipientOfPerson(tx, f.personId))];
      return register(tx, e, personOfFacts(f, account ?? null), { source: 'door', registeredBy: staffUserId, waitlist: false });
    },

    /**
     * The scheduled sweep: offers past their hold (a backstop for the per-offer jobs), free places
     * with someone waiting (one joined the list while a place was being freed, unseen by that
     * offer), and the day-before reminders.
     */
    async sweep(now: Date): Promise<{ expired: number; offered: number; reminded: number }> {
      let expired = 0;
      for (const id of await repo.listExpiredOffers(db, now)) if (await expireOffer(id)) expired++;
      let offered = 0;
      for (const id of await repo.listEventsToOffer(db, now)) {
        offered += await db.transaction(async (tx) => offerFreedPlaces(tx, (await repo.findEvent(tx, id, true))!));
      }
      const due = await repo.listDueReminders(db, now, new Date(now.getTime() + 24 * 3600_000));
      let reminded = 0;
      const byEvent = new Map<string, string[]>();
      for (const d of due) byEvent.set(d.eventId, [...(byEvent.get(d.eventId) ?? []), d.id]);
      for (const [eventId, ids] of byEvent) {
        await db.transaction(async (tx) => {
          const marked = await repo.markReminded(tx, ids, now);
          const e = (await repo.findEvent(tx, eventId))!;
          if (marked.length) await tellEvent(tx, { kind: 'reminder', event: e, registrationIds: marked });
          reminded += marked.length;
        });
      }
      return { expired, offered, reminded };
    },

    async signUp(eventId: string, input: { waitlist: boolean }, ctx: WorkerCtx): Promise<Registration> {
      // Who the worker is and whether they may join are read before the event's lock, so that a
      // popular opening serialises only the place-taking, not every sign-up's reads.
      const seen = await repo.findEvent(db, eventId);
      const p = await workerAsPerson(db, ctx);
      if (!seen || !isVisibleTo(seen, p)) throw notFound('ENTITY_event');
      const opts = { source: 'self' as const, registeredBy: ctx.userId, waitlist: input.waitlist };
      const judged = await judge(db, seen, p, opts);
      return db.transaction(async (tx) => {
        // The event row, as every path that moves places: a cancel, unpublish or edit in flight
        // finishes first; if one landed since the reads, the sign-up is judged again against it.
        const version = await repo.lockEvent(tx, eventId);
        if (version === seen.version) return toRegistration(await commit(tx, seen, p, judged, opts));
        const e = await repo.findEvent(tx, eventId);
        if (!e || !isVisibleTo(e, p)) throw notFound('ENTITY_event');
        return toRegistration(await register(tx, e, p, opts));
      });
    },

    /** Staff register a roster of their unions' members; each member is judged and answered on its own. */
    async registerGroup(
      eventId: string,
      input: { membershipIds: string[]; waitlist: boolean },
      ctx: StaffCtx,
      getVisible: (tx: Db, id: string, ctx: StaffCtx) => Promise<repo.EventRecord>,
    ): Promise<GroupRegistrationResult> {
      await getVisible(db, eventId, ctx);
      const facts = await repo.findMemberFacts(db, input.membershipIds);
      const items: GroupRegistrationResult['items'] = [];
      let registered = 0;
      for (const membershipId of [...new Set(input.membershipIds)]) {
        const f = facts.find((x) => x.membershipId === membershipId);
        try {
          if (!f || !isInScope(ctx.write, f.unionPath)) throw new AppError('EVENT_MEMBER_OUT_OF_SCOPE', { status: 404 });
          const reg = await db.transaction(async (tx) => {
            const e = (await repo.findEvent(tx, eventId, true))!;
            const [account] = [...(await repo.recipientOfPerson(tx, f.personId))];
            return register(tx, e, personOfFacts(f, account ?? null), { source: 'staff', registeredBy: ctx.userId, waitlist: input.waitlist });
          });
          registered++;
          items.push({ membershipId, registration: toRegistration(reg), error: null });
        } catch (err) {
          // Each member is its own transaction: an unexpected failure is reported on its row
          // (nothing of it was written) and the rest of the roster goes on.
          const error = isAppError(err) ? { code: err.code, message: messageOf(err, ctx.lang) } : { code: 'INTERNAL', message: t(ctx.lang, 'EVENT_ROSTER_ROW_FAILED') };
          items.push({ membershipId, registration: null, error });
        }
      }
      if (registered) {
        await db.transaction(async (tx) => {
          const e = (await repo.findEvent(tx, eventId))!;
          await recordAudit(tx, ctx.audit, { action: 'event.register_group', entityType: 'event', entityId: eventId, orgId: e.orgId, after: { registered, refused: items.length - registered } });
        });
      }
      return { items };
    },

    /** Who registered: the organiser sees everyone; staff elsewhere see their own subtree's members. */
    async listForEvent(eventId: string, q: ListRegistrationsQuery, ctx: StaffCtx, getVisible: (tx: Db, id: string, ctx: StaffCtx) => Promise<repo.EventRecord>): Promise<Page<Registration>> {
      const e = await getVisible(db, eventId, ctx);
      const where: SQL[] = [sql`r.event_id = ${eventId}`];
      if (!isInScope(ctx.read, e.orgPath)) where.push(scopeSql(ctx.read, sql`r.union_path`));
      if (q.orgId) where.push(sql`r.union_path like (select path from org where id = ${q.orgId}) || '%'`);
      if (q.status) where.push(sql`r.status = ${q.status}`);
      const { items, total } = await repo.listRegistrations(db, sql.join(where, sql` and `), q.pageSize, (q.page - 1) * q.pageSize);
      return { items: items.map(toRegistration), total, page: q.page, pageSize: q.pageSize };
    },

    /** Staff move someone up or down the waiting list; the reason is kept in the audit log. */
    async changePriority(eventId: string, registrationId: string, input: { version: number; priority: number; reason: string }, ctx: StaffCtx): Promise<Registration> {
      return db.transaction(async (tx) => {
        const e = await repo.findEvent(tx, eventId, true);
        if (!e || !isInScope(ctx.write, e.orgPath)) throw notFound('ENTITY_event');
        const r = await repo.findRegistration(tx, registrationId, true);
        if (!r || r.eventId !== eventId) throw notFound('ENTITY_event_registration');
        if (r.status !== 'waiting') throw registrationStateError(r.status);
        if (r.version !== input.version) throw versionConflict(input.version, r.version);
        await repo.setPriority(tx, r.id, r.version, input.priority, clock());
        await recordAudit(tx, ctx.audit, {
          action: 'event.registration_priority',
          entityType: 'event_registration',
          entityId: r.id,
          orgId: e.orgId,
          before: { priority: r.priority, position: r.waitingPosition },
          after: { priority: input.priority, reason: input.reason },
        });
        // A higher priority may now fit a place nobody ahead could take.
        await offerFreedPlaces(tx, e);
        return toRegistration((await repo.findRegistration(tx, r.id))!);
      });
    },

    /** Staff cancel one registration (the organiser, or the member's own union); the person is told. */
    async staffCancel(eventId: string, registrationId: string, input: { version: number; reason: string }, ctx: StaffCtx): Promise<Registration> {
      return db.transaction(async (tx) => {
        const e = await repo.findEvent(tx, eventId, true);
        const r = e ? await repo.findRegistration(tx, registrationId, true) : undefined;
        const mayAct = (x: repo.EventRecord, y: repo.RegistrationRecord) => isInScope(ctx.write, x.orgPath) || (y.unionPath !== null && isInScope(ctx.write, y.unionPath));
        if (!e || !r || r.eventId !== eventId || !mayAct(e, r)) throw notFound('ENTITY_event_registration');
        if (!['confirmed', 'waiting', 'offered'].includes(r.status)) throw registrationStateError(r.status);
        if (r.version !== input.version) throw versionConflict(input.version, r.version);
        await giveBack(tx, e, r, 'cancelled', input.reason);
        await recordAudit(tx, ctx.audit, {
          action: 'event.registration_cancel',
          entityType: 'event_registration',
          entityId: r.id,
          orgId: e.orgId,
          before: { status: r.status, name: r.name },
          after: { reason: input.reason },
        });
        await tellEvent(tx, { kind: 'registration_cancelled', event: e, registrationId: r.id, reason: input.reason });
        return toRegistration((await repo.findRegistration(tx, r.id))!);
      });
    },

    async cancelMine(id: string, ctx: WorkerCtx): Promise<Registration> {
      return db.transaction(async (tx) => {
        const { e, r } = await lockMine(tx, id, ctx);
        if (!['confirmed', 'waiting', 'offered'].includes(r.status)) throw registrationStateError(r.status);
        await giveBack(tx, e, r, 'cancelled', null);
        return toRegistration((await repo.findRegistration(tx, id))!);
      });
    },

    /** Takes an offered place in time; a late answer finds it moved on (and says so). */
    async accept(id: string, ctx: WorkerCtx): Promise<Registration> {
      const outcome = await db.transaction(async (tx) => {
        const { e, r } = await lockMine(tx, id, ctx);
        if (r.status !== 'offered') throw registrationStateError(r.status);
        if (r.offerExpiresAt && r.offerExpiresAt <= clock()) {
          await giveBack(tx, e, r, 'expired', null);
          return { expiredAt: r.offerExpiresAt };
        }
        await repo.setRegistrationStatus(tx, id, 'confirmed', clock());
        await tellEvent(tx, { kind: 'confirmed', event: e, registrationId: id });
        return { registration: toRegistration((await repo.findRegistration(tx, id))!) };
      });
      if (outcome.expiredAt) throw new AppError('EVENT_OFFER_EXPIRED', { status: 409, params: { at: shanghaiText(outcome.expiredAt) } });
      return outcome.registration;
    },

    async openEvents(q: { page: number; pageSize: number }, ctx: WorkerCtx): Promise<Page<OpenEvent>> {
      const p = await workerAsPerson(db, ctx);
      const visible = p.unionPath ? sql`(e.visibility = 'public' or ${p.unionPath} like o.path || '%')` : sql`e.visibility = 'public'`;
      const where = sql`e.status = 'published' and e.ends_at > ${clock().toISOString()} and ${visible}`;
      const { items, total } = await repo.listEvents(db, where, q.pageSize, (q.page - 1) * q.pageSize, 'soonest');
      const personIds = p.personId ? [p.personId] : [];
      const mine = await repo.findLiveRegistrationsOf(
        db,
        items.map((e) => e.id),
        personIds,
        ctx.userId,
      );
      return {
        items: await Promise.all(
          items.map((e) =>
            openEventOf(
              e,
              mine.find((r) => r.eventId === e.id),
            ),
          ),
        ),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async openEvent(id: string, ctx: WorkerCtx): Promise<OpenEvent> {
      const p = await workerAsPerson(db, ctx);
      const e = await repo.findEvent(db, id);
      if (!e || !isVisibleTo(e, p)) throw notFound('ENTITY_event');
      const [mine] = await repo.findLiveRegistrationsOf(db, [id], p.personId ? [p.personId] : [], ctx.userId);
      return openEventOf(e, mine);
    },

    /** The worker's registrations with a signed QR ticket for each place they hold. */
    async myRegistrations(ctx: WorkerCtx): Promise<{ items: MyRegistration[] }> {
      const personIds = await findPersonIdsOfUser(db, ctx.userId);
      const regs = await repo.listMine(db, personIds, ctx.userId);
      const events = await repo.findEvents(db, [...new Set(regs.map((r) => r.eventId))]);
      return {
        items: regs.map((r) => {
          const e = events.find((x) => x.id === r.eventId)!;
          return {
            ...toRegistration(r),
            event: {
              id: e.id,
              title: e.title,
              type: e.type as MyRegistration['event']['type'],
              startsAt: e.startsAt.toISOString(),
              endsAt: e.endsAt.toISOString(),
              status: e.status as MyRegistration['event']['status'],
              placeText: placeText(e) || null,
            },
            ticket: r.status === 'confirmed' && e.status === 'published' ? signTicket(secrets.key, r.id) : null,
            hasCertificate: earnsCertificate(e, r),
          };
        }),
      };
    },
  };
}

export type RegistrationsService = ReturnType<typeof createRegistrationsService>;
