import {
  DEFAULT_MAX_PICKS,
  DEFAULT_PICKS_CLOSE_HOURS,
  type AgeBand,
  type MatchmakingContact,
  type MatchmakingCounts,
  type MatchmakingMatch,
  type MatchmakingMe,
  type MatchmakingPhase,
  type MatchmakingProfile,
  type MatchmakingProfileInput,
  type MatchmakingSettings,
  type MatchmakingMatchStatus,
} from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import { findContactPhone, findPersonIdsOfUser } from '../members';
import { assertOwnPhotos, loadPhoto } from '../stars';
import * as repo from './events.repository';
import * as mm from './matchmaking.repository';
import { versionConflict, type EventsDeps, type StaffCtx, type WorkerCtx } from './events.shared';

type Window = { maxPicks: number; openAt: Date; closeAt: Date; revealedAt: Date | null; version: number };
type Me = { event: repo.EventRecord; registration: repo.RegistrationRecord | undefined; profile: mm.ProfileRecord | undefined };

const HOUR = 3600_000;
/**
 * Who the audit log names for a participant's matchmaking steps: nobody. The log is read by staff,
 * and an entry naming who opted in, withdrew or read whose phone would tell them who took part and
 * who matched with whom; the entries still say what happened at which event (or match), and when.
 */
const ANONYMOUS: AuditContext = { actorId: null, actorName: '婚恋交友', requestId: null, ip: null };

/**
 * 婚恋交友 with privacy (issue 13 point 9). What each party can learn:
 *  - a participant: the profiles of the other checked-in, opted-in participants of the same event;
 *    their own picks; after the window closes, their own mutual matches; a match's phone once both
 *    members said yes. Never who picked them short of a mutual pick.
 *  - staff: counts (profiles, checked-in participants, picks, and matches once the window closed).
 * Matches come out only after the window closes: revealing a mutual pick at once would let anyone
 * learn who picked them by picking and unpicking people one by one.
 * Every refusal that concerns another participant's thing answers 404, as if it did not exist.
 */
export function createMatchmakingService({ db, clock }: EventsDeps) {
  function windowOf(e: repo.EventRecord, s: mm.SettingRecord | undefined): Window {
    return {
      maxPicks: s?.maxPicks ?? DEFAULT_MAX_PICKS,
      openAt: s?.picksOpenAt ?? e.startsAt,
      closeAt: s?.picksCloseAt ?? new Date(e.endsAt.getTime() + DEFAULT_PICKS_CLOSE_HOURS * HOUR),
      revealedAt: s?.revealedAt ?? null,
      version: s?.version ?? 0,
    };
  }
  const phaseOf = (w: Window, now: Date): MatchmakingPhase => (now >= w.closeAt ? 'revealed' : now >= w.openAt ? 'picking' : 'before');

  async function matchmakingEvent(tx: Db, id: string): Promise<repo.EventRecord> {
    const e = await repo.findEvent(tx, id);
    if (!e || e.type !== 'matchmaking' || e.status === 'draft') throw notFound('ENTITY_event');
    return e;
  }

  /** The caller's confirmed registration and profile at the event (either may be absent). */
  async function meAt(tx: Db, eventId: string, userId: string): Promise<Me> {
    const event = await matchmakingEvent(tx, eventId);
    const personIds = await findPersonIdsOfUser(tx, userId);
    const registration = (await repo.findLiveRegistrationsOf(tx, [eventId], personIds, userId)).find((r) => r.status === 'confirmed');
    const profile = registration ? await mm.findProfileOfRegistration(tx, eventId, registration.id) : undefined;
    return { event, registration, profile };
  }

  /** A checked-in participant with a profile: the only one who sees other profiles. */
  function requireParticipant(me: Me): mm.ProfileRecord {
    if (!me.registration) throw new AppError('MATCHMAKING_NOT_REGISTERED', { status: 409 });
    if (!me.registration.attendedAt) throw new AppError('MATCHMAKING_NOT_CHECKED_IN', { status: 409 });
    if (!me.profile) throw new AppError('MATCHMAKING_NO_PROFILE', { status: 409 });
    return me.profile;
  }

  const profileOut = (p: mm.ProfileRecord): MatchmakingProfile => ({ id: p.id, nickname: p.nickname, ageBand: p.ageBand as AgeBand, intro: p.intro, hasPhoto: p.photoId !== null });

  /** After the window: the mutual picks become matches, once (the settings row serialises it). */
  async function reveal(eventId: string): Promise<void> {
    const now = clock();
    await db.transaction(async (tx) => {
      const e = await matchmakingEvent(tx, eventId);
      await mm.ensureSetting(tx, eventId);
      const s = await mm.findSetting(tx, eventId, true);
      const w = windowOf(e, s);
      if (w.revealedAt || now < w.closeAt) return;
      await mm.insertMatches(tx, eventId, now);
      await mm.markRevealed(tx, eventId, now);
    });
  }

  /** The window and phase; outside a transaction (`tx` absent) a closed window is revealed first. */
  async function windowNow(tx: Db | undefined, e: repo.EventRecord): Promise<{ w: Window; phase: MatchmakingPhase }> {
    let s = await mm.findSetting(tx ?? db, e.id);
    let w = windowOf(e, s);
    const now = clock();
    if (!tx && phaseOf(w, now) === 'revealed' && !w.revealedAt) {
      await reveal(e.id);
      s = await mm.findSetting(db, e.id);
      w = windowOf(e, s);
    }
    return { w, phase: phaseOf(w, now) };
  }

  function statusOf(m: mm.MatchRecord, side: 'a' | 'b'): MatchmakingMatchStatus {
    const mine = side === 'a' ? m.aAnswer : m.bAnswer;
    const theirs = side === 'a' ? m.bAnswer : m.aAnswer;
    if (mine === 'no' || theirs === 'no') return 'declined';
    if (mine === 'yes' && theirs === 'yes') return 'confirmed';
    return mine === 'yes' ? 'waiting' : 'pending';
  }

  /** The caller's side of one of their matches; 404 for anyone else's. */
  async function myMatch(tx: Db, eventId: string, matchId: string, userId: string, lock = false) {
    const me = await meAt(tx, eventId, userId);
    const m = await mm.findMatch(tx, matchId, lock);
    if (!me.profile || !m || m.eventId !== eventId || (m.aId !== me.profile.id && m.bId !== me.profile.id)) throw notFound('ENTITY_matchmaking_match');
    const side: 'a' | 'b' = m.aId === me.profile.id ? 'a' : 'b';
    return { me, m, side, partnerId: side === 'a' ? m.bId : m.aId };
  }

  const service = {
    reveal,

    /** The sweep: reveals every event whose window closed (so figures count matches nobody looked at yet). */
    async revealDue(): Promise<number> {
      const ids = await mm.listEventsToReveal(db, clock(), DEFAULT_PICKS_CLOSE_HOURS);
      for (const id of ids) await reveal(id);
      return ids.length;
    },

    /** The staff's view: settings and counts only. */
    async counts(eventId: string, ctx: StaffCtx): Promise<MatchmakingCounts> {
      const e = await matchmakingEvent(db, eventId);
      if (!(ctx.read === 'all' || ctx.read.some((p) => e.orgPath.startsWith(p)))) throw notFound('ENTITY_event');
      const { w, phase } = await windowNow(undefined, e);
      const c = await mm.countsOf(db, e.id);
      const isOut = phase === 'revealed';
      return {
        eventId: e.id,
        maxPicks: w.maxPicks,
        picksOpenAt: w.openAt.toISOString(),
        picksCloseAt: w.closeAt.toISOString(),
        phase,
        profiles: c.profiles,
        participants: c.participants,
        // A live count tells staff of a small event who picked whom, and a withdrawal's drop how many picks one person had.
        picks: isOut ? c.picks : null,
        matches: isOut ? c.matches : null,
        confirmedMatches: isOut ? c.confirmed : null,
        version: w.version,
      };
    },

    async updateSettings(eventId: string, input: MatchmakingSettings, ctx: StaffCtx): Promise<MatchmakingCounts> {
      const openAt = new Date(input.picksOpenAt);
      const closeAt = new Date(input.picksCloseAt);
      await db.transaction(async (tx) => {
        const e = await matchmakingEvent(tx, eventId);
        if (!isInScope(ctx.write, e.orgPath)) throw notFound('ENTITY_event');
        await mm.ensureSetting(tx, eventId);
        const s = (await mm.findSetting(tx, eventId, true))!;
        const w = windowOf(e, s);
        if (w.revealedAt) throw new AppError('MATCHMAKING_REVEALED', { status: 409 });
        if (input.version !== s.version) throw versionConflict(input.version, s.version);
        if (openAt < e.startsAt) throw fieldError('picksOpenAt', 'MATCHMAKING_OPEN_BEFORE_START');
        if (closeAt <= openAt || closeAt < e.endsAt) throw fieldError('picksCloseAt', 'MATCHMAKING_CLOSE_ORDER');
        if (!(await mm.updateSetting(tx, eventId, s.version, { maxPicks: input.maxPicks, picksOpenAt: openAt, picksCloseAt: closeAt }, clock()))) throw versionConflict(input.version, s.version + 1);
        await recordAudit(tx, ctx.audit, {
          action: 'event.matchmaking_settings',
          entityType: 'event',
          entityId: e.id,
          orgId: e.orgId,
          after: { maxPicks: input.maxPicks, picksOpenAt: openAt.toISOString(), picksCloseAt: closeAt.toISOString() },
        });
      });
      return service.counts(eventId, ctx);
    },

    /** The participant's own state at the event. */
    async me(eventId: string, ctx: WorkerCtx): Promise<MatchmakingMe> {
      const me = await meAt(db, eventId, ctx.userId);
      const { w, phase } = await windowNow(undefined, me.event);
      return {
        eventId: me.event.id,
        title: me.event.title,
        startsAt: me.event.startsAt.toISOString(),
        endsAt: me.event.endsAt.toISOString(),
        isRegistered: me.registration !== undefined,
        isCheckedIn: me.registration?.attendedAt != null,
        phase,
        maxPicks: w.maxPicks,
        picksOpenAt: w.openAt.toISOString(),
        picksCloseAt: w.closeAt.toISOString(),
        profile: me.profile ? profileOut(me.profile) : null,
        myPicks: me.profile ? await mm.listMyPicks(db, me.profile.id) : [],
      };
    },

    /** Opt in, or edit the profile (a confirmed registration is enough; being shown needs check-in). */
    async saveProfile(eventId: string, input: MatchmakingProfileInput, ctx: WorkerCtx): Promise<MatchmakingMe> {
      await db.transaction(async (tx) => {
        const me = await meAt(tx, eventId, ctx.userId);
        if (!me.registration) throw new AppError('MATCHMAKING_NOT_REGISTERED', { status: 409 });
        const { w } = await windowNow(tx, me.event);
        if (clock() >= w.closeAt) throw new AppError('MATCHMAKING_CLOSED', { status: 409 });
        const photoId = input.photoId === undefined ? (me.profile?.photoId ?? null) : input.photoId;
        if (photoId && photoId !== me.profile?.photoId) await assertOwnPhotos(tx, [photoId], ctx.userId, 'photoId');
        await mm.upsertProfile(
          tx,
          { eventId, registrationId: me.registration.id, userId: ctx.userId, nickname: input.nickname, ageBand: input.ageBand, intro: input.intro, photoId },
          clock(),
        );
        // The audit says that someone opted in at this event, nothing of who or what they wrote.
        if (!me.profile) await recordAudit(tx, ANONYMOUS, { action: 'event.matchmaking_opt_in', entityType: 'event', entityId: eventId, orgId: me.event.orgId });
      });
      return service.me(eventId, ctx);
    },

    /** Withdraw: the profile, its photo link and every pick by or of it are deleted; unconfirmed matches dissolve. */
    async withdraw(eventId: string, ctx: WorkerCtx): Promise<MatchmakingMe> {
      await db.transaction(async (tx) => {
        const me = await meAt(tx, eventId, ctx.userId);
        if (!me.profile || !(await mm.lockProfile(tx, me.profile.id))) return;
        await mm.dissolveMatchesOf(tx, me.profile.id);
        await mm.deleteProfile(tx, me.profile.id);
        await recordAudit(tx, ANONYMOUS, { action: 'event.matchmaking_withdraw', entityType: 'event', entityId: eventId, orgId: me.event.orgId });
      });
      return service.me(eventId, ctx);
    },

    /** The other checked-in participants' profiles, for a checked-in participant with a profile. */
    async profiles(eventId: string, ctx: WorkerCtx): Promise<{ items: MatchmakingProfile[] }> {
      const me = await meAt(db, eventId, ctx.userId);
      const mine = requireParticipant(me);
      return { items: (await mm.listShownProfiles(db, eventId, mine.id)).map(profileOut) };
    },

    /** A profile's photo: for its owner, or another checked-in participant of the event with a profile. */
    async photo(eventId: string, profileId: string, ctx: WorkerCtx) {
      const me = await meAt(db, eventId, ctx.userId);
      const p = await mm.findProfile(db, profileId);
      const isOwn = p !== undefined && me.profile?.id === p.id;
      const canSee = isOwn || (p !== undefined && p.eventId === eventId && me.profile !== undefined && me.registration?.attendedAt != null && (await mm.isShown(db, p.id)));
      if (!p || !canSee || !p.photoId) throw notFound('ENTITY_photo');
      const photo = await loadPhoto(db, p.photoId);
      if (!photo) throw notFound('ENTITY_photo');
      return photo;
    },

    /** Replaces the caller's picks (up to N other shown profiles) while the window is open. */
    async pick(eventId: string, profileIds: string[], ctx: WorkerCtx): Promise<MatchmakingMe> {
      await db.transaction(async (tx) => {
        const me = await meAt(tx, eventId, ctx.userId);
        const mine = requireParticipant(me);
        // Two pick requests at once replace one after the other (never N + N picks).
        if (!(await mm.lockProfile(tx, mine.id))) throw new AppError('MATCHMAKING_NO_PROFILE', { status: 409 });
        const { w, phase } = await windowNow(tx, me.event);
        if (phase !== 'picking') throw new AppError(phase === 'before' ? 'MATCHMAKING_NOT_OPEN' : 'MATCHMAKING_CLOSED', { status: 409 });
        const unique = [...new Set(profileIds)];
        if (unique.length > w.maxPicks) throw fieldError('profileIds', 'MATCHMAKING_TOO_MANY', { max: w.maxPicks });
        const shown = new Set((await mm.listShownProfiles(tx, eventId, mine.id)).map((p) => p.id));
        // Someone who is not (or no longer) shown: the same answer whatever the reason.
        if (unique.some((id) => !shown.has(id))) throw fieldError('profileIds', 'MATCHMAKING_PICK_UNKNOWN');
        // Someone who withdrew since the read: the same answer (and no foreign-key failure).
        if ((await mm.holdProfiles(tx, unique)) !== unique.length) throw fieldError('profileIds', 'MATCHMAKING_PICK_UNKNOWN');
        await mm.replacePicks(tx, eventId, mine.id, unique, clock());
      });
      return service.me(eventId, ctx);
    },

    /** The caller's own matches (after the window closed). */
    async matches(eventId: string, ctx: WorkerCtx): Promise<{ items: MatchmakingMatch[] }> {
      const me = await meAt(db, eventId, ctx.userId);
      if (!me.profile) return { items: [] };
      const { phase } = await windowNow(undefined, me.event);
      if (phase !== 'revealed') return { items: [] };
      const items: MatchmakingMatch[] = [];
      for (const m of await mm.listMatchesOf(db, eventId, me.profile.id)) {
        const side = m.aId === me.profile.id ? 'a' : 'b';
        const partnerId = side === 'a' ? m.bId : m.aId;
        const partner = partnerId ? await mm.findProfile(db, partnerId) : undefined;
        items.push({ id: m.id, status: statusOf(m, side), partner: partner ? profileOut(partner) : null });
      }
      return { items };
    },

    async answer(eventId: string, matchId: string, answer: 'yes' | 'no', ctx: WorkerCtx): Promise<MatchmakingMatch> {
      return db.transaction(async (tx) => {
        const { m, side, partnerId } = await myMatch(tx, eventId, matchId, ctx.userId, true);
        const current = statusOf(m, side);
        if (current === 'declined' || current === 'confirmed' || !partnerId) throw new AppError('MATCHMAKING_MATCH_SETTLED', { status: 409 });
        await mm.answerMatch(tx, m.id, side, answer);
        const after = (await mm.findMatch(tx, m.id))!;
        const partner = await mm.findProfile(tx, partnerId);
        return { id: m.id, status: statusOf(after, side), partner: partner ? profileOut(partner) : null };
      });
    },

    /**
     * The partner's phone once both said yes. Recorded in the audit log as a read of personal data
     * of this match, with no actor: the log is read by staff, and naming who read whose phone
     * would tell them who matched with whom (the match's own rows say it to its two members only).
     */
    async contact(eventId: string, matchId: string, ctx: WorkerCtx): Promise<MatchmakingContact> {
      return db.transaction(async (tx) => {
        const { me, m, side, partnerId } = await myMatch(tx, eventId, matchId, ctx.userId);
        if (statusOf(m, side) !== 'confirmed' || !partnerId) throw new AppError('MATCHMAKING_CONTACT_NOT_YET', { status: 409 });
        const partner = (await mm.findProfile(tx, partnerId))!;
        const reg = (await repo.findRegistration(tx, partner.registrationId))!;
        const phone = await findContactPhone(tx, { personId: reg.personId, userId: reg.userId ?? partner.userId });
        await recordAudit(
          tx,
          ANONYMOUS,
          { action: 'personal_data.read', entityType: 'matchmaking_match', entityId: m.id, orgId: me.event.orgId, after: { field: 'phone', purpose: 'matchmaking' } },
        );
        return { nickname: partner.nickname, phone };
      });
    },
  };
  return service;
}
export type MatchmakingService = ReturnType<typeof createMatchmakingService>;
