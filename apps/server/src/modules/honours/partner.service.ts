import type {
  PublicPartner,
  PartnerActivity,
  AdvancePartnerReferral,
  PartnerAgreement,
  PartnerAgreementStatus,
  CreatePartnerActivity,
  CreatePartnerAgreement,
  CreatePartner,
  CreatePartnerReferral,
  LinkPartnerStation,
  Page,
  Partner,
  PartnerDetail,
  PartnerStation,
  PartnerReferral,
  TerminatePartnerAgreement,
  UpdatePartner,
  UpdatePartnerStation,
} from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import type { Clock } from '../../platform/clock';
import { uniqueViolationOf } from '../../platform/error-handler';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { addDays, daysBetween, shanghaiDateOf, shanghaiStartOf } from '../../platform/holidays/dates';
import { maskPhone } from '../../platform/logger';
import { fieldError } from '../../platform/validation';
import { findEventBriefs } from '../events';
import type { HonoursStaff } from './honours.service';
import * as repo from './partner.repository';
import './partner.errors';

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const isoOrNull = (v: unknown) => (v === null || v === undefined ? null : iso(v));

/** An agreement ending within this many days is 即将到期 (and listed to renew). */
export const EXPIRING_DAYS = 30;

/** 已终止 once terminated early; else 未生效 before its first day, 已到期 after its last, 即将到期 in its last 30 days, else 生效中. */
export function agreementStatusOn(a: { startsOn: string; endsOn: string; terminatedOn?: string | null }, today: string): PartnerAgreementStatus {
  if (a.terminatedOn) return 'terminated';
  if (today < a.startsOn) return 'pending';
  if (today > a.endsOn) return 'expired';
  return a.endsOn <= addDays(today, EXPIRING_DAYS) ? 'expiring' : 'active';
}

/** 张三丰 → 张**: a referral keeps no more of the worker's name than staff need to recognise the case. */
export const maskName = (name: string) => {
  const chars = [...name.trim()];
  return chars.length === 0 ? '' : chars.length === 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
};

/** A union's partner may co-build a station or join an event of its own district: one is under the other. */
const isRelatedPath = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

const toPartner = (p: repo.PartnerRow): Partner => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  orgId: p.org_id,
  orgName: p.org_name,
  contactName: p.contact_name,
  contactPhoneMasked: maskPhone(p.contact_phone),
  services: p.services,
  note: p.note,
  status: p.status,
  agreements: p.agreements,
  activeAgreements: p.active_agreements,
  activities: p.activities,
  stations: p.stations,
  referrals: p.referrals,
  createdAt: iso(p.created_at),
  version: p.version,
});
const toAgreement = (a: repo.AgreementRow, today: string): PartnerAgreement => ({
  id: a.id,
  partnerId: a.partner_id,
  partnerName: a.partner_name,
  orgName: a.org_name,
  title: a.title,
  signedOn: a.signed_on,
  startsOn: a.starts_on,
  endsOn: a.ends_on,
  scope: a.scope,
  status: agreementStatusOn({ startsOn: a.starts_on, endsOn: a.ends_on, terminatedOn: a.terminated_on }, today),
  daysLeft: daysBetween(today, a.terminated_on ?? a.ends_on),
  terminatedOn: a.terminated_on,
  terminationReason: a.termination_reason,
  createdAt: iso(a.created_at),
});
const toActivity = (a: repo.ActivityRow): PartnerActivity => ({
  id: a.id,
  partnerId: a.partner_id,
  title: a.title,
  heldOn: a.held_on,
  place: a.place,
  participants: a.participants,
  eventId: a.event_id,
  eventTitle: a.event_title,
  createdAt: iso(a.created_at),
});
const toStation = (s: repo.StationRow): PartnerStation => ({
  partnerId: s.partner_id,
  partnerName: s.partner_name,
  positionId: s.position_id,
  positionName: s.position_name,
  positionType: s.position_type,
  contributionFen: Number(s.contribution_fen),
  goods: s.goods,
  createdAt: iso(s.created_at),
});
const toReferral = (r: repo.ReferralRow): PartnerReferral => ({
  id: r.id,
  fromPartnerId: r.from_partner_id,
  fromPartnerName: r.from_partner_name,
  toPartnerId: r.to_partner_id,
  toPartnerName: r.to_partner_name,
  subject: r.subject,
  workerNameMasked: r.worker_name_masked,
  note: r.note,
  status: r.status,
  referredAt: iso(r.referred_at),
  acceptedAt: isoOrNull(r.accepted_at),
  closedAt: isoOrNull(r.closed_at),
  version: r.version,
});

/**
 * 1+N 合作联盟: partners of unions in the caller's subtree, their agreements (status from the
 * dates on the clock's day), joint activities, co-built stations and referrals between partners.
 */
export function createPartnerService({ db, clock = () => new Date() }: { db: Db; clock?: Clock }) {
  const today = () => shanghaiDateOf(clock());

  async function partnerInScope(tx: Db, id: string, scope: Scope, isWrite = false) {
    const p = await repo.findPartner(tx, id, today());
    if (!p || !isInScope(scope, p.org_path)) throw notFound('ENTITY_partner');
    if (isWrite && p.status !== 'active') throw new AppError('PARTNER_ENDED', { status: 409 });
    return p;
  }

  /** An agreement of a partner in scope; to change it, the partnership must be on and the agreement not terminated. */
  async function agreementInScope(tx: Db, id: string, scope: Scope) {
    const a = await repo.findAgreement(tx, id);
    if (!a || !isInScope(scope, a.org_path)) throw notFound('ENTITY_partner_agreement');
    if (a.partner_status !== 'active') throw new AppError('PARTNER_ENDED', { status: 409 });
    if (a.terminated_on) throw new AppError('PARTNER_AGREEMENT_TERMINATED', { status: 409 });
    return a;
  }

  async function activityInScope(tx: Db, id: string, scope: Scope) {
    const a = await repo.findActivity(tx, id);
    if (!a || !isInScope(scope, a.org_path)) throw notFound('ENTITY_partner_activity');
    return { activity: a, partner: await partnerInScope(tx, a.partner_id, scope, true) };
  }

  /** The event, read through the events module: one the caller sees, of the partner's own part of the tree. */
  async function checkEvent(tx: Db, eventId: string | null, partnerPath: string, scope: Scope) {
    if (!eventId) return;
    const [ev] = await findEventBriefs(tx, [eventId]);
    if (!ev || !isInScope(scope, ev.orgPath) || !isRelatedPath(ev.orgPath, partnerPath)) throw fieldError('eventId', 'PARTNER_EVENT_UNKNOWN');
  }

  // Noon in Asia/Shanghai: the figures count it on its day whatever the offset.
  const noonOf = (day: string) => new Date(shanghaiStartOf(day).getTime() + 12 * 3600_000);

  async function referralInScope(tx: Db, id: string, scope: Scope) {
    const r = await repo.findReferral(tx, id);
    if (!r || !isInScope(scope, r.org_path)) throw notFound('ENTITY_partner_referral');
    return r;
  }

  return {
    async list(query: { orgId?: string | undefined; q?: string | undefined; kind?: string | undefined; status?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<Partner>> {
      const { items, total } = await repo.listPartners(db, { ...query, scope }, today());
      return { items: items.map(toPartner), total, page: query.page, pageSize: query.pageSize };
    },

    async get(id: string, scope: Scope): Promise<PartnerDetail> {
      const p = await partnerInScope(db, id, scope);
      const day = today();
      const [agreements, activities, stations, referrals] = [await repo.listAgreements(db, id), await repo.listActivities(db, id), await repo.listStations(db, id), await repo.listReferrals(db, { scope, partnerId: id, page: 1, pageSize: 200 })];
      return {
        ...toPartner(p),
        agreementList: agreements.map((a) => toAgreement(a, day)),
        activityList: activities.map(toActivity),
        stationList: stations.map(toStation),
        referralList: referrals.items.map(toReferral),
      };
    },

    async create(input: CreatePartner, ctx: HonoursStaff): Promise<Partner> {
      return db.transaction(async (tx) => {
        const o = await repo.findOrg(tx, input.orgId);
        if (!o || o.status !== 'active' || !isInScope(ctx.scope, o.path)) throw fieldError('orgId', 'PARTNER_ORG_OUT_OF_SCOPE');
        const id = await repo.insertPartner(tx, o.id, { name: input.name, kind: input.kind, contactName: input.contactName || null, contactPhone: input.contactPhone, services: input.services || null, note: input.note || null }, ctx.userId);
        if (!id) throw fieldError('name', 'PARTNER_NAME_TAKEN');
        await recordAudit(tx, ctx.audit, { action: 'partner.created', entityType: 'partner', entityId: id, orgId: o.id, after: { name: input.name, kind: input.kind, contactName: input.contactName } });
        return toPartner((await repo.findPartner(tx, id, today()))!);
      });
    },

    async update(id: string, input: UpdatePartner, ctx: HonoursStaff): Promise<Partner> {
      return db.transaction(async (tx) => {
        const p = await partnerInScope(tx, id, ctx.scope, true);
        const values = { name: input.name, kind: input.kind, contactName: input.contactName || null, contactPhone: input.contactPhone === undefined ? p.contact_phone : input.contactPhone, services: input.services || null, note: input.note || null, status: input.status };
        let ok: boolean;
        try {
          ok = await repo.updatePartner(tx, id, input.version, values, clock());
        } catch (e) {
          if (uniqueViolationOf(e)) throw fieldError('name', 'PARTNER_NAME_TAKEN');
          throw e;
        }
        if (!ok) throw versionConflict(input.version, p.version);
        await recordAudit(tx, ctx.audit, {
          action: input.status === 'ended' ? 'partner.ended' : 'partner.updated',
          entityType: 'partner',
          entityId: id,
          orgId: p.org_id,
          before: { name: p.name, kind: p.kind, contactName: p.contact_name, services: p.services },
          after: { name: values.name, kind: values.kind, contactName: values.contactName, services: values.services, status: values.status, isPhoneChanged: values.contactPhone !== p.contact_phone },
        });
        return toPartner((await repo.findPartner(tx, id, today()))!);
      });
    },

    async addAgreement(id: string, input: CreatePartnerAgreement, ctx: HonoursStaff): Promise<PartnerAgreement> {
      return db.transaction(async (tx) => {
        const p = await partnerInScope(tx, id, ctx.scope, true);
        if (input.signedOn > today()) throw fieldError('signedOn', 'PARTNER_SIGNED_FUTURE');
        const agreementId = await repo.insertAgreement(tx, p, { ...input, scope: input.scope || null });
        await recordAudit(tx, ctx.audit, { action: 'partner.agreement_added', entityType: 'partner_agreement', entityId: agreementId, orgId: p.org_id, after: { partner: p.name, title: input.title, startsOn: input.startsOn, endsOn: input.endsOn } });
        return toAgreement((await repo.listAgreements(tx, id)).find((a) => a.id === agreementId)!, today());
      });
    },

    /** Agreements in force that end within 30 days: to renew or let lapse. */
    async listExpiring(query: { orgId?: string | undefined }, scope: Scope): Promise<PartnerAgreement[]> {
      const day = today();
      return (await repo.listExpiringAgreements(db, { ...query, scope }, day, EXPIRING_DAYS)).map((a) => toAgreement(a, day));
    },

    async addActivity(id: string, input: CreatePartnerActivity, ctx: HonoursStaff): Promise<PartnerActivity> {
      return db.transaction(async (tx) => {
        const p = await partnerInScope(tx, id, ctx.scope, true);
        await checkEvent(tx, input.eventId, p.org_path, ctx.scope);
        const heldAt = noonOf(input.heldOn);
        const activityId = await repo.insertActivity(tx, p, { title: input.title, heldOn: input.heldOn, heldAt, place: input.place || null, participants: input.participants, eventId: input.eventId });
        await recordAudit(tx, ctx.audit, { action: 'partner.activity_added', entityType: 'partner_activity', entityId: activityId, orgId: p.org_id, after: { partner: p.name, title: input.title, heldOn: input.heldOn, participants: input.participants } });
        return toActivity((await repo.listActivities(tx, id)).find((a) => a.id === activityId)!);
      });
    },

    async linkStation(id: string, input: LinkPartnerStation, ctx: HonoursStaff): Promise<PartnerStation> {
      return db.transaction(async (tx) => {
        const p = await partnerInScope(tx, id, ctx.scope, true);
        const pos = await repo.findPosition(tx, input.positionId);
        if (!pos || !isInScope(ctx.scope, pos.org_path) || !isRelatedPath(pos.org_path, p.org_path)) throw fieldError('positionId', 'PARTNER_POSITION_UNKNOWN');
        if (!(await repo.insertStation(tx, p, { positionId: pos.id, contributionFen: input.contributionFen, goods: input.goods || null }))) throw new AppError('PARTNER_STATION_LINKED', { status: 409 });
        await recordAudit(tx, ctx.audit, { action: 'partner.station_linked', entityType: 'partner', entityId: id, orgId: p.org_id, after: { partner: p.name, position: pos.name, contributionFen: input.contributionFen, goods: input.goods } });
        return toStation((await repo.listStations(tx, id)).find((s) => s.position_id === pos.id)!);
      });
    },

    /** Title, dates and terms of an agreement in force or to come (a terminated one stays as it was). */
    async updateAgreement(id: string, input: CreatePartnerAgreement, ctx: HonoursStaff): Promise<PartnerAgreement> {
      return db.transaction(async (tx) => {
        const a = await agreementInScope(tx, id, ctx.scope);
        if (input.signedOn > today()) throw fieldError('signedOn', 'PARTNER_SIGNED_FUTURE');
        if (!(await repo.updateAgreement(tx, id, { ...input, scope: input.scope || null }, clock()))) throw new AppError('PARTNER_AGREEMENT_TERMINATED', { status: 409 });
        await recordAudit(tx, ctx.audit, {
          action: 'partner.agreement_updated',
          entityType: 'partner_agreement',
          entityId: id,
          orgId: a.org_id,
          before: { title: a.title, signedOn: a.signed_on, startsOn: a.starts_on, endsOn: a.ends_on, scope: a.scope },
          after: { title: input.title, signedOn: input.signedOn, startsOn: input.startsOn, endsOn: input.endsOn, scope: input.scope },
        });
        return toAgreement((await repo.findAgreement(tx, id))!, today());
      });
    },

    /** 提前终止: from a day between its signing and today, with the reason; it is then 已终止. */
    async terminateAgreement(id: string, input: TerminatePartnerAgreement, ctx: HonoursStaff): Promise<PartnerAgreement> {
      return db.transaction(async (tx) => {
        const a = await agreementInScope(tx, id, ctx.scope);
        const on = input.terminatedOn ?? today();
        if (on > today() || on < a.signed_on) throw fieldError('terminatedOn', 'PARTNER_TERMINATED_ON');
        if (!(await repo.terminateAgreement(tx, id, on, input.reason, clock()))) throw new AppError('PARTNER_AGREEMENT_TERMINATED', { status: 409 });
        await recordAudit(tx, ctx.audit, { action: 'partner.agreement_terminated', entityType: 'partner_agreement', entityId: id, orgId: a.org_id, before: { endsOn: a.ends_on }, after: { partner: a.partner_name, title: a.title, terminatedOn: on, reason: input.reason } });
        return toAgreement((await repo.findAgreement(tx, id))!, today());
      });
    },

    async updateActivity(id: string, input: CreatePartnerActivity, ctx: HonoursStaff): Promise<PartnerActivity> {
      return db.transaction(async (tx) => {
        const { activity: a, partner: p } = await activityInScope(tx, id, ctx.scope);
        await checkEvent(tx, input.eventId, p.org_path, ctx.scope);
        await repo.updateActivity(tx, id, { title: input.title, heldOn: input.heldOn, heldAt: noonOf(input.heldOn), place: input.place || null, participants: input.participants, eventId: input.eventId });
        await recordAudit(tx, ctx.audit, {
          action: 'partner.activity_updated',
          entityType: 'partner_activity',
          entityId: id,
          orgId: p.org_id,
          before: { title: a.title, heldOn: a.held_on, participants: a.participants, eventId: a.event_id },
          after: { title: input.title, heldOn: input.heldOn, participants: input.participants, eventId: input.eventId },
        });
        const { org_path: _path, ...row } = (await repo.findActivity(tx, id))!;
        return toActivity(row);
      });
    },

    async removeActivity(id: string, ctx: HonoursStaff): Promise<void> {
      await db.transaction(async (tx) => {
        const { activity: a, partner: p } = await activityInScope(tx, id, ctx.scope);
        await repo.deleteActivity(tx, id);
        await recordAudit(tx, ctx.audit, { action: 'partner.activity_removed', entityType: 'partner_activity', entityId: id, orgId: p.org_id, before: { partner: p.name, title: a.title, heldOn: a.held_on, participants: a.participants } });
      });
    },

    async updateStation(id: string, positionId: string, input: UpdatePartnerStation, ctx: HonoursStaff): Promise<PartnerStation> {
      return db.transaction(async (tx) => {
        const p = await partnerInScope(tx, id, ctx.scope, true);
        const before = (await repo.listStations(tx, id)).find((s) => s.position_id === positionId);
        if (!before || !(await repo.updateStation(tx, id, positionId, { contributionFen: input.contributionFen, goods: input.goods || null }))) throw notFound('ENTITY_partner_station');
        await recordAudit(tx, ctx.audit, {
          action: 'partner.station_updated',
          entityType: 'partner',
          entityId: id,
          orgId: p.org_id,
          before: { position: before.position_name, contributionFen: Number(before.contribution_fen), goods: before.goods },
          after: { position: before.position_name, contributionFen: input.contributionFen, goods: input.goods },
        });
        return toStation((await repo.listStations(tx, id)).find((s) => s.position_id === positionId)!);
      });
    },

    async unlinkStation(id: string, positionId: string, ctx: HonoursStaff): Promise<void> {
      await db.transaction(async (tx) => {
        const p = await partnerInScope(tx, id, ctx.scope, true);
        const gone = await repo.deleteStation(tx, id, positionId);
        if (!gone) throw notFound('ENTITY_partner_station');
        await recordAudit(tx, ctx.audit, { action: 'partner.station_unlinked', entityType: 'partner', entityId: id, orgId: p.org_id, before: { partner: p.name, position: gone.position_name } });
      });
    },

    /** The contact's full phone for staff over the partner (查看): audited as a read of personal data (PIPL). */
    async revealPhone(id: string, ctx: HonoursStaff): Promise<{ contactPhone: string | null }> {
      return db.transaction(async (tx) => {
        const p = await partnerInScope(tx, id, ctx.scope);
        await recordAudit(tx, ctx.audit, { action: 'personal_data.read', entityType: 'partner', entityId: id, orgId: p.org_id, after: { field: 'contactPhone' } });
        return { contactPhone: p.contact_phone };
      });
    },

    /** The partners that co-built a station (shown on the station). */
    async listStationPartners(positionId: string, scope: Scope): Promise<PartnerStation[]> {
      return (await repo.listPartnersOfStation(db, positionId, scope)).map(toStation);
    },

    async listReferrals(query: { orgId?: string | undefined; partnerId?: string | undefined; status?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<PartnerReferral>> {
      const { items, total } = await repo.listReferrals(db, { ...query, scope });
      return { items: items.map(toReferral), total, page: query.page, pageSize: query.pageSize };
    },

    /** Both partners active and in scope; the referral belongs to the referring partner's union. */
    async refer(input: CreatePartnerReferral, ctx: HonoursStaff): Promise<PartnerReferral> {
      return db.transaction(async (tx) => {
        const day = today();
        const from = await repo.findPartner(tx, input.fromPartnerId, day);
        if (!from || from.status !== 'active' || !isInScope(ctx.scope, from.org_path)) throw fieldError('fromPartnerId', 'PARTNER_REFERRAL_PARTNER_UNKNOWN');
        const to = await repo.findPartner(tx, input.toPartnerId, day);
        if (!to || to.status !== 'active' || !isInScope(ctx.scope, to.org_path) || !(await repo.isSameDistrict(tx, from.org_path, to.org_path))) throw fieldError('toPartnerId', 'PARTNER_REFERRAL_PARTNER_UNKNOWN');
        const workerNameMasked = input.workerName ? maskName(input.workerName) : null;
        const referralId = await repo.insertReferral(tx, { orgId: from.org_id, fromPartnerId: from.id, toPartnerId: to.id, subject: input.subject, workerNameMasked, note: input.note || null, createdBy: ctx.userId, at: clock() });
        await recordAudit(tx, ctx.audit, { action: 'partner.referred', entityType: 'partner_referral', entityId: referralId, orgId: from.org_id, after: { from: from.name, to: to.name, subject: input.subject, worker: workerNameMasked } });
        return toReferral((await repo.findReferral(tx, referralId))!);
      });
    },

    /** The alliance as workers see it: partners of their own district and what they offer. */
    async listForWorker(userId: string): Promise<PublicPartner[]> {
      return (await repo.listPublicPartners(db, userId)).map((p) => ({ id: p.id, name: p.name, kind: p.kind, services: p.services, stations: p.stations ?? [] }));
    },

    /** 已转介 → 已受理 → 已办结, one step at a time (a referral may be closed straight from 已转介 too). */
    async advanceReferral(id: string, input: AdvancePartnerReferral, ctx: HonoursStaff): Promise<PartnerReferral> {
      return db.transaction(async (tx) => {
        const r = await referralInScope(tx, id, ctx.scope);
        const isAllowed = (r.status === 'referred' && (input.status === 'accepted' || input.status === 'closed')) || (r.status === 'accepted' && input.status === 'closed');
        if (!isAllowed) throw new AppError('PARTNER_REFERRAL_STEP', { status: 409 });
        if (!(await repo.advanceReferral(tx, id, input.version, r.status, input.status, input.note || null, clock()))) throw versionConflict(input.version, r.version);
        await recordAudit(tx, ctx.audit, {
          action: input.status === 'accepted' ? 'partner.referral_accepted' : 'partner.referral_closed',
          entityType: 'partner_referral',
          entityId: id,
          orgId: r.org_id,
          before: { status: r.status },
          after: { status: input.status, note: input.note },
        });
        return toReferral((await repo.findReferral(tx, id))!);
      });
    },
  };
}

export type PartnerService = ReturnType<typeof createPartnerService>;
