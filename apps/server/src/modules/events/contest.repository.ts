import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { ContestCriterion } from '@niangjia/contracts';
import { query } from './events.sql';

/** Queries of 技能竞赛 (contest, contest_judge, contest_sheet) and the entrants (confirmed registrations). */

export type ContestRecord = { id: string; eventId: string; criteria: ContestCriterion[]; prizeMode: 'count' | 'percent'; prizeTiers: number[]; status: 'setup' | 'scoring' | 'closed'; version: number };
export type Entrant = { registrationId: string; entryNo: number; name: string; unionName: string | null };
export type SheetRow = { judgeId: string; registrationId: string; points: Record<string, number> | null; total: number | null; isRecused: boolean };

const parse = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const ints = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number) : typeof v === 'string' ? v.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number) : []);

/** `share`: a sheet's writer holds the row so closing waits for it (and a sheet never lands after the close). */
export async function findContest(db: Db, eventId: string, lock: boolean | 'share' = false): Promise<ContestRecord | undefined> {
  const [r] = await query<Record<string, unknown>>(db, sql`select id, event_id, criteria, prize_mode, prize_tiers, status, version from contest where event_id = ${eventId} ${lock === 'share' ? sql`for share` : lock ? sql`for update` : sql``}`);
  if (!r) return undefined;
  return {
    id: r.id as string,
    eventId: r.event_id as string,
    criteria: parse<ContestCriterion[]>(r.criteria),
    prizeMode: r.prize_mode as 'count' | 'percent',
    prizeTiers: ints(r.prize_tiers),
    status: r.status as ContestRecord['status'],
    version: Number(r.version),
  };
}

export async function upsertContest(db: Db, eventId: string, v: { criteria: ContestCriterion[]; prizeMode: string; prizeTiers: number[] }, now: Date): Promise<string> {
  const tiers = sql`array[${sql.join(
    v.prizeTiers.map((n) => sql`${n}`),
    sql`, `,
  )}]::int[]`;
  const [r] = await query<{ id: string }>(
    db,
    sql`insert into contest (event_id, criteria, prize_mode, prize_tiers, created_at, updated_at) values (${eventId}, ${JSON.stringify(v.criteria)}::jsonb, ${v.prizeMode}, ${tiers}, ${now.toISOString()}, ${now.toISOString()})
        on conflict (event_id) do update set criteria = excluded.criteria, prize_mode = excluded.prize_mode, prize_tiers = excluded.prize_tiers,
          version = contest.version + 1, updated_at = excluded.updated_at
        returning id`,
  );
  return r!.id;
}

export async function setStatus(db: Db, id: string, status: string, now: Date): Promise<void> {
  await db.execute(sql`update contest set status = ${status}, version = version + 1, updated_at = ${now.toISOString()}, closed_at = ${status === 'closed' ? now.toISOString() : null} where id = ${id}`);
}

export async function replaceJudges(db: Db, contestId: string, judges: { userId: string; name: string }[]): Promise<void> {
  await db.execute(sql`delete from contest_judge where contest_id = ${contestId}`);
  for (const j of judges) await db.execute(sql`insert into contest_judge (contest_id, user_id, name) values (${contestId}, ${j.userId}, ${j.name})`);
}

export async function listJudges(db: Db, contestId: string): Promise<{ userId: string; name: string; sheets: number; recusals: number }[]> {
  const rows = await query<Record<string, unknown>>(
    db,
    sql`select j.user_id, j.name,
          (select count(*)::int from contest_sheet s where s.contest_id = j.contest_id and s.judge_id = j.user_id and not s.is_recused) as sheets,
          (select count(*)::int from contest_sheet s where s.contest_id = j.contest_id and s.judge_id = j.user_id and s.is_recused) as recusals
        from contest_judge j where j.contest_id = ${contestId} order by j.name, j.user_id`,
  );
  return rows.map((r) => ({ userId: r.user_id as string, name: r.name as string, sheets: Number(r.sheets), recusals: Number(r.recusals) }));
}

/** Staff accounts (any role but worker) by id, with the name shown as judge. */
export async function findStaffUsers(db: Db, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (!ids.length) return [];
  return query<{ id: string; name: string }>(
    db,
    sql`select u.id, u.display_name as name from app_user u where u.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) and exists (select 1 from role_grant g where g.user_id = u.id and g.role <> 'worker')`,
  );
}

/** The entrants: confirmed registrations, numbered in the order they signed up. */
export async function listEntrants(db: Db, eventId: string): Promise<Entrant[]> {
  const rows = await query<Record<string, unknown>>(
    db,
    sql`select r.id, r.name, o.name as union_name, row_number() over (order by r.queue_seq)::int as entry_no
        from event_registration r left join org o on o.id = r.union_org_id where r.event_id = ${eventId} and r.status = 'confirmed' order by r.queue_seq`,
  );
  return rows.map((r) => ({ registrationId: r.id as string, entryNo: Number(r.entry_no), name: r.name as string, unionName: (r.union_name as string | null) ?? null }));
}

export async function listSheets(db: Db, contestId: string, judgeId?: string): Promise<SheetRow[]> {
  const rows = await query<Record<string, unknown>>(
    db,
    sql`select judge_id, registration_id, points, total, is_recused from contest_sheet where contest_id = ${contestId} ${judgeId ? sql`and judge_id = ${judgeId}` : sql``}`,
  );
  return rows.map((r) => ({
    judgeId: r.judge_id as string,
    registrationId: r.registration_id as string,
    points: r.points === null ? null : parse<Record<string, number>>(r.points),
    total: r.total === null ? null : Number(r.total),
    isRecused: Boolean(r.is_recused),
  }));
}

/** A sealed sheet (or recusal): written once; false when the judge already has one for the entrant. */
export async function insertSheet(db: Db, s: { contestId: string; judgeId: string; registrationId: string; points: Record<string, number> | null; total: number | null; reason: string | null }, now: Date): Promise<boolean> {
  const rows = await query<{ judge_id: string }>(
    db,
    sql`insert into contest_sheet (contest_id, judge_id, registration_id, points, total, is_recused, recusal_reason, submitted_at)
        values (${s.contestId}, ${s.judgeId}, ${s.registrationId}, ${s.points ? JSON.stringify(s.points) : null}::jsonb, ${s.total}, ${s.points === null}, ${s.reason}, ${now.toISOString()})
        on conflict do nothing returning judge_id`,
  );
  return rows.length === 1;
}

/** Contests the user judges that are open for scoring. */
export async function listJudgedEvents(db: Db, userId: string): Promise<string[]> {
  const rows = await query<{ event_id: string }>(
    db,
    sql`select c.event_id from contest c join contest_judge j on j.contest_id = c.id where j.user_id = ${userId} and c.status = 'scoring' order by c.created_at`,
  );
  return rows.map((r) => r.event_id);
}

export async function isJudge(db: Db, contestId: string, userId: string): Promise<boolean> {
  return (await query(db, sql`select 1 from contest_judge where contest_id = ${contestId} and user_id = ${userId}`)).length === 1;
}
