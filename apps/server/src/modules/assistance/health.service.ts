import type { CreateHealthHospital, CreateHealthSlot, HealthBooking, HealthBookingStatus, HealthHospital, HealthSlot, OpenHealthCampaign, Page, UpdateHealthHospital, UpdateHealthSlot } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, isRelated, type Scope } from '../../platform/auth';
import { uniqueViolationOf } from '../../platform/error-handler';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { addDays, shanghaiDateOf, shanghaiStartOf } from '../../platform/holidays/dates';
import { notify } from '../../platform/notifications';
import { fieldError } from '../../platform/validation';
import { hasActiveHonour } from '../honours';
import { findActiveMembershipOfUser, findPersonIdsOfUser } from '../members';
import { convertCoord } from '../positions';
import { ageOn, failedRules } from './campaign.eligibility';
import * as campaigns from './campaign.repository';
import * as repo from './health.repository';
import { iso, isoOrNull } from './mutualaid.repository';
import './health.errors';

export type HealthStaff = { userId: string; displayName: string; scope: Scope; audit: AuditContext };
export type HealthWorker = { userId: string; audit: AuditContext };

const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 两癌筛查 (women's cervical and breast cancer screening, the ACFTU/全国妇联 programme): women
 * aged 35–64, the age taken on the day of the slot (Asia/Shanghai).
 */
export function isTwoCancerEligible(facts: { sex: 'male' | 'female'; birthDate: string }, slotStart: Date): boolean {
  const age = ageOn(facts.birthDate, shanghaiDay(slotStart));
  return facts.sex === 'female' && age >= 35 && age <= 64;
}

/** What staff may mark a booking as, from where it is (a wrong mark can be put right). */
const MARKS_FROM: Record<'attended' | 'no_show', readonly HealthBookingStatus[]> = { attended: ['booked', 'no_show'], no_show: ['booked', 'attended'] };

export function createHealthService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  /** A campaign of kind health: managed (write) by its owner's subtree and above, read by any related scope. */
  async function healthCampaign(tx: Db, id: string, scope: Scope, write: boolean) {
    const c = await campaigns.findCampaign(tx, id);
    if (!c || !(write ? isInScope(scope, c.org_path) : isRelated(scope, c.org_path))) throw notFound('ENTITY_campaign');
    if (c.kind !== 'health') throw new AppError('HEALTH_NOT_HEALTH_CAMPAIGN', { status: 409 });
    return c;
  }

  async function hospitalInScope(tx: Db, id: string, scope: Scope) {
    const h = await repo.findHospital(tx, id);
    if (!h) throw notFound('ENTITY_health_hospital');
    const c = await campaigns.findCampaign(tx, h.campaign_id);
    if (!c || !isInScope(scope, c.org_path)) throw notFound('ENTITY_health_hospital');
    return { h, c };
  }

  async function slotInScope(tx: Db, id: string, scope: Scope, lock = false) {
    const s = await repo.findSlot(tx, id, lock);
    if (!s) throw notFound('ENTITY_health_slot');
    const c = await campaigns.findCampaign(tx, s.campaign_id);
    if (!c || !isInScope(scope, c.org_path)) throw notFound('ENTITY_health_slot');
    return { s, c };
  }

  const toHospital = (h: repo.HospitalRow): HealthHospital => ({ id: h.id, campaignId: h.campaign_id, name: h.name, address: h.address, lng: h.lng, lat: h.lat, phone: h.phone, slots: h.slots, version: h.version });
  const toSlot = (s: repo.SlotRow): HealthSlot => ({
    id: s.id,
    hospitalId: s.hospital_id,
    hospitalName: s.hospital_name,
    campaignId: s.campaign_id,
    startsAt: iso(s.starts_at),
    endsAt: iso(s.ends_at),
    capacity: s.capacity,
    booked: s.booked,
    attended: s.attended,
    isTwoCancer: s.is_two_cancer,
    version: s.version,
  });
  const toBooking = (b: repo.BookingRow): HealthBooking => ({
    id: b.id,
    slotId: b.slot_id,
    campaignId: b.campaign_id,
    campaignName: b.campaign_name,
    hospitalName: b.hospital_name,
    hospitalAddress: b.hospital_address,
    startsAt: iso(b.starts_at),
    endsAt: iso(b.ends_at),
    isTwoCancer: b.is_two_cancer,
    personName: b.person_name,
    orgName: b.org_name,
    status: b.status,
    markedAt: isoOrNull(b.marked_at),
    createdAt: iso(b.created_at),
    version: b.version,
  });

  function hospitalValues(input: CreateHealthHospital) {
    const point = input.location ? convertCoord([input.location.lng, input.location.lat], input.location.crs, 'wgs84') : null;
    return { name: input.name, address: input.address, lng: point?.[0] ?? null, lat: point?.[1] ?? null, phone: input.phone || null };
  }

  /** A slot lies within the campaign's days (Asia/Shanghai) and ends after it starts. */
  function slotValues(input: CreateHealthSlot, c: campaigns.CampaignRow) {
    const starts = new Date(input.startsAt);
    const ends = new Date(input.endsAt);
    if (ends <= starts) throw fieldError('endsAt', 'HEALTH_SLOT_TIME');
    if (shanghaiDay(starts) < c.starts_on || shanghaiDay(ends) > c.ends_on) throw fieldError('startsAt', 'HEALTH_SLOT_OUTSIDE_CAMPAIGN');
    return { startsAt: starts.toISOString(), endsAt: ends.toISOString(), capacity: input.capacity, isTwoCancer: input.isTwoCancer };
  }

  /** The worker's member identity and facts as the campaign rules read them; null when not an active member. */
  async function memberFacts(tx: Db, userId: string) {
    const m = await findActiveMembershipOfUser(tx, userId);
    return m ? ((await campaigns.findActiveMember(tx, m.membershipId)) ?? null) : null;
  }

  /** The campaign's stored rules (campaign.eligibility.ts), and the member's union under the campaign's owner. */
  async function failedOf(tx: Db, c: { org_path?: string; starts_on: string; eligibility: campaigns.CampaignRow['eligibility'] }, m: campaigns.MemberRow, ownerPath: string) {
    const subtreePaths = c.eligibility.orgSubtreeIds ? (await campaigns.orgsOnPath(tx, c.eligibility.orgSubtreeIds.map((o) => `/${o}/`).join(''))).map((o) => o.path) : [];
    const failed: string[] = failedRules(
      c.eligibility,
      { birthDate: m.birth_date, sex: m.sex, employmentForm: m.employment_form, industry: m.industry, orgPath: m.org_path, hardshipTier: m.hardship_tier, isModelWorker: !!c.eligibility.modelWorker && (await hasActiveHonour(tx, m.person_id)) },
      { onDay: c.starts_on, orgSubtreePaths: subtreePaths },
    );
    if (!m.org_path.startsWith(ownerPath)) failed.push('orgSubtree');
    return failed;
  }

  async function writeAudit(tx: Db, actor: { audit: AuditContext }, action: string, entityType: string, entityId: string, orgId: string, after?: Record<string, unknown>) {
    await recordAudit(tx, actor.audit, { action, entityType, entityId, orgId, ...(after ? { after } : {}) });
  }

  return {
    // ---- staff: hospitals and slots of a health campaign ----
    async listHospitals(campaignId: string, scope: Scope): Promise<HealthHospital[]> {
      await healthCampaign(db, campaignId, scope, false);
      return (await repo.listHospitals(db, campaignId)).map(toHospital);
    },

    async createHospital(campaignId: string, input: CreateHealthHospital, actor: HealthStaff): Promise<HealthHospital> {
      const id = await db.transaction(async (tx) => {
        const c = await healthCampaign(tx, campaignId, actor.scope, true);
        const values = hospitalValues(input);
        const hid = await repo.insertHospital(tx, c.id, c.org_id, values);
        await writeAudit(tx, actor, 'health_hospital.create', 'health_hospital', hid, c.org_id, { campaignId: c.id, name: values.name });
        return hid;
      });
      return toHospital((await repo.findHospital(db, id))!);
    },

    async updateHospital(id: string, input: UpdateHealthHospital, actor: HealthStaff): Promise<HealthHospital> {
      await db.transaction(async (tx) => {
        const { h } = await hospitalInScope(tx, id, actor.scope);
        if (h.version !== input.version) throw versionConflict(input.version, h.version);
        const values = hospitalValues(input);
        if (!(await repo.updateHospital(tx, id, input.version, values, clock()))) throw versionConflict(input.version);
        await writeAudit(tx, actor, 'health_hospital.update', 'health_hospital', id, h.org_id, { name: values.name, address: values.address });
      });
      return toHospital((await repo.findHospital(db, id))!);
    },

    async deleteHospital(id: string, actor: HealthStaff): Promise<void> {
      await db.transaction(async (tx) => {
        const { h } = await hospitalInScope(tx, id, actor.scope);
        if (!(await repo.deleteHospital(tx, id))) throw new AppError('HEALTH_HOSPITAL_IN_USE', { status: 409 });
        await writeAudit(tx, actor, 'health_hospital.delete', 'health_hospital', id, h.org_id, { name: h.name });
      });
    },

    async listSlots(campaignId: string, scope: Scope): Promise<HealthSlot[]> {
      await healthCampaign(db, campaignId, scope, false);
      return (await repo.listSlots(db, campaignId)).map(toSlot);
    },

    async createSlot(hospitalId: string, input: CreateHealthSlot, actor: HealthStaff): Promise<HealthSlot> {
      const id = await db.transaction(async (tx) => {
        const { h, c } = await hospitalInScope(tx, hospitalId, actor.scope);
        const values = slotValues(input, c);
        const sid = await repo.insertSlot(tx, h, values);
        await writeAudit(tx, actor, 'health_slot.create', 'health_slot', sid, h.org_id, { hospitalId, ...values });
        return sid;
      });
      return toSlot((await repo.findSlot(db, id))!);
    },

    async updateSlot(id: string, input: UpdateHealthSlot, actor: HealthStaff): Promise<HealthSlot> {
      await db.transaction(async (tx) => {
        const { s, c } = await slotInScope(tx, id, actor.scope, true);
        if (s.version !== input.version) throw versionConflict(input.version, s.version);
        if (input.capacity < s.booked) throw fieldError('capacity', 'HEALTH_CAPACITY_BELOW_BOOKED', { booked: s.booked });
        const values = slotValues(input, c);
        if (!(await repo.updateSlot(tx, id, input.version, values, clock()))) throw versionConflict(input.version);
        await writeAudit(tx, actor, 'health_slot.update', 'health_slot', id, s.org_id, { ...values });
      });
      return toSlot((await repo.findSlot(db, id))!);
    },

    async deleteSlot(id: string, actor: HealthStaff): Promise<void> {
      await db.transaction(async (tx) => {
        const { s } = await slotInScope(tx, id, actor.scope, true);
        if (!(await repo.deleteSlot(tx, id))) throw new AppError('HEALTH_SLOT_IN_USE', { status: 409 });
        await writeAudit(tx, actor, 'health_slot.delete', 'health_slot', id, s.org_id);
      });
    },

    /** A campaign's bookings of members of the caller's scope (a street's staff see their street's members). */
    async listBookings(campaignId: string, q: { slotId?: string | undefined; status?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<HealthBooking>> {
      await healthCampaign(db, campaignId, scope, false);
      const { items, total } = await repo.listBookings(db, campaignId, { scope, ...q });
      return { items: items.map(toBooking), total, page: q.page, pageSize: q.pageSize };
    },

    /** 到场 / 未到: once the slot has started, by staff whose scope holds the member's union. Nothing medical is recorded. */
    async markBooking(id: string, input: { status: 'attended' | 'no_show'; version: number }, actor: HealthStaff): Promise<HealthBooking> {
      const now = clock();
      await db
        .transaction(async (tx) => {
          const b = await repo.findBooking(tx, id);
          if (!b || !isInScope(actor.scope, b.org_path)) throw notFound('ENTITY_health_booking');
          if (!MARKS_FROM[input.status].includes(b.status)) throw new AppError('HEALTH_BOOKING_STATE', { status: 409 });
          if (new Date(iso(b.starts_at)) > now) throw new AppError('HEALTH_MARK_TOO_EARLY', { status: 409 });
          if (b.version !== input.version) throw versionConflict(input.version, b.version);
          if (!(await repo.setBookingStatus(tx, id, { version: input.version, from: MARKS_FROM[input.status] }, input.status, actor.userId, now))) throw versionConflict(input.version);
          await writeAudit(tx, actor, 'health_booking.mark', 'health_booking', id, b.org_id, { status: input.status });
        })
        .catch((error: unknown) => {
          // A no-show marked attended while the member holds another live booking in the campaign.
          if (uniqueViolationOf(error) === 'health_booking_live_unique') throw new AppError('HEALTH_ALREADY_BOOKED', { status: 409 });
          throw error;
        });
      return toBooking((await repo.findBooking(db, id))!);
    },

    // ---- the worker's side ----

    /** Open health campaigns the worker is eligible for, with free slots ahead (两癌 slots only to those they fit) and their booking. */
    async listOpen(userId: string): Promise<{ items: OpenHealthCampaign[] }> {
      const now = clock();
      const m = await memberFacts(db, userId);
      if (!m) return { items: [] };
      const mine = (await repo.listBookingsOfPersons(db, [m.person_id])).filter((b) => b.status === 'booked' || b.status === 'attended');
      const items: OpenHealthCampaign[] = [];
      for (const row of await repo.listOpenHealthCampaigns(db, m.org_path)) {
        const c = await campaigns.findCampaign(db, row.id);
        if (!c || (await failedOf(db, c, m, c.org_path)).length) continue;
        const slots = (await repo.listFreeSlots(db, [c.id], now)).filter((s) => !s.is_two_cancer || isTwoCancerEligible({ sex: m.sex, birthDate: m.birth_date }, new Date(iso(s.starts_at))));
        const hospitals = (await repo.listHospitals(db, c.id)).map((h) => ({
          id: h.id,
          name: h.name,
          address: h.address,
          phone: h.phone,
          slots: slots.filter((s) => s.hospital_id === h.id).map((s) => ({ id: s.id, startsAt: iso(s.starts_at), endsAt: iso(s.ends_at), placesLeft: s.capacity - s.booked, isTwoCancer: s.is_two_cancer })),
        }));
        const booking = mine.find((b) => b.campaign_id === c.id);
        items.push({ id: c.id, name: c.name, orgName: c.org_name, startsOn: c.starts_on, endsOn: c.ends_on, hospitals, myBooking: booking ? toBooking(booking) : null });
      }
      return { items };
    },

    /**
     * 预约: while the campaign is open, eligible by its rules (and for a 两癌 slot a woman of 35–64
     * on the slot's day), one live booking per campaign (the partial unique index), and a place
     * taken by the conditional update in the same transaction (a full slot rolls the insert back).
     */
    async book(slotId: string, actor: HealthWorker): Promise<HealthBooking> {
      const now = clock();
      const id = await db
        .transaction(async (tx) => {
          const s = await repo.findSlot(tx, slotId);
          if (!s) throw notFound('ENTITY_health_slot');
          const c = await campaigns.findCampaign(tx, s.campaign_id);
          if (!c || c.kind !== 'health' || c.status === 'draft') throw notFound('ENTITY_health_slot');
          if (c.status !== 'open') throw new AppError('HEALTH_NOT_OPEN', { status: 409 });
          const startsAt = new Date(iso(s.starts_at));
          if (startsAt <= now) throw new AppError('HEALTH_SLOT_PAST', { status: 409 });
          const m = await memberFacts(tx, actor.userId);
          if (!m) throw new AppError('HEALTH_NOT_A_MEMBER', { status: 403 });
          const failed = await failedOf(tx, c, m, c.org_path);
          if (failed.length) throw new AppError('HEALTH_NOT_ELIGIBLE', { status: 422, errors: failed.map((r) => ({ path: `eligibility.${r}`, message: `CAMPAIGN_RULE_${r}`, code: r })) });
          if (s.is_two_cancer && !isTwoCancerEligible({ sex: m.sex, birthDate: m.birth_date }, startsAt)) throw new AppError('HEALTH_TWO_CANCER_ONLY', { status: 422 });
          const bid = await repo.insertBooking(tx, { slotId: s.id, campaignId: c.id, orgId: m.org_id, personId: m.person_id, membershipId: m.membership_id, userId: actor.userId, personName: m.real_name }, now);
          if (!bid) throw new AppError('HEALTH_ALREADY_BOOKED', { status: 409 });
          if (!(await repo.takePlace(tx, s.id, now))) throw new AppError('HEALTH_SLOT_FULL', { status: 409 });
          await writeAudit(tx, actor, 'health_booking.create', 'health_booking', bid, m.org_id, { slotId: s.id, campaignId: c.id });
          return bid;
        })
        .catch((error: unknown) => {
          if (uniqueViolationOf(error) === 'health_booking_live_unique') throw new AppError('HEALTH_ALREADY_BOOKED', { status: 409 });
          throw error;
        });
      return toBooking((await repo.findBooking(db, id))!);
    },

    /** 我的体检预约: the caller's bookings (every person record of their account), latest slot first. */
    async mine(userId: string): Promise<{ items: HealthBooking[] }> {
      return { items: (await repo.listBookingsOfPersons(db, await findPersonIdsOfUser(db, userId))).map(toBooking) };
    },

    /** 取消: the caller's own booking, up to the slot's start; the place is free again. */
    async cancel(id: string, actor: HealthWorker): Promise<HealthBooking> {
      const now = clock();
      await db.transaction(async (tx) => {
        const b = await repo.findBooking(tx, id);
        const persons = await findPersonIdsOfUser(tx, actor.userId);
        if (!b || (b.user_id !== actor.userId && !persons.includes(b.person_id))) throw notFound('ENTITY_health_booking');
        if (b.status !== 'booked') throw new AppError('HEALTH_BOOKING_STATE', { status: 409 });
        if (new Date(iso(b.starts_at)) <= now) throw new AppError('HEALTH_CANCEL_TOO_LATE', { status: 409 });
        if (!(await repo.setBookingStatus(tx, id, { version: b.version, from: ['booked'] }, 'cancelled', null, now))) throw new AppError('HEALTH_BOOKING_STATE', { status: 409 });
        await repo.freePlace(tx, b.slot_id, now);
        await writeAudit(tx, actor, 'health_booking.cancel', 'health_booking', id, b.org_id);
      });
      return toBooking((await repo.findBooking(db, id))!);
    },

    /**
     * 体检提醒: the evening before, each member booked for tomorrow (Asia/Shanghai) hears when and
     * where to go, by message and SMS — once per booking, however often the job runs.
     */
    async remindTomorrow(): Promise<{ reminded: number }> {
      const now = clock();
      const tomorrow = addDays(shanghaiDateOf(now), 1);
      return db.transaction(async (tx) => {
        const due = await repo.claimReminders(tx, shanghaiStartOf(tomorrow), shanghaiStartOf(addDays(tomorrow, 1)), now);
        for (const r of due) {
          if (!r.user_id) continue;
          const time = new Date(iso(r.starts_at)).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
          await notify(tx, {
            to: { userIds: [r.user_id] },
            kind: 'health.reminder',
            orgId: r.org_id,
            title: { key: 'HEALTH_REMINDER_TITLE' },
            body: { key: 'HEALTH_REMINDER_BODY', params: { date: tomorrow, time, hospital: r.hospital_name, address: r.hospital_address } },
            link: '/m/assistance/health',
            entity: { type: 'health_booking', id: r.id },
            sms: true,
          });
        }
        return { reminded: due.length };
      });
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
