import { sql, type SQL } from 'drizzle-orm';
import type { VolunteerMemberStatus } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { query, queryOne } from '../../db/rows';
import { scopeSql, type Scope } from '../../platform/auth';
import { containing, underOrg } from './honours.repository';

/** Every query on the volunteer tables (volunteer_team, volunteer_member, volunteer_activity, volunteer_signup). */

export type TeamRow = {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  name: string;
  leader_person_id: string;
  leader_name: string;
  description: string | null;
  members: number;
  pending: number;
  activities: number;
  dissolved_at: unknown;
  created_at: unknown;
};

const teamSelect = sql`select t.id, t.org_id, o.name as org_name, o.path as org_path, t.name, t.leader_person_id, t.leader_name, t.description, t.dissolved_at, t.created_at,
    (select count(*)::int from volunteer_member m where m.team_id = t.id and m.status = 'active') as members,
    (select count(*)::int from volunteer_member m where m.team_id = t.id and m.status = 'pending') as pending,
    (select count(*)::int from volunteer_activity a where a.team_id = t.id) as activities
  from volunteer_team t join org o on o.id = t.org_id`;

export async function listTeams(db: Db, f: { scope: Scope; orgId?: string | undefined; q?: string | undefined; page: number; pageSize: number }): Promise<{ items: TeamRow[]; total: number }> {
  const where: SQL[] = [scopeSql(f.scope, sql`o.path`), underOrg(f.orgId, sql`o.path`)];
  if (f.q) where.push(sql`(t.name like ${containing(f.q)} or t.leader_name like ${containing(f.q)})`);
  const w = sql.join(where, sql` and `);
  const items = await query<TeamRow>(db, sql`${teamSelect} where ${w} order by o.path, t.name, t.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from volunteer_team t join org o on o.id = t.org_id where ${w}`);
  return { items, total: total?.n ?? 0 };
}

export async function findTeam(db: Db, id: string): Promise<TeamRow | undefined> {
  return queryOne<TeamRow>(db, sql`${teamSelect} where t.id = ${id}`);
}

/** Teams of the member's union and the unions above it (a worker may join those). */
export async function listTeamsAbove(db: Db, orgPath: string): Promise<TeamRow[]> {
  return query<TeamRow>(db, sql`${teamSelect} where ${orgPath} like o.path || '%' and t.dissolved_at is null order by o.depth, t.name limit 200`);
}

/** Inserts a team with its leader as its first (active) member; null when the union has one of that name. */
export async function insertTeam(db: Db, v: { orgId: string; name: string; leaderPersonId: string; leaderName: string; description: string | null; createdBy: string }, now: Date): Promise<string | null> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into volunteer_team (org_id, name, leader_person_id, leader_name, description, created_by) values (${v.orgId}, ${v.name}, ${v.leaderPersonId}, ${v.leaderName}, ${v.description}, ${v.createdBy})
      on conflict (org_id, name) do nothing returning id`,
  );
  if (!row) return null;
  await upsertMember(db, { teamId: row.id, orgId: v.orgId, personId: v.leaderPersonId, personName: v.leaderName, status: 'active' }, now);
  return row.id;
}

/**
 * A member row: a new one as given; an existing pending one becomes active when `status` is active
 * (staff adding an applicant approves them). Returns the resulting status, or null when nothing changed.
 */
export async function upsertMember(db: Db, v: { teamId: string; orgId: string; personId: string; personName: string; status: VolunteerMemberStatus }, now: Date): Promise<VolunteerMemberStatus | null> {
  const approved = v.status === 'active' ? now.toISOString() : null;
  const row = await queryOne<{ status: VolunteerMemberStatus }>(
    db,
    sql`insert into volunteer_member (team_id, person_id, org_id, person_name, status, approved_at) values (${v.teamId}, ${v.personId}, ${v.orgId}, ${v.personName}, ${v.status}, ${approved})
      on conflict (team_id, person_id) do update set status = 'active', approved_at = ${approved}
        where volunteer_member.status = 'pending' and excluded.status = 'active'
      returning status`,
  );
  return row?.status ?? null;
}

export async function approveMember(db: Db, teamId: string, personId: string, now: Date): Promise<boolean> {
  const rows = await query<{ person_id: string }>(
    db,
    sql`update volunteer_member set status = 'active', approved_at = ${now.toISOString()} where team_id = ${teamId} and person_id = ${personId} and status = 'pending' returning person_id`,
  );
  return rows.length === 1;
}

export async function deleteMember(db: Db, teamId: string, personId: string): Promise<{ person_name: string; status: string } | undefined> {
  return queryOne(db, sql`delete from volunteer_member where team_id = ${teamId} and person_id = ${personId} returning person_name, status`);
}

export async function memberStatus(db: Db, teamId: string, personId: string): Promise<VolunteerMemberStatus | null> {
  const row = await queryOne<{ status: VolunteerMemberStatus }>(db, sql`select status from volunteer_member where team_id = ${teamId} and person_id = ${personId}`);
  return row?.status ?? null;
}

export async function listMembers(
  db: Db,
  teamId: string,
): Promise<{ person_id: string; person_name: string; org_name: string; status: VolunteerMemberStatus; minutes: number; created_at: unknown }[]> {
  return query(
    db,
    sql`select m.person_id, m.person_name, m.status, m.created_at,
        coalesce((select o.name from membership ms join org o on o.id = ms.org_id where ms.person_id = m.person_id and ms.status = 'active' limit 1), '') as org_name,
        coalesce((select sum(s.minutes) from volunteer_signup s join volunteer_activity a on a.id = s.activity_id where a.team_id = m.team_id and s.person_id = m.person_id and s.status = 'signed_up'), 0)::int as minutes
      from volunteer_member m where m.team_id = ${teamId} order by m.status desc, m.created_at, m.person_name limit 1000`,
  );
}

/** The teams a person belongs to or applied to, with their status there. */
export async function memberships(db: Db, personIds: string[]): Promise<{ team_id: string; status: VolunteerMemberStatus }[]> {
  if (!personIds.length) return [];
  return query(db, sql`select team_id, status from volunteer_member where person_id = any(${sql.param([...personIds])}::uuid[])`);
}

export type ActivityRow = {
  id: string;
  team_id: string;
  team_name: string;
  org_id: string;
  org_name: string;
  org_path: string;
  title: string;
  place: string;
  description: string | null;
  starts_at: unknown;
  ends_at: unknown;
  capacity: number;
  signed_up: number;
  status: 'open' | 'confirmed' | 'cancelled';
  confirmed_at: unknown;
  cancelled_at: unknown;
  cancel_reason: string | null;
  minutes: number;
};

const activitySelect = sql`select a.id, a.team_id, t.name as team_name, a.org_id, o.name as org_name, o.path as org_path, a.title, a.place, a.description, a.starts_at, a.ends_at, a.capacity, a.signed_up, a.status, a.confirmed_at, a.cancelled_at, a.cancel_reason,
    coalesce((select sum(s.minutes) from volunteer_signup s where s.activity_id = a.id and s.status = 'signed_up'), 0)::int as minutes
  from volunteer_activity a join volunteer_team t on t.id = a.team_id join org o on o.id = a.org_id`;

/** The state filter in SQL, matching `stateOf` in the service. */
function stateSql(state: string, now: string): SQL {
  if (state === 'confirmed') return sql`a.status = 'confirmed'`;
  if (state === 'cancelled') return sql`a.status = 'cancelled'`;
  if (state === 'upcoming') return sql`a.status = 'open' and a.starts_at > ${now}`;
  if (state === 'ongoing') return sql`a.status = 'open' and a.starts_at <= ${now} and a.ends_at > ${now}`;
  return sql`a.status = 'open' and a.ends_at <= ${now}`;
}

export async function listActivities(
  db: Db,
  f: { scope: Scope; orgId?: string | undefined; teamId?: string | undefined; state?: string | undefined; q?: string | undefined; page: number; pageSize: number },
  now: Date,
): Promise<{ items: ActivityRow[]; total: number }> {
  const where: SQL[] = [scopeSql(f.scope, sql`o.path`), underOrg(f.orgId, sql`o.path`)];
  if (f.teamId) where.push(sql`a.team_id = ${f.teamId}`);
  if (f.state) where.push(stateSql(f.state, now.toISOString()));
  if (f.q) where.push(sql`(a.title like ${containing(f.q)} or a.place like ${containing(f.q)})`);
  const w = sql.join(where, sql` and `);
  const items = await query<ActivityRow>(db, sql`${activitySelect} where ${w} order by a.starts_at desc, a.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from volunteer_activity a join org o on o.id = a.org_id where ${w}`);
  return { items, total: total?.n ?? 0 };
}

export async function findActivity(db: Db, id: string): Promise<ActivityRow | undefined> {
  return queryOne<ActivityRow>(db, sql`${activitySelect} where a.id = ${id}`);
}

/** Activities of these teams that have not ended, soonest first. */
export async function listActivitiesOfTeams(db: Db, teamIds: string[], now: Date): Promise<ActivityRow[]> {
  if (!teamIds.length) return [];
  return query<ActivityRow>(db, sql`${activitySelect} where a.team_id = any(${sql.param([...teamIds])}::uuid[]) and a.ends_at > ${now.toISOString()} order by a.starts_at, a.id limit 100`);
}

export async function insertActivity(
  db: Db,
  v: { teamId: string; orgId: string; title: string; place: string; description: string | null; startsAt: string; endsAt: string; capacity: number; createdBy: string },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into volunteer_activity (team_id, org_id, title, place, description, starts_at, ends_at, capacity, created_by)
      values (${v.teamId}, ${v.orgId}, ${v.title}, ${v.place}, ${v.description}, ${v.startsAt}, ${v.endsAt}, ${v.capacity}, ${v.createdBy}) returning id`,
  );
  return row!.id;
}

export type SignupRow = { id: string; activity_id: string; person_id: string; person_name: string; status: 'signed_up' | 'cancelled'; minutes: number | null; created_at: unknown; org_name: string };

export async function listSignups(db: Db, activityId: string): Promise<SignupRow[]> {
  return query<SignupRow>(
    db,
    sql`select s.id, s.activity_id, s.person_id, s.person_name, s.status, s.minutes, s.created_at,
        coalesce((select o.name from membership ms join org o on o.id = ms.org_id where ms.person_id = s.person_id and ms.status = 'active' limit 1), '') as org_name
      from volunteer_signup s where s.activity_id = ${activityId} and s.status = 'signed_up' order by s.created_at, s.person_name limit 1000`,
  );
}

export async function findSignup(db: Db, activityId: string, personIds: string[]): Promise<SignupRow | undefined> {
  if (!personIds.length) return undefined;
  return queryOne<SignupRow>(db, sql`select s.*, '' as org_name from volunteer_signup s where s.activity_id = ${activityId} and s.person_id = any(${sql.param([...personIds])}::uuid[]) order by s.status desc limit 1`);
}

/**
 * Signs up: a new row, or a cancelled one live again; null when the person is signed up already.
 * The place is taken by the caller in the same transaction (`takePlace`).
 */
export async function insertSignup(db: Db, v: { activityId: string; orgId: string; personId: string; personName: string }, now: Date): Promise<string | null> {
  const stamp = now.toISOString();
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into volunteer_signup (activity_id, org_id, person_id, person_name, created_at, updated_at) values (${v.activityId}, ${v.orgId}, ${v.personId}, ${v.personName}, ${stamp}, ${stamp})
      on conflict (activity_id, person_id) do update set status = 'signed_up', created_at = ${stamp}, updated_at = ${stamp} where volunteer_signup.status = 'cancelled'
      returning id`,
  );
  return row?.id ?? null;
}

/** Takes one place while any is left (the row lock orders concurrent sign-ups; the check backs it). */
export async function takePlace(db: Db, activityId: string): Promise<boolean> {
  const rows = await query<{ id: string }>(db, sql`update volunteer_activity set signed_up = signed_up + 1 where id = ${activityId} and signed_up < capacity returning id`);
  return rows.length === 1;
}

export async function cancelSignup(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await query<{ activity_id: string }>(db, sql`update volunteer_signup set status = 'cancelled', updated_at = ${now.toISOString()} where id = ${id} and status = 'signed_up' returning activity_id`);
  if (rows.length !== 1) return false;
  await db.execute(sql`update volunteer_activity set signed_up = signed_up - 1 where id = ${rows[0]!.activity_id} and signed_up > 0`);
  return true;
}

/** Sets every live sign-up's minutes from the map (absent = 0) and marks the activity confirmed. */
export async function confirmMinutes(db: Db, activityId: string, minutes: Map<string, number>, now: Date): Promise<void> {
  const stamp = now.toISOString();
  const ids = [...minutes.keys()];
  const values = ids.length ? sql.join(ids.map((id) => sql`(${id}::uuid, ${minutes.get(id)!}::int)`), sql`, `) : null;
  const given = values ? sql`coalesce((select v.m from (values ${values}) as v(id, m) where v.id = volunteer_signup.id), 0)` : sql`0`;
  await db.execute(sql`update volunteer_signup set minutes = ${given}, confirmed_at = ${stamp}, updated_at = ${stamp} where activity_id = ${activityId} and status = 'signed_up'`);
  await db.execute(sql`update volunteer_activity set status = 'confirmed', confirmed_at = ${stamp} where id = ${activityId}`);
}

/** Confirmed minutes of a person's sign-ups (all their person records), optionally in one year (Asia/Shanghai, by the activity's start), limited to activities in scope. */
export async function servedOf(db: Db, personIds: string[], f: { scope: Scope; year?: number | undefined }): Promise<{ title: string; team_name: string; org_name: string; starts_at: unknown; minutes: number }[]> {
  if (!personIds.length) return [];
  const where: SQL[] = [sql`s.person_id = any(${sql.param([...personIds])}::uuid[])`, sql`s.status = 'signed_up'`, sql`s.minutes > 0`, scopeSql(f.scope, sql`o.path`)];
  if (f.year) where.push(sql`extract(year from a.starts_at at time zone 'Asia/Shanghai') = ${f.year}`);
  return query(
    db,
    sql`select a.title, t.name as team_name, o.name as org_name, a.starts_at, s.minutes from volunteer_signup s join volunteer_activity a on a.id = s.activity_id
      join volunteer_team t on t.id = a.team_id join org o on o.id = a.org_id where ${sql.join(where, sql` and `)} order by a.starts_at, a.id limit 2000`,
  );
}

/** The worker's sign-ups with their confirmed minutes. */
export async function signupsOf(db: Db, personIds: string[]): Promise<{ activity_id: string; status: string; minutes: number | null; starts_at: unknown }[]> {
  if (!personIds.length) return [];
  return query(db, sql`select s.activity_id, s.status, s.minutes, a.starts_at from volunteer_signup s join volunteer_activity a on a.id = s.activity_id where s.person_id = any(${sql.param([...personIds])}::uuid[])`);
}

export async function findPersonName(db: Db, personId: string): Promise<string | undefined> {
  return (await queryOne<{ real_name: string }>(db, sql`select real_name from person where id = ${personId}`))?.real_name;
}

export async function findTeamOrg(db: Db, id: string): Promise<{ id: string; path: string; status: string } | undefined> {
  return queryOne(db, sql`select id, path, status from org where id = ${id}`);
}

/** 编辑队伍: name, description and union; the members', activities' and sign-ups' union follows (they are seen by its staff). */
export async function updateTeam(db: Db, id: string, v: { orgId: string; name: string; description: string | null }): Promise<void> {
  await db.execute(sql`update volunteer_team set org_id = ${v.orgId}, name = ${v.name}, description = ${v.description} where id = ${id}`);
  await db.execute(sql`update volunteer_member set org_id = ${v.orgId} where team_id = ${id}`);
  await db.execute(sql`update volunteer_activity set org_id = ${v.orgId} where team_id = ${id}`);
  await db.execute(sql`update volunteer_signup s set org_id = ${v.orgId} from volunteer_activity a where a.id = s.activity_id and a.team_id = ${id}`);
}

/** Whether the union lies in the same district as the team (its rows are keyed by the district: a move never crosses it). */
export async function isSameDistrict(db: Db, teamId: string, orgId: string): Promise<boolean> {
  const row = await queryOne<{ same: boolean }>(db, sql`select (niangjia_district_of(${orgId}::uuid) = t.district_id) as same from volunteer_team t where t.id = ${teamId}`);
  return row?.same === true;
}

export async function dissolveTeam(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(db, sql`update volunteer_team set dissolved_at = ${now.toISOString()} where id = ${id} and dissolved_at is null returning id`);
  return rows.length === 1;
}

/** Open activities of the team that have not started: dissolving waits until they are cancelled or held. */
export async function countUpcoming(db: Db, teamId: string, now: Date): Promise<number> {
  const row = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from volunteer_activity where team_id = ${teamId} and status = 'open' and starts_at > ${now.toISOString()}`);
  return row?.n ?? 0;
}

/** Locks the activity row for an edit or a cancel (a concurrent sign-up waits for it). */
export async function lockActivity(db: Db, id: string): Promise<void> {
  await db.execute(sql`select id from volunteer_activity where id = ${id} for update`);
}

/** A new time (`isRetimed`) clears the reminders sent, so those signed up hear of the new one. */
export async function updateActivity(db: Db, id: string, v: { title: string; place: string; description: string | null; startsAt: string; endsAt: string; capacity: number }, isRetimed: boolean): Promise<void> {
  await db.execute(
    sql`update volunteer_activity set title = ${v.title}, place = ${v.place}, description = ${v.description}, starts_at = ${v.startsAt}, ends_at = ${v.endsAt}, capacity = ${v.capacity} where id = ${id}`,
  );
  if (isRetimed) await db.execute(sql`update volunteer_signup set reminded_at = null where activity_id = ${id}`);
}

export async function cancelActivity(db: Db, id: string, reason: string, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(db, sql`update volunteer_activity set status = 'cancelled', cancelled_at = ${now.toISOString()}, cancel_reason = ${reason} where id = ${id} and status = 'open' returning id`);
  return rows.length === 1;
}

/** The accounts of those signed up for the activity (persons without an account cannot be messaged). */
export async function signedUpUsers(db: Db, activityId: string): Promise<string[]> {
  const rows = await query<{ user_id: string }>(
    db,
    sql`select distinct p.user_id from volunteer_signup s join person p on p.id = s.person_id where s.activity_id = ${activityId} and s.status = 'signed_up' and p.user_id is not null`,
  );
  return rows.map((r) => r.user_id);
}

export type ReminderRow = { activity_id: string; org_id: string; title: string; place: string; starts_at: unknown; user_id: string };

/**
 * Claims the live sign-ups of open activities starting in (from, to] not reminded yet, marking them
 * reminded in the same statement: a second sweep, or a second instance, finds nothing left to send.
 */
export async function claimReminders(db: Db, from: Date, to: Date, now: Date): Promise<ReminderRow[]> {
  return query<ReminderRow>(
    db,
    sql`with claimed as (
        update volunteer_signup s set reminded_at = ${now.toISOString()}
        from volunteer_activity a
        where a.id = s.activity_id and s.status = 'signed_up' and s.reminded_at is null and a.status = 'open'
          and a.starts_at > ${from.toISOString()} and a.starts_at <= ${to.toISOString()}
        returning s.activity_id, s.person_id)
      select c.activity_id, a.org_id, a.title, a.place, a.starts_at, p.user_id
      from claimed c join volunteer_activity a on a.id = c.activity_id join person p on p.id = c.person_id where p.user_id is not null`,
  );
}
