import type { EventAttendance, CheckinBatchResult, CheckinInfo, CheckinKind, CheckinOutcome, CheckinResult, CheckinScan, EventSendLog, WalkIn } from '@niangjia/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { t } from '../../platform/i18n';
import { createPdf } from '../../platform/pdf';
import { findMembershipOfCard, findPersonIdsOfUser } from '../members';
import { attendedMinutes, CHECKIN_MARGIN_MS, earnsCertificate } from './checkin.attendance';
import { signCheckinCode, verifyCheckinCode } from './checkin.code';
import * as checkins from './checkin.repository';
import { placeText } from './events.notify';
import * as repo from './events.repository';
import { scopeSql, type EventsDeps, type StaffCtx, type WorkerCtx } from './events.shared';
import { verifyTicket } from './events.ticket';
import { shanghaiText } from './events.time';
import type { RegistrationsService } from './registrations.service';

/** A scan's device time is believed up to this far ahead of the server's (clock drift). */
const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

/**
 * Check-in (签到, issue 13 point 6): staff scan or type registrations' QR tickets — one at a time or
 * as a batch of scans made offline —, attendees scan the event's rotating code, walk-ins take a free
 * place at the door through the same quota-safe path as sign-up. Every scan carries its device's
 * id; the unique key (event, client id) makes a batch uploaded twice count once. A registration's
 * first entry marks it attended; entry and exit scans give its minutes (trainings' minimum hours).
 */
export function createCheckinService({ db, secrets, clock }: EventsDeps, registrations: Pick<RegistrationsService, 'registerAtDoor'>) {
  /** The event, when the caller runs it (check-in is the organiser's work); else 404. */
  async function runnable(tx: Db, id: string, ctx: StaffCtx, lock = false): Promise<repo.EventRecord> {
    const e = await repo.findEvent(tx, id, lock);
    if (!e || !isInScope(ctx.write, e.orgPath)) throw notFound('ENTITY_event');
    return e;
  }

  /** The event, when the caller may see it (in their scope or above it); else 404. */
  async function visible(id: string, ctx: StaffCtx): Promise<repo.EventRecord> {
    const e = await repo.findEvent(db, id);
    if (!e || !(ctx.read === 'all' || ctx.read.some((p) => e.orgPath.startsWith(p) || p.startsWith(e.orgPath)))) throw notFound('ENTITY_event');
    return e;
  }

  const isOpenAt = (e: repo.EventRecord, at: Date) => e.status === 'published' && at.getTime() >= e.startsAt.getTime() - CHECKIN_MARGIN_MS && at.getTime() <= e.endsAt.getTime() + CHECKIN_MARGIN_MS;

  /** The device's time of a scan, never ahead of the server's beyond a little drift. */
  function scanTime(at: string | undefined): Date {
    const now = clock();
    if (!at) return now;
    const d = new Date(at);
    return d.getTime() > now.getTime() + MAX_CLOCK_AHEAD_MS ? now : d;
  }

  /** Recomputes a registration's attendance from all its scans (first entry, minutes inside the event's hours). */
  async function refresh(tx: Db, e: repo.EventRecord, registrationId: string): Promise<void> {
    const scans = await checkins.scansOf(tx, registrationId);
    const first = scans.find((s) => s.kind === 'entry');
    // The attendee's own scans of the rotating code mark them present; the minutes that earn a
    // certificate count staff scans only (a photo of the code passed on would otherwise do).
    await checkins.setAttendance(tx, registrationId, first?.at ?? null, attendedMinutes(scans.filter((s) => s.isStaff), e.startsAt, e.endsAt));
  }

  function result(lang: StaffCtx['lang'], clientId: string, kind: CheckinKind, outcome: CheckinOutcome, r: repo.RegistrationRecord | null): CheckinResult {
    const key = outcome === 'recorded' && kind === 'exit' ? 'CHECKIN_OUTCOME_recorded_exit' : `CHECKIN_OUTCOME_${outcome}`;
    return { clientId, kind, outcome, registrationId: r?.id ?? null, name: r?.name ?? null, message: t(lang, key) };
  }

  /** One scan of a registration, in the caller's transaction: recorded once, attendance refreshed. */
  async function record(tx: Db, e: repo.EventRecord, r: repo.RegistrationRecord, s: { clientId: string; kind: CheckinKind; at: Date; method: 'ticket' | 'code' | 'walk_in'; by: string | null }): Promise<CheckinOutcome> {
    if (r.status !== 'confirmed') return 'not_confirmed';
    if (!isOpenAt(e, s.at)) return 'event_closed';
    const before = await checkins.scansOf(tx, r.id);
    const isInside = before.length > 0 && before[before.length - 1]!.kind === 'entry';
    const inserted = await checkins.insertScan(tx, { eventId: e.id, registrationId: r.id, clientId: s.clientId, kind: s.kind, method: s.method, scannedAt: s.at, recordedBy: s.by }, clock());
    if (!inserted) return 'duplicate';
    await refresh(tx, e, r.id);
    return s.kind === 'entry' && isInside ? 'already_in' : 'recorded';
  }

  async function scanOne(e: repo.EventRecord, s: CheckinScan, ctx: StaffCtx): Promise<CheckinResult> {
    const kind = s.kind;
    const registrationId = verifyTicket(secrets.key, s.code);
    if (!registrationId) return result(ctx.lang, s.clientId, kind, 'invalid', null);
    return db.transaction(async (tx) => {
      // Already uploaded: answered as before, whatever happened since (a re-sent batch).
      if (await checkins.hasClientId(tx, e.id, s.clientId)) {
        const known = await repo.findRegistration(tx, registrationId);
        return result(ctx.lang, s.clientId, kind, 'duplicate', known?.eventId === e.id ? known : null);
      }
      const r = await repo.findRegistration(tx, registrationId, true);
      if (!r) return result(ctx.lang, s.clientId, kind, 'invalid', null);
      if (r.eventId !== e.id) return result(ctx.lang, s.clientId, kind, 'other_event', null);
      const outcome = await record(tx, e, r, { clientId: s.clientId, kind, at: scanTime(s.at), method: 'ticket', by: ctx.userId });
      return result(ctx.lang, s.clientId, kind, outcome, r);
    });
  }

  async function certificatePdf(e: repo.EventRecord, r: repo.RegistrationRecord): Promise<{ pdf: Buffer; fileName: string }> {
    if (!earnsCertificate(e, r)) throw new AppError('EVENT_CERTIFICATE_NONE', { status: 409 });
    const doc = createPdf({ title: '培训结业证书', author: e.orgName, subject: e.title });
    doc.spacer(40);
    doc.heading('培训结业证书', 1);
    doc.paragraph('Certificate of Training', { align: 'center', color: '#666666' });
    doc.spacer(24);
    const hours = (r.attendedMinutes / 60).toFixed(1);
    doc.paragraph(`${r.name} 同志：`, { size: 14, isBold: true });
    doc.paragraph(`参加了${e.orgName}于 ${shanghaiText(e.startsAt)} 举办的“${e.title}”培训，${e.minAttendanceMinutes ? `实际参训 ${hours} 小时，` : ''}完成培训，特发此证。`, { size: 13 });
    doc.spacer(16);
    doc.keyValues([
      ['培训名称', e.title],
      ['主办单位', e.orgName],
      ['培训时间', `${shanghaiText(e.startsAt)} — ${shanghaiText(e.endsAt)}`],
      ['培训地点', placeText(e) || '—'],
      ...(e.minAttendanceMinutes ? ([['参训时长', `${hours} 小时（要求不少于 ${(e.minAttendanceMinutes / 60).toFixed(1)} 小时）`]] as [string, string][]) : []),
      ['证书编号', r.id.replace(/-/g, '').slice(0, 16).toUpperCase()],
    ]);
    doc.spacer(40);
    doc.signatures([{ label: '颁发单位', name: e.orgName, date: shanghaiText(e.endsAt).slice(0, 10) }]);
    return { pdf: await doc.finish(), fileName: `${e.title}-${r.name}-结业证书.pdf` };
  }

  return {
    /** What the check-in phone page shows, with the rotating code of this minute. */
    async info(eventId: string, ctx: StaffCtx): Promise<CheckinInfo> {
      const e = await runnable(db, eventId, ctx);
      const a = await checkins.attendanceOf(db, e.id, sql`true`, e.minAttendanceMinutes);
      const { code, refreshAt } = signCheckinCode(secrets.key, e.id, clock());
      return {
        id: e.id,
        title: e.title,
        type: e.type as CheckinInfo['type'],
        status: e.status as CheckinInfo['status'],
        startsAt: e.startsAt.toISOString(),
        endsAt: e.endsAt.toISOString(),
        placeText: placeText(e) || null,
        capacity: e.capacity,
        taken: e.taken,
        registered: a.registered,
        attended: a.attended,
        minAttendanceMinutes: e.minAttendanceMinutes,
        code,
        codeRefreshAt: refreshAt.toISOString(),
      };
    },

    /** Staff scans (one, or a batch made offline): each answered on its own, each recorded once. */
    async scan(eventId: string, items: CheckinScan[], ctx: StaffCtx): Promise<CheckinBatchResult> {
      const e = await runnable(db, eventId, ctx);
      const out: CheckinResult[] = [];
      for (const s of items) out.push(await scanOne(e, s, ctx));
      return { items: out };
    },

    /** A walk-in: the member takes a free place (eligibility and quotas as at sign-up) and is checked in. */
    async walkIn(eventId: string, input: WalkIn, ctx: StaffCtx): Promise<CheckinResult> {
      const card = input.cardToken ? await findMembershipOfCard(db, secrets.key, input.cardToken) : null;
      if (input.cardToken && !card) throw new AppError('EVENT_MEMBER_OUT_OF_SCOPE', { status: 404 });
      const membershipId = card?.membershipId ?? input.membershipId!;
      if (!card) {
        // Chosen by staff without the member's card: only members of the caller's own unions.
        const [f] = await repo.findMemberFacts(db, [membershipId]);
        if (!f || !isInScope(ctx.write, f.unionPath)) throw new AppError('EVENT_MEMBER_OUT_OF_SCOPE', { status: 404 });
      }
      return db.transaction(async (tx) => {
        const e = await runnable(tx, eventId, ctx, true);
        const done = await checkins.hasClientId(tx, e.id, input.clientId);
        if (done) return result(ctx.lang, input.clientId, 'entry', 'duplicate', (await repo.findRegistration(tx, done)) ?? null);
        const now = clock();
        if (!isOpenAt(e, now)) throw new AppError('EVENT_CHECKIN_CLOSED', { status: 409 });
        const [f] = await repo.findMemberFacts(tx, [membershipId]);
        // A member who already holds a place is simply checked in.
        const live = f ? await repo.findLiveRegistration(tx, e.id, { personId: f.personId, userId: null }) : undefined;
        const held = live?.status === 'confirmed' ? live : undefined;
        const r = held ?? (await registrations.registerAtDoor(tx, e, membershipId, ctx.userId));
        if (!held) {
          await recordAudit(tx, ctx.audit, { action: 'event.walk_in', entityType: 'event_registration', entityId: r.id, orgId: e.orgId, after: { eventId: e.id, name: r.name } });
        }
        const outcome = await record(tx, e, (await repo.findRegistration(tx, r.id, true))!, { clientId: input.clientId, kind: 'entry', at: now, method: 'walk_in', by: ctx.userId });
        return result(ctx.lang, input.clientId, 'entry', outcome, r);
      });
    },

    /** The attendee scans the event's rotating code on the staff's phone: their own place is checked in. */
    async selfCheckin(input: { clientId: string; code: string; kind: CheckinKind }, ctx: WorkerCtx): Promise<CheckinResult> {
      const now = clock();
      const eventId = verifyCheckinCode(secrets.key, input.code, now);
      if (!eventId) throw new AppError('EVENT_CHECKIN_CODE_INVALID', { status: 400 });
      return db.transaction(async (tx) => {
        const e = await repo.findEvent(tx, eventId);
        if (!e) throw new AppError('EVENT_CHECKIN_CODE_INVALID', { status: 400 });
        const personIds = await findPersonIdsOfUser(tx, ctx.userId);
        const mine = (await repo.findLiveRegistrationsOf(tx, [e.id], personIds, ctx.userId)).find((r) => r.status === 'confirmed');
        if (!mine) throw new AppError('EVENT_CHECKIN_NOT_REGISTERED', { status: 409 });
        if (!isOpenAt(e, now)) throw new AppError('EVENT_CHECKIN_CLOSED', { status: 409 });
        const r = (await repo.findRegistration(tx, mine.id, true))!;
        const outcome = await record(tx, e, r, { clientId: input.clientId, kind: input.kind, at: now, method: 'code', by: ctx.userId });
        return result(ctx.lang, input.clientId, input.kind, outcome, r);
      });
    },

    /** Attendance: 人次 (registrations that came), walk-ins, and no-shows once the event has ended. */
    async attendance(eventId: string, ctx: StaffCtx): Promise<EventAttendance> {
      const e = await visible(eventId, ctx);
      const where = isInScope(ctx.read, e.orgPath) ? sql`true` : scopeSql(ctx.read, sql`r.union_path`);
      const a = await checkins.attendanceOf(db, e.id, where, e.minAttendanceMinutes);
      const isOver = clock() > e.endsAt;
      return {
        registered: a.registered,
        attended: a.attended,
        walkIns: a.walkIns,
        noShows: isOver ? a.absent : null,
        scans: a.scans,
        certified: e.type === 'training' ? a.certified : 0,
      };
    },

    /** What was sent about the event (confirmations, offers, reminders, changes), counted. */
    async sendLog(eventId: string, ctx: StaffCtx): Promise<EventSendLog> {
      const e = await visible(eventId, ctx);
      return { items: await checkins.sendLogOf(db, e.id, ctx.lang) };
    },

    /** Staff download a registration's certificate (their subtree's, or any of an event they run). */
    async staffCertificate(eventId: string, registrationId: string, ctx: StaffCtx) {
      const e = await visible(eventId, ctx);
      const r = await repo.findRegistration(db, registrationId);
      if (!r || r.eventId !== e.id || !(isInScope(ctx.read, e.orgPath) || (r.unionPath !== null && isInScope(ctx.read, r.unionPath)))) throw notFound('ENTITY_event_registration');
      return certificatePdf(e, r);
    },

    /** The worker's own certificate. */
    async myCertificate(registrationId: string, ctx: WorkerCtx) {
      const r = await repo.findRegistration(db, registrationId);
      if (!r) throw notFound('ENTITY_event_registration');
      const personIds = await findPersonIdsOfUser(db, ctx.userId);
      if (!(r.personId ? personIds.includes(r.personId) : r.userId === ctx.userId)) throw notFound('ENTITY_event_registration');
      return certificatePdf((await repo.findEvent(db, r.eventId))!, r);
    },
  };
}
export type CheckinService = ReturnType<typeof createCheckinService>;
