import type {
  CancelVolunteerActivity,
  ConfirmVolunteerHours,
  CreateVolunteerActivity,
  CreateVolunteerTeam,
  MyVolunteer,
  Page,
  VolunteerActivity,
  VolunteerActivityState,
  VolunteerParticipants,
  VolunteerTeam,
  VolunteerTeamDetail,
  UpdateVolunteerActivity,
  UpdateVolunteerTeam,
} from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import type { Clock } from '../../platform/clock';
import { uniqueViolationOf } from '../../platform/error-handler';
import { AppError, notFound } from '../../platform/errors';
import { notify } from '../../platform/notifications';
import { createPdf } from '../../platform/pdf';
import { fieldError } from '../../platform/validation';
import { findActiveMembershipOfUser, findMemberships, findPersonIdsOfUser } from '../members';
import type { HonoursStaff } from './honours.service';
import * as repo from './volunteer.repository';
import './volunteer.errors';

export type VolunteerWorker = { userId: string; audit: AuditContext };

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const isoOrNull = (v: unknown) => (v === null || v === undefined ? null : iso(v));
/** Minutes as hours, to the half hour the organiser confirms in. */
const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
/** `YYYY-MM-DD HH:mm` in Asia/Shanghai (no daylight saving). */
const shanghaiText = (v: unknown) => new Date(new Date(iso(v)).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const shanghaiYear = (at: Date) => new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();

/** The phone's page of volunteering: where cancellations and reminders link. */
const MY_VOLUNTEER_LINK = '/m/volunteer';

function stateOf(a: repo.ActivityRow, now: Date): VolunteerActivityState {
  if (a.status === 'confirmed') return 'confirmed';
  if (a.status === 'cancelled') return 'cancelled';
  if (new Date(iso(a.starts_at)) > now) return 'upcoming';
  return new Date(iso(a.ends_at)) > now ? 'ongoing' : 'ended';
}

const toTeam = (t: repo.TeamRow): VolunteerTeam => ({
  id: t.id,
  orgId: t.org_id,
  orgName: t.org_name,
  name: t.name,
  leaderPersonId: t.leader_person_id,
  leaderName: t.leader_name,
  description: t.description,
  members: t.members,
  pending: t.pending,
  activities: t.activities,
  dissolvedAt: isoOrNull(t.dissolved_at),
  createdAt: iso(t.created_at),
});

const toActivity = (a: repo.ActivityRow, now: Date): VolunteerActivity => ({
  id: a.id,
  teamId: a.team_id,
  teamName: a.team_name,
  orgId: a.org_id,
  orgName: a.org_name,
  title: a.title,
  place: a.place,
  description: a.description,
  startsAt: iso(a.starts_at),
  endsAt: iso(a.ends_at),
  capacity: a.capacity,
  signedUp: a.signed_up,
  state: stateOf(a, now),
  hours: hoursOf(a.minutes),
  confirmedAt: isoOrNull(a.confirmed_at),
  cancelledAt: isoOrNull(a.cancelled_at),
  cancelReason: a.cancel_reason,
});

/**
 * 志愿服务: volunteer teams of unions in the caller's subtree with their members (a worker applies
 * on the phone to a team of their union or a union above it; staff approve, or add members
 * directly), activities of a team that its active members sign up for on the phone (up to the
 * headcount, cancelled before the start), hours served confirmed by the organiser after the end
 * (at most the activity's length; a participant left out served 0), and a certificate of hours.
 */
export function createVolunteerService({ db, clock = () => new Date() }: { db: Db; clock?: Clock }) {
  async function teamInScope(tx: Db, id: string, scope: Scope) {
    const t = await repo.findTeam(tx, id);
    if (!t || !isInScope(scope, t.org_path)) throw notFound('ENTITY_volunteer_team');
    return t;
  }
  /** A team in scope that may still change (not dissolved). */
  async function liveTeamInScope(tx: Db, id: string, scope: Scope) {
    const t = await teamInScope(tx, id, scope);
    if (t.dissolved_at) throw new AppError('VOLUNTEER_TEAM_DISSOLVED', { status: 409 });
    return t;
  }
  async function activityInScope(tx: Db, id: string, scope: Scope) {
    const a = await repo.findActivity(tx, id);
    if (!a || !isInScope(scope, a.org_path)) throw notFound('ENTITY_volunteer_activity');
    return a;
  }
  async function memberInScope(tx: Db, membershipId: string, scope: Scope, field: string) {
    const [m] = await findMemberships(tx, [membershipId]);
    if (!m || m.status !== 'active' || !isInScope(scope, m.orgPath)) throw fieldError(field, 'HONOURS_MEMBER_UNKNOWN');
    return m;
  }
  async function workerMember(tx: Db, userId: string) {
    const m = await findActiveMembershipOfUser(tx, userId);
    if (!m) throw new AppError('VOLUNTEER_NOT_A_MEMBER', { status: 403 });
    return m;
  }

  async function certificate(personName: string, rows: Awaited<ReturnType<typeof repo.servedOf>>, year: number | undefined, issuer: string): Promise<{ pdf: Buffer; fileName: string }> {
    if (!rows.length) throw new AppError('VOLUNTEER_NO_HOURS', { status: 409 });
    const total = hoursOf(rows.reduce((s, r) => s + r.minutes, 0));
    const span = year ? `${year} 年度` : '累计';
    const doc = createPdf({ title: '志愿服务证明', author: issuer, subject: `${personName} ${span}志愿服务时长` });
    doc.spacer(24);
    doc.heading('志愿服务证明', 1);
    doc.paragraph('Certificate of Volunteer Service', { align: 'center', color: '#666666' });
    doc.spacer(20);
    doc.paragraph(`${personName} 同志：`, { size: 14, isBold: true });
    doc.paragraph(`${span}参加工会志愿服务活动 ${rows.length} 次，经活动组织者确认，志愿服务时长共计 ${total} 小时。特此证明，感谢您的奉献！`, { size: 13 });
    doc.spacer(12);
    doc.table({
      columns: [{ header: '日期', width: 90 }, { header: '活动' }, { header: '志愿服务队', width: 150 }, { header: '时长（小时）', width: 80, align: 'right' }],
      rows: rows.map((r) => [shanghaiText(r.starts_at).slice(0, 10), r.title, r.team_name, String(hoursOf(r.minutes))]),
      totalRow: ['合计', `${rows.length} 次`, '', String(total)],
    });
    doc.spacer(32);
    doc.signatures([{ label: '出具单位', name: issuer, date: shanghaiText(clock()).slice(0, 10) }]);
    return { pdf: await doc.finish(), fileName: `${personName}-${year ?? '累计'}-志愿服务证明.pdf` };
  }

  async function participants(id: string, scope: Scope): Promise<VolunteerParticipants> {
    const a = await activityInScope(db, id, scope);
    const items = await repo.listSignups(db, id);
    return {
      activity: toActivity(a, clock()),
      items: items.map((s) => ({ signupId: s.id, personId: s.person_id, personName: s.person_name, orgName: s.org_name, hours: s.minutes === null ? null : hoursOf(s.minutes), signedUpAt: iso(s.created_at) })),
    };
  }

  return {
    // ---- the console ----
    async listTeams(q: { orgId?: string | undefined; q?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<VolunteerTeam>> {
      const { items, total } = await repo.listTeams(db, { ...q, scope });
      return { items: items.map(toTeam), total, page: q.page, pageSize: q.pageSize };
    },

    async getTeam(id: string, scope: Scope): Promise<VolunteerTeamDetail> {
      const t = await teamInScope(db, id, scope);
      const members = await repo.listMembers(db, id);
      return {
        ...toTeam(t),
        memberList: members.map((m) => ({ personId: m.person_id, personName: m.person_name, orgName: m.org_name, status: m.status, isLeader: m.person_id === t.leader_person_id, hours: hoursOf(m.minutes), createdAt: iso(m.created_at) })),
      };
    },

    async createTeam(input: CreateVolunteerTeam, ctx: HonoursStaff): Promise<VolunteerTeam> {
      return db.transaction(async (tx) => {
        const o = await repo.findTeamOrg(tx, input.orgId);
        if (!o || o.status !== 'active' || !isInScope(ctx.scope, o.path)) throw fieldError('orgId', 'VOLUNTEER_ORG_OUT_OF_SCOPE');
        const leader = await memberInScope(tx, input.leaderMembershipId, ctx.scope, 'leaderMembershipId');
        const id = await repo.insertTeam(tx, { orgId: o.id, name: input.name, leaderPersonId: leader.personId, leaderName: leader.realName, description: input.description || null, createdBy: ctx.userId }, clock());
        if (!id) throw fieldError('name', 'VOLUNTEER_TEAM_NAME_TAKEN');
        await recordAudit(tx, ctx.audit, { action: 'volunteer.team_created', entityType: 'volunteer_team', entityId: id, orgId: o.id, after: { name: input.name, leader: leader.realName } });
        return toTeam((await repo.findTeam(tx, id))!);
      });
    },

    /**
     * 编辑队伍: name, description and the owning union — which must be in the caller's scope (and
     * in the team's district: its rows are keyed by it); the team's activities follow it.
     */
    async updateTeam(id: string, input: UpdateVolunteerTeam, ctx: HonoursStaff): Promise<VolunteerTeam> {
      return db
        .transaction(async (tx) => {
          const t = await liveTeamInScope(tx, id, ctx.scope);
          if (input.orgId !== t.org_id) {
            const o = await repo.findTeamOrg(tx, input.orgId);
            if (!o || o.status !== 'active' || !isInScope(ctx.scope, o.path)) throw fieldError('orgId', 'VOLUNTEER_ORG_OUT_OF_SCOPE');
            if (!(await repo.isSameDistrict(tx, id, o.id))) throw fieldError('orgId', 'VOLUNTEER_ORG_OTHER_DISTRICT');
          }
          const description = input.description || null;
          await repo.updateTeam(tx, id, { orgId: input.orgId, name: input.name, description });
          const after = (await repo.findTeam(tx, id))!;
          await recordAudit(tx, ctx.audit, {
            action: 'volunteer.team_updated',
            entityType: 'volunteer_team',
            entityId: id,
            orgId: after.org_id,
            before: { name: t.name, org: t.org_name, description: t.description },
            after: { name: after.name, org: after.org_name, description },
          });
          return toTeam(after);
        })
        .catch((error: unknown) => {
          if (uniqueViolationOf(error) === 'volunteer_team_name_unique') throw fieldError('name', 'VOLUNTEER_TEAM_NAME_TAKEN');
          throw error;
        });
    },

    /** 解散: the team takes no more members or activities; its past activities and hours stay. Activities ahead are cancelled first. */
    async dissolveTeam(id: string, ctx: HonoursStaff): Promise<VolunteerTeam> {
      const now = clock();
      return db.transaction(async (tx) => {
        const t = await liveTeamInScope(tx, id, ctx.scope);
        const ahead = await repo.countUpcoming(tx, id, now);
        if (ahead > 0) throw new AppError('VOLUNTEER_TEAM_HAS_UPCOMING', { status: 409, params: { n: ahead } });
        if (!(await repo.dissolveTeam(tx, id, now))) throw new AppError('VOLUNTEER_TEAM_DISSOLVED', { status: 409 });
        await recordAudit(tx, ctx.audit, { action: 'volunteer.team_dissolved', entityType: 'volunteer_team', entityId: id, orgId: t.org_id, before: { name: t.name, members: t.members } });
        return toTeam((await repo.findTeam(tx, id))!);
      });
    },

    /** Staff add an active member of a union in scope; an applicant is approved by it. */
    async addMember(id: string, membershipId: string, ctx: HonoursStaff): Promise<void> {
      await db.transaction(async (tx) => {
        const t = await liveTeamInScope(tx, id, ctx.scope);
        const m = await memberInScope(tx, membershipId, ctx.scope, 'membershipId');
        if (!(await repo.upsertMember(tx, { teamId: id, orgId: t.org_id, personId: m.personId, personName: m.realName, status: 'active' }, clock()))) throw new AppError('VOLUNTEER_ALREADY_MEMBER', { status: 409 });
        await recordAudit(tx, ctx.audit, { action: 'volunteer.member_added', entityType: 'volunteer_team', entityId: id, orgId: t.org_id, after: { person: m.realName } });
      });
    },

    async approveMember(id: string, personId: string, ctx: HonoursStaff): Promise<void> {
      await db.transaction(async (tx) => {
        const t = await liveTeamInScope(tx, id, ctx.scope);
        if (!(await repo.approveMember(tx, id, personId, clock()))) throw new AppError('VOLUNTEER_NOT_PENDING', { status: 409 });
        await recordAudit(tx, ctx.audit, { action: 'volunteer.member_approved', entityType: 'volunteer_team', entityId: id, orgId: t.org_id, after: { personId } });
      });
    },

    /** Rejects an application or removes a member (not the leader); their past hours stay on their sign-ups. */
    async removeMember(id: string, personId: string, ctx: HonoursStaff): Promise<void> {
      await db.transaction(async (tx) => {
        const t = await teamInScope(tx, id, ctx.scope);
        if (personId === t.leader_person_id) throw new AppError('VOLUNTEER_LEADER_STAYS', { status: 409 });
        const gone = await repo.deleteMember(tx, id, personId);
        if (!gone) throw notFound('ENTITY_volunteer_person');
        await recordAudit(tx, ctx.audit, {
          action: gone.status === 'pending' ? 'volunteer.member_rejected' : 'volunteer.member_removed',
          entityType: 'volunteer_team',
          entityId: id,
          orgId: t.org_id,
          before: { person: gone.person_name, status: gone.status },
        });
      });
    },

    async listActivities(q: { orgId?: string | undefined; teamId?: string | undefined; state?: string | undefined; q?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<VolunteerActivity>> {
      const now = clock();
      const { items, total } = await repo.listActivities(db, { ...q, scope }, now);
      return { items: items.map((a) => toActivity(a, now)), total, page: q.page, pageSize: q.pageSize };
    },

    async createActivity(input: CreateVolunteerActivity, ctx: HonoursStaff): Promise<VolunteerActivity> {
      const now = clock();
      return db.transaction(async (tx) => {
        const t = await repo.findTeam(tx, input.teamId);
        if (!t || !isInScope(ctx.scope, t.org_path)) throw fieldError('teamId', 'VOLUNTEER_TEAM_UNKNOWN');
        if (t.dissolved_at) throw fieldError('teamId', 'VOLUNTEER_TEAM_DISSOLVED');
        if (new Date(input.startsAt) <= now) throw fieldError('startsAt', 'VOLUNTEER_STARTS_PAST');
        const id = await repo.insertActivity(tx, { teamId: t.id, orgId: t.org_id, title: input.title, place: input.place, description: input.description || null, startsAt: input.startsAt, endsAt: input.endsAt, capacity: input.capacity, createdBy: ctx.userId });
        await recordAudit(tx, ctx.audit, { action: 'volunteer.activity_created', entityType: 'volunteer_activity', entityId: id, orgId: t.org_id, after: { team: t.name, title: input.title, startsAt: input.startsAt, capacity: input.capacity } });
        return toActivity((await repo.findActivity(tx, id))!, now);
      });
    },

    /**
     * 编辑活动: title, place, description and headcount (never below those signed up) while it is
     * open; its times only before it starts (a new start is in the future). Those signed up get
     * the reminder again for a new time.
     */
    async updateActivity(id: string, input: UpdateVolunteerActivity, ctx: HonoursStaff): Promise<VolunteerActivity> {
      const now = clock();
      return db.transaction(async (tx) => {
        await repo.lockActivity(tx, id);
        const a = await activityInScope(tx, id, ctx.scope);
        if (a.status !== 'open') throw new AppError('VOLUNTEER_NOT_OPEN', { status: 409 });
        const startsAt = new Date(iso(a.starts_at));
        const isRetimed = new Date(input.startsAt).getTime() !== startsAt.getTime() || new Date(input.endsAt).getTime() !== new Date(iso(a.ends_at)).getTime();
        if (isRetimed && startsAt <= now) throw fieldError('startsAt', 'VOLUNTEER_TIMES_LOCKED');
        if (isRetimed && new Date(input.startsAt) <= now) throw fieldError('startsAt', 'VOLUNTEER_STARTS_PAST');
        if (input.capacity < a.signed_up) throw fieldError('capacity', 'VOLUNTEER_CAPACITY_BELOW_SIGNED_UP', { n: a.signed_up });
        const v = { title: input.title, place: input.place, description: input.description || null, startsAt: input.startsAt, endsAt: input.endsAt, capacity: input.capacity };
        await repo.updateActivity(tx, id, v, isRetimed);
        await recordAudit(tx, ctx.audit, {
          action: 'volunteer.activity_updated',
          entityType: 'volunteer_activity',
          entityId: id,
          orgId: a.org_id,
          before: { title: a.title, place: a.place, startsAt: iso(a.starts_at), endsAt: iso(a.ends_at), capacity: a.capacity },
          after: { title: v.title, place: v.place, startsAt: iso(v.startsAt), endsAt: iso(v.endsAt), capacity: v.capacity },
        });
        return toActivity((await repo.findActivity(tx, id))!, now);
      });
    },

    /** 取消活动: before it starts, with a reason; every volunteer signed up is told (in the same transaction). */
    async cancelActivity(id: string, input: CancelVolunteerActivity, ctx: HonoursStaff): Promise<VolunteerActivity> {
      const now = clock();
      return db.transaction(async (tx) => {
        await repo.lockActivity(tx, id);
        const a = await activityInScope(tx, id, ctx.scope);
        if (a.status === 'cancelled') throw new AppError('VOLUNTEER_ACTIVITY_CANCELLED', { status: 409 });
        if (a.status !== 'open' || new Date(iso(a.starts_at)) <= now) throw new AppError('VOLUNTEER_CANCEL_STARTED', { status: 409 });
        if (!(await repo.cancelActivity(tx, id, input.reason, now))) throw new AppError('VOLUNTEER_CANCEL_STARTED', { status: 409 });
        const users = await repo.signedUpUsers(tx, id);
        if (users.length) {
          await notify(tx, {
            to: { userIds: users },
            kind: 'volunteer.cancelled',
            orgId: a.org_id,
            title: { key: 'NOTIFY_VOLUNTEER_CANCELLED', params: { title: a.title } },
            body: { key: 'NOTIFY_VOLUNTEER_CANCELLED_BODY', params: { at: shanghaiText(a.starts_at), reason: input.reason } },
            link: MY_VOLUNTEER_LINK,
            entity: { type: 'volunteer_activity', id },
            sms: true,
          });
        }
        await recordAudit(tx, ctx.audit, { action: 'volunteer.activity_cancelled', entityType: 'volunteer_activity', entityId: id, orgId: a.org_id, before: { title: a.title, signedUp: a.signed_up }, after: { reason: input.reason, notified: users.length } });
        return toActivity((await repo.findActivity(tx, id))!, now);
      });
    },

    /**
     * 活动提醒 (the scheduled sweep): each volunteer signed up for an open activity starting within
     * the next `withinHours` is told when and where, once per sign-up however often or on however
     * many instances the sweep runs (the rows are claimed in the database).
     */
    async remindUpcoming(withinHours = 24): Promise<{ reminded: number }> {
      const now = clock();
      return db.transaction(async (tx) => {
        const due = await repo.claimReminders(tx, now, new Date(now.getTime() + withinHours * 3600_000), now);
        for (const r of due) {
          await notify(tx, {
            to: { userIds: [r.user_id] },
            kind: 'volunteer.reminder',
            orgId: r.org_id,
            title: { key: 'NOTIFY_VOLUNTEER_REMINDER', params: { title: r.title } },
            body: { key: 'NOTIFY_VOLUNTEER_REMINDER_BODY', params: { at: shanghaiText(r.starts_at), place: r.place } },
            link: MY_VOLUNTEER_LINK,
            entity: { type: 'volunteer_activity', id: r.activity_id },
          });
        }
        return { reminded: due.length };
      });
    },

    participants,

    /**
     * 补录: a member of the team who served without signing up (a walk-in), added by the organiser
     * once the activity has started; the headcount still holds.
     */
    async addParticipant(id: string, personId: string, ctx: HonoursStaff): Promise<VolunteerParticipants> {
      const now = clock();
      await db.transaction(async (tx) => {
        const a = await activityInScope(tx, id, ctx.scope);
        if (a.status === 'cancelled') throw new AppError('VOLUNTEER_ACTIVITY_CANCELLED', { status: 409 });
        if (new Date(iso(a.starts_at)) > now) throw new AppError('VOLUNTEER_NOT_STARTED', { status: 409 });
        if ((await repo.memberStatus(tx, a.team_id, personId)) !== 'active') throw fieldError('personId', 'VOLUNTEER_NOT_TEAM_MEMBER');
        const name = (await repo.findPersonName(tx, personId))!;
        const signupId = await repo.insertSignup(tx, { activityId: id, orgId: a.org_id, personId, personName: name }, now);
        if (!signupId) throw new AppError('VOLUNTEER_ALREADY_PARTICIPANT', { status: 409 });
        if (!(await repo.takePlace(tx, id))) throw new AppError('VOLUNTEER_FULL', { status: 409 });
        await recordAudit(tx, ctx.audit, { action: 'volunteer.participant_added', entityType: 'volunteer_signup', entityId: signupId, orgId: a.org_id, after: { activity: a.title, person: name } });
      });
      return participants(id, ctx.scope);
    },

    /**
     * 确认服务时长: after the activity has ended, hours per participant (at most the activity's
     * length); a participant left out served 0. Confirming again adjusts them.
     */
    async confirmHours(id: string, input: ConfirmVolunteerHours, ctx: HonoursStaff): Promise<VolunteerParticipants> {
      const now = clock();
      await db.transaction(async (tx) => {
        const a = await activityInScope(tx, id, ctx.scope);
        if (a.status === 'cancelled') throw new AppError('VOLUNTEER_ACTIVITY_CANCELLED', { status: 409 });
        const endsAt = new Date(iso(a.ends_at));
        if (endsAt > now) throw new AppError('VOLUNTEER_NOT_ENDED', { status: 409 });
        const maxMinutes = Math.round((endsAt.getTime() - new Date(iso(a.starts_at)).getTime()) / 60_000);
        const live = new Set((await repo.listSignups(tx, id)).map((s) => s.id));
        const minutes = new Map<string, number>();
        input.hours.forEach((h, i) => {
          if (!live.has(h.signupId)) throw fieldError(`hours.${i}.signupId`, 'VOLUNTEER_SIGNUP_UNKNOWN');
          const m = Math.round(h.hours * 60);
          if (m > maxMinutes) throw fieldError(`hours.${i}.hours`, 'VOLUNTEER_HOURS_OVER', { max: hoursOf(maxMinutes) });
          minutes.set(h.signupId, m);
        });
        await repo.confirmMinutes(tx, id, minutes, now);
        const total = [...minutes.values()].reduce((s, m) => s + m, 0);
        await recordAudit(tx, ctx.audit, {
          action: 'volunteer.hours_confirmed',
          entityType: 'volunteer_activity',
          entityId: id,
          orgId: a.org_id,
          before: a.status === 'confirmed' ? { hours: hoursOf(a.minutes) } : null,
          after: { participants: live.size, hours: hoursOf(total) },
        });
      });
      return participants(id, ctx.scope);
    },

    /** A certificate of a person's hours in activities of the caller's scope. */
    async staffCertificate(personId: string, year: number | undefined, ctx: HonoursStaff): Promise<{ pdf: Buffer; fileName: string }> {
      const rows = await repo.servedOf(db, [personId], { scope: ctx.scope, year });
      const name = rows.length ? await repo.findPersonName(db, personId) : undefined;
      if (!name) throw notFound('ENTITY_volunteer_person');
      return certificate(name, rows, year, rows[rows.length - 1]!.org_name);
    },

    // ---- the worker's side ----

    /** 我的志愿服务: teams of the worker's union and above (with their status), activities of their teams ahead, their hours. */
    async mine(userId: string): Promise<MyVolunteer> {
      const now = clock();
      const m = await findActiveMembershipOfUser(db, userId);
      const personIds = await findPersonIdsOfUser(db, userId);
      const mine = new Map((await repo.memberships(db, personIds)).map((r) => [r.team_id, r.status]));
      const teams = m ? await repo.listTeamsAbove(db, m.orgPath) : [];
      const activeTeams = [...mine].filter(([, s]) => s === 'active').map(([t]) => t);
      const signups = await repo.signupsOf(db, personIds);
      const byActivity = new Map(signups.map((s) => [s.activity_id, s]));
      const activities = await repo.listActivitiesOfTeams(db, activeTeams, now);
      const served = signups.filter((s) => s.status === 'signed_up' && s.minutes !== null);
      const year = shanghaiYear(now);
      return {
        isMember: m !== null,
        teams: teams.map((t) => ({ ...toTeam(t), myStatus: mine.get(t.id) ?? null })),
        activities: activities.map((a) => {
          const s = byActivity.get(a.id);
          const isSignedUp = s?.status === 'signed_up';
          return { ...toActivity(a, now), isSignedUp, myHours: isSignedUp && s.minutes !== null ? hoursOf(s.minutes) : null };
        }),
        hours: {
          total: hoursOf(served.reduce((sum, s) => sum + (s.minutes ?? 0), 0)),
          thisYear: hoursOf(served.filter((s) => shanghaiYear(new Date(iso(s.starts_at))) === year).reduce((sum, s) => sum + (s.minutes ?? 0), 0)),
          activities: served.filter((s) => (s.minutes ?? 0) > 0).length,
        },
      };
    },

    /** 申请加入: a team of the worker's union or a union above it; its organiser approves. */
    async join(teamId: string, actor: VolunteerWorker): Promise<void> {
      await db.transaction(async (tx) => {
        const m = await workerMember(tx, actor.userId);
        const t = await repo.findTeam(tx, teamId);
        if (!t) throw notFound('ENTITY_volunteer_team');
        if (t.dissolved_at) throw new AppError('VOLUNTEER_TEAM_DISSOLVED', { status: 409 });
        if (!m.orgPath.startsWith(t.org_path)) throw new AppError('VOLUNTEER_TEAM_NOT_OPEN', { status: 403 });
        const status = await repo.upsertMember(tx, { teamId, orgId: t.org_id, personId: m.personId, personName: m.realName, status: 'pending' }, clock());
        if (!status) {
          const now = await repo.memberStatus(tx, teamId, m.personId);
          throw new AppError(now === 'pending' ? 'VOLUNTEER_ALREADY_APPLIED' : 'VOLUNTEER_ALREADY_MEMBER', { status: 409 });
        }
        await recordAudit(tx, actor.audit, { action: 'volunteer.member_applied', entityType: 'volunteer_team', entityId: teamId, orgId: t.org_id, after: { person: m.realName } });
      });
    },

    /**
     * 报名: an active member of the activity's team, before it starts, once (the unique index), and a
     * place taken by the conditional update in the same transaction (a full activity rolls it back).
     */
    async signUp(activityId: string, actor: VolunteerWorker): Promise<void> {
      const now = clock();
      await db
        .transaction(async (tx) => {
          const m = await workerMember(tx, actor.userId);
          const a = await repo.findActivity(tx, activityId);
          if (!a) throw notFound('ENTITY_volunteer_activity');
          if ((await repo.memberStatus(tx, a.team_id, m.personId)) !== 'active') throw new AppError('VOLUNTEER_NOT_IN_TEAM', { status: 403 });
          if (a.status === 'cancelled') throw new AppError('VOLUNTEER_ACTIVITY_CANCELLED', { status: 409 });
          if (new Date(iso(a.starts_at)) <= now || a.status !== 'open') throw new AppError('VOLUNTEER_STARTED', { status: 409 });
          const id = await repo.insertSignup(tx, { activityId, orgId: a.org_id, personId: m.personId, personName: m.realName }, now);
          if (!id) throw new AppError('VOLUNTEER_ALREADY_SIGNED_UP', { status: 409 });
          if (!(await repo.takePlace(tx, activityId))) throw new AppError('VOLUNTEER_FULL', { status: 409 });
          await recordAudit(tx, actor.audit, { action: 'volunteer.signed_up', entityType: 'volunteer_signup', entityId: id, orgId: a.org_id, after: { activity: a.title, person: m.realName } });
        })
        .catch((error: unknown) => {
          if (uniqueViolationOf(error) === 'volunteer_signup_unique') throw new AppError('VOLUNTEER_ALREADY_SIGNED_UP', { status: 409 });
          throw error;
        });
    },

    /** 取消报名: the worker's own sign-up, before the activity starts; the place is free again. */
    async cancel(activityId: string, actor: VolunteerWorker): Promise<void> {
      const now = clock();
      await db.transaction(async (tx) => {
        const a = await repo.findActivity(tx, activityId);
        if (!a) throw notFound('ENTITY_volunteer_activity');
        const s = await repo.findSignup(tx, activityId, await findPersonIdsOfUser(tx, actor.userId));
        if (!s || s.status !== 'signed_up') throw new AppError('VOLUNTEER_NOT_SIGNED_UP', { status: 409 });
        if (new Date(iso(a.starts_at)) <= now) throw new AppError('VOLUNTEER_STARTED', { status: 409 });
        if (!(await repo.cancelSignup(tx, s.id, now))) throw new AppError('VOLUNTEER_NOT_SIGNED_UP', { status: 409 });
        await recordAudit(tx, actor.audit, { action: 'volunteer.signup_cancelled', entityType: 'volunteer_signup', entityId: s.id, orgId: a.org_id, after: { activity: a.title } });
      });
    },

    /** 我的志愿服务证明: the worker's confirmed hours (every person record of their account), in a year or in total. */
    async myCertificate(userId: string, year: number | undefined): Promise<{ pdf: Buffer; fileName: string }> {
      const personIds = await findPersonIdsOfUser(db, userId);
      const rows = await repo.servedOf(db, personIds, { scope: 'all', year });
      const m = await findActiveMembershipOfUser(db, userId);
      const name = m?.realName ?? (personIds.length ? await repo.findPersonName(db, personIds[0]!) : undefined) ?? '';
      return certificate(name, rows, year, rows.length ? rows[rows.length - 1]!.org_name : '');
    },
  };
}

export type VolunteerService = ReturnType<typeof createVolunteerService>;
