import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { query, toDate } from './events.sql';

/**
 * Queries of 婚恋交友 (matchmaking_setting, _profile, _pick, _match). Every read of picks is either
 * the picker's own list or an aggregate count; the only query that joins picks to picks (mutual
 * ones) writes matches and returns nothing.
 */

export type SettingRecord = { maxPicks: number; picksOpenAt: Date | null; picksCloseAt: Date | null; revealedAt: Date | null; version: number };
export type ProfileRecord = {
  id: string;
  eventId: string;
  registrationId: string;
  userId: string | null;
  nickname: string;
  ageBand: string;
  intro: string;
  photoId: string | null;
};
export type MatchRecord = { id: string; eventId: string; aId: string | null; bId: string | null; aAnswer: string | null; bAnswer: string | null };

const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : toDate(v));

export async function findSetting(db: Db, eventId: string, lock = false): Promise<SettingRecord | undefined> {
  const [r] = await query<Record<string, unknown>>(
    db,
    sql`select max_picks, picks_open_at, picks_close_at, revealed_at, version from matchmaking_setting where event_id = ${eventId} ${lock ? sql`for update` : sql``}`,
  );
  if (!r) return undefined;
  return { maxPicks: Number(r.max_picks), picksOpenAt: dateOrNull(r.picks_open_at), picksCloseAt: dateOrNull(r.picks_close_at), revealedAt: dateOrNull(r.revealed_at), version: Number(r.version) };
}

/** The settings row, made with the defaults when absent (so it can be locked). */
export async function ensureSetting(db: Db, eventId: string): Promise<void> {
  await db.execute(sql`insert into matchmaking_setting (event_id, version) values (${eventId}, 0) on conflict (event_id) do nothing`);
}

export async function updateSetting(db: Db, eventId: string, version: number, v: { maxPicks: number; picksOpenAt: Date; picksCloseAt: Date }, now: Date): Promise<boolean> {
  const rows = await query<{ event_id: string }>(
    db,
    sql`update matchmaking_setting set max_picks = ${v.maxPicks}, picks_open_at = ${v.picksOpenAt.toISOString()}, picks_close_at = ${v.picksCloseAt.toISOString()},
          version = version + 1, updated_at = ${now.toISOString()}
        where event_id = ${eventId} and version = ${version} returning event_id`,
  );
  return rows.length === 1;
}

export async function markRevealed(db: Db, eventId: string, now: Date): Promise<void> {
  await db.execute(sql`update matchmaking_setting set revealed_at = ${now.toISOString()} where event_id = ${eventId}`);
}

const profileColumns = sql`p.id, p.event_id, p.registration_id, p.user_id, p.nickname, p.age_band, p.intro, p.photo_id`;
function toProfile(r: Record<string, unknown>): ProfileRecord {
  return {
    id: r.id as string,
    eventId: r.event_id as string,
    registrationId: r.registration_id as string,
    userId: (r.user_id as string | null) ?? null,
    nickname: r.nickname as string,
    ageBand: r.age_band as string,
    intro: r.intro as string,
    photoId: (r.photo_id as string | null) ?? null,
  };
}

export async function findProfileOfRegistration(db: Db, eventId: string, registrationId: string): Promise<ProfileRecord | undefined> {
  const [r] = await query<Record<string, unknown>>(db, sql`select ${profileColumns} from matchmaking_profile p where p.event_id = ${eventId} and p.registration_id = ${registrationId}`);
  return r ? toProfile(r) : undefined;
}

export async function findProfile(db: Db, id: string): Promise<ProfileRecord | undefined> {
  const [r] = await query<Record<string, unknown>>(db, sql`select ${profileColumns} from matchmaking_profile p where p.id = ${id}`);
  return r ? toProfile(r) : undefined;
}

export async function upsertProfile(db: Db, v: Omit<ProfileRecord, 'id'>, now: Date): Promise<void> {
  await db.execute(
    sql`insert into matchmaking_profile (event_id, registration_id, user_id, nickname, age_band, intro, photo_id, created_at, updated_at)
        values (${v.eventId}, ${v.registrationId}, ${v.userId}, ${v.nickname}, ${v.ageBand}, ${v.intro}, ${v.photoId}, ${now.toISOString()}, ${now.toISOString()})
        on conflict (event_id, registration_id) do update set user_id = excluded.user_id, nickname = excluded.nickname, age_band = excluded.age_band,
          intro = excluded.intro, photo_id = excluded.photo_id, updated_at = excluded.updated_at`,
  );
}

/** Erases a profile: its picks (made and received) go by cascade. */
export async function deleteProfile(db: Db, id: string): Promise<void> {
  await db.execute(sql`delete from matchmaking_profile where id = ${id}`);
}

/**
 * A registration that left (cancelled by the worker, by staff or with its event): its profile, the
 * picks by and of it and its unconfirmed matches are erased with it, so nothing of a leaver stays
 * or counts at the close.
 */
export async function eraseProfilesOfRegistrations(db: Db, registrationIds: readonly string[]): Promise<void> {
  if (!registrationIds.length) return;
  const rows = await query<{ id: string }>(db, sql`select id from matchmaking_profile where registration_id in (${sql.join(registrationIds.map((id) => sql`${id}`), sql`, `)})`);
  for (const r of rows) {
    await dissolveMatchesOf(db, r.id);
    await deleteProfile(db, r.id);
  }
}

/** Locks the caller's profile row: picks, withdrawal and edits of one profile go one at a time. */
export async function lockProfile(db: Db, id: string): Promise<boolean> {
  return (await query<{ id: string }>(db, sql`select id from matchmaking_profile where id = ${id} for update`)).length === 1;
}

/** Holds the picked profiles until the picks are written (a withdrawal in flight finishes first); how many are still there. */
export async function holdProfiles(db: Db, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  return (await query<{ id: string }>(db, sql`select id from matchmaking_profile where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) for key share`)).length;
}

/** Profiles of the event whose registration is confirmed and checked in (the ones shown to each other). */
const shownWhere = sql`exists (select 1 from event_registration r where r.id = p.registration_id and r.status = 'confirmed' and r.attended_at is not null)`;

export async function isShown(db: Db, profileId: string): Promise<boolean> {
  const rows = await query<{ id: string }>(db, sql`select p.id from matchmaking_profile p where p.id = ${profileId} and ${shownWhere}`);
  return rows.length === 1;
}

export async function listShownProfiles(db: Db, eventId: string, exceptId: string): Promise<ProfileRecord[]> {
  const rows = await query<Record<string, unknown>>(
    db,
    sql`select ${profileColumns} from matchmaking_profile p where p.event_id = ${eventId} and p.id <> ${exceptId} and ${shownWhere} order by p.created_at, p.id`,
  );
  return rows.map(toProfile);
}

/** The caller's own picks (only ever read for the picker). */
export async function listMyPicks(db: Db, pickerId: string): Promise<string[]> {
  const rows = await query<{ picked_id: string }>(db, sql`select picked_id from matchmaking_pick where picker_id = ${pickerId} order by created_at, picked_id`);
  return rows.map((r) => r.picked_id);
}

export async function replacePicks(db: Db, eventId: string, pickerId: string, pickedIds: readonly string[], now: Date): Promise<void> {
  await db.execute(sql`delete from matchmaking_pick where picker_id = ${pickerId}`);
  for (const id of pickedIds) {
    await db.execute(sql`insert into matchmaking_pick (event_id, picker_id, picked_id, created_at) values (${eventId}, ${pickerId}, ${id}, ${now.toISOString()})`);
  }
}

/** Turns the event's mutual picks into matches (once; returns nothing about who). */
export async function insertMatches(db: Db, eventId: string, now: Date): Promise<void> {
  await db.execute(
    sql`insert into matchmaking_match (event_id, a_id, b_id, created_at)
        select x.event_id, x.picker_id, x.picked_id, ${now.toISOString()}
        from matchmaking_pick x join matchmaking_pick y on y.picker_id = x.picked_id and y.picked_id = x.picker_id
        where x.event_id = ${eventId} and x.picker_id < x.picked_id
          and exists (select 1 from matchmaking_profile p where p.id = x.picker_id and ${shownWhere})
          and exists (select 1 from matchmaking_profile p where p.id = x.picked_id and ${shownWhere})
        on conflict (event_id, a_id, b_id) do nothing`,
  );
}

const matchColumns = sql`m.id, m.event_id, m.a_id, m.b_id, m.a_answer, m.b_answer`;
function toMatch(r: Record<string, unknown>): MatchRecord {
  return {
    id: r.id as string,
    eventId: r.event_id as string,
    aId: (r.a_id as string | null) ?? null,
    bId: (r.b_id as string | null) ?? null,
    aAnswer: (r.a_answer as string | null) ?? null,
    bAnswer: (r.b_answer as string | null) ?? null,
  };
}

export async function listMatchesOf(db: Db, eventId: string, profileId: string): Promise<MatchRecord[]> {
  const rows = await query<Record<string, unknown>>(db, sql`select ${matchColumns} from matchmaking_match m where m.event_id = ${eventId} and (m.a_id = ${profileId} or m.b_id = ${profileId}) order by m.created_at, m.id`);
  return rows.map(toMatch);
}

export async function findMatch(db: Db, id: string, lock = false): Promise<MatchRecord | undefined> {
  const [r] = await query<Record<string, unknown>>(db, sql`select ${matchColumns} from matchmaking_match m where m.id = ${id} ${lock ? sql`for update` : sql``}`);
  return r ? toMatch(r) : undefined;
}

export async function answerMatch(db: Db, id: string, side: 'a' | 'b', answer: 'yes' | 'no'): Promise<void> {
  await db.execute(side === 'a' ? sql`update matchmaking_match set a_answer = ${answer} where id = ${id}` : sql`update matchmaking_match set b_answer = ${answer} where id = ${id}`);
}

/** On withdrawal: unconfirmed matches of the profile dissolve; confirmed ones lose the withdrawn side. */
export async function dissolveMatchesOf(db: Db, profileId: string): Promise<void> {
  await db.execute(sql`delete from matchmaking_match where (a_id = ${profileId} or b_id = ${profileId}) and not (a_answer = 'yes' and b_answer = 'yes')`);
  await db.execute(sql`update matchmaking_match set a_id = null where a_id = ${profileId}`);
  await db.execute(sql`update matchmaking_match set b_id = null where b_id = ${profileId}`);
}

/** The staff's counts: profiles, checked-in participants, picks, matches, confirmed matches. */
export async function countsOf(db: Db, eventId: string): Promise<{ profiles: number; participants: number; picks: number; matches: number; confirmed: number }> {
  const [r] = await query<Record<string, unknown>>(
    db,
    sql`select (select count(*)::int from matchmaking_profile p where p.event_id = ${eventId}) as profiles,
               (select count(*)::int from matchmaking_profile p where p.event_id = ${eventId} and ${shownWhere}) as participants,
               (select count(*)::int from matchmaking_pick k where k.event_id = ${eventId}) as picks,
               (select count(*)::int from matchmaking_match m where m.event_id = ${eventId}) as matches,
               (select count(*)::int from matchmaking_match m where m.event_id = ${eventId} and m.a_answer = 'yes' and m.b_answer = 'yes') as confirmed`,
  );
  const n = (k: string) => Number(r?.[k] ?? 0);
  return { profiles: n('profiles'), participants: n('participants'), picks: n('picks'), matches: n('matches'), confirmed: n('confirmed') };
}

/** Matchmaking events whose picks window has closed and whose matches are not out yet (the sweep's work). */
export async function listEventsToReveal(db: Db, now: Date, closeHours: number, limit = 100): Promise<string[]> {
  const rows = await query<{ id: string }>(
    db,
    sql`select e.id from event e left join matchmaking_setting s on s.event_id = e.id
        where e.type = 'matchmaking' and e.status = 'published' and s.revealed_at is null
          and coalesce(s.picks_close_at, e.ends_at + make_interval(hours => ${closeHours})) <= ${now.toISOString()}
          and exists (select 1 from matchmaking_profile p where p.event_id = e.id)
        order by e.ends_at limit ${limit}`,
  );
  return rows.map((r) => r.id);
}
