import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { marketJudge, marketRecusal, marketScore } from './competition.tables';
import { query, queryOne } from './shared';

export type JudgeRow = { id: string; seasonId: string; userId: string; name: string; affiliation: string | null; status: string; phone: string | null; assigned: number; sealed: number; recusals: number };
export type ScoreRow = typeof marketScore.$inferSelect;
export type RecusalRow = { judgeId: string; entryId: string; declaredBy: 'judge' | 'staff'; reason: string };

const judgeSelect = sql`select j.id, j.season_id, j.user_id, j.name, j.affiliation, j.status, u.phone,
    (select count(*)::int from market_assignment a where a.judge_id = j.id) as assigned,
    (select count(*)::int from market_score s where s.judge_id = j.id and s.status = 'sealed') as sealed,
    (select count(*)::int from market_recusal r where r.judge_id = j.id) as recusals
  from market_judge j join app_user u on u.id = j.user_id`;

const toJudge = (r: Record<string, unknown>): JudgeRow => ({
  id: r.id as string,
  seasonId: r.season_id as string,
  userId: r.user_id as string,
  name: r.name as string,
  affiliation: (r.affiliation as string | null) ?? null,
  status: r.status as string,
  phone: (r.phone as string | null) ?? null,
  assigned: Number(r.assigned),
  sealed: Number(r.sealed),
  recusals: Number(r.recusals),
});

export async function listJudges(db: Db, seasonId: string): Promise<JudgeRow[]> {
  return (await query<Record<string, unknown>>(db, sql`${judgeSelect} where j.season_id = ${seasonId} order by j.status, j.created_at`)).map(toJudge);
}

export async function findJudge(db: Db, id: string): Promise<JudgeRow | undefined> {
  const r = await queryOne<Record<string, unknown>>(db, sql`${judgeSelect} where j.id = ${id}`);
  return r ? toJudge(r) : undefined;
}

export async function findJudgeOfUser(db: Db, seasonId: string, userId: string): Promise<JudgeRow | undefined> {
  const r = await queryOne<Record<string, unknown>>(db, sql`${judgeSelect} where j.season_id = ${seasonId} and j.user_id = ${userId}`);
  return r ? toJudge(r) : undefined;
}

export async function listSeasonIdsOfJudgeUser(db: Db, userId: string): Promise<string[]> {
  return (await query<{ season_id: string }>(db, sql`select season_id from market_judge where user_id = ${userId} and status = 'active'`)).map((r) => r.season_id);
}

export async function insertJudge(db: Db, values: typeof marketJudge.$inferInsert): Promise<string> {
  return (await db.insert(marketJudge).values(values).returning({ id: marketJudge.id }))[0]!.id;
}

export async function setJudgeStatus(db: Db, id: string, status: string, name?: string, affiliation?: string | null): Promise<void> {
  await db.execute(sql`update market_judge set status = ${status}, name = coalesce(${name ?? null}, name), affiliation = ${affiliation === undefined ? sql`affiliation` : affiliation} where id = ${id}`);
}

export async function isAssigned(db: Db, judgeId: string, entryId: string): Promise<boolean> {
  return Boolean(await queryOne(db, sql`select 1 from market_assignment where judge_id = ${judgeId} and entry_id = ${entryId}`));
}

export async function setAssignment(db: Db, seasonId: string, judgeId: string, entryId: string, isAssigned: boolean): Promise<void> {
  if (isAssigned) await db.execute(sql`insert into market_assignment (season_id, judge_id, entry_id) values (${seasonId}, ${judgeId}, ${entryId}) on conflict do nothing`);
  else await db.execute(sql`delete from market_assignment where judge_id = ${judgeId} and entry_id = ${entryId}`);
}

export async function assignFinalistsTo(db: Db, seasonId: string, judgeId: string): Promise<void> {
  // Never an entry of a provider the judge acts for (conflict of interest).
  await db.execute(sql`insert into market_assignment (season_id, judge_id, entry_id) select ${seasonId}, ${judgeId}, e.id from market_entry e join market_judge j on j.id = ${judgeId}
    where e.season_id = ${seasonId} and e.status = 'finalist' and not exists (select 1 from market_provider_user u where u.provider_id = e.provider_id and u.user_id = j.user_id)
    on conflict do nothing`);
}

export async function findRecusal(db: Db, judgeId: string, entryId: string): Promise<RecusalRow | undefined> {
  return queryOne<RecusalRow>(db, sql`select judge_id as "judgeId", entry_id as "entryId", declared_by as "declaredBy", reason from market_recusal where judge_id = ${judgeId} and entry_id = ${entryId}`);
}

export async function insertRecusal(db: Db, values: typeof marketRecusal.$inferInsert): Promise<boolean> {
  const rows = await db.insert(marketRecusal).values(values).onConflictDoNothing().returning({ id: marketRecusal.id });
  return rows.length > 0;
}

export async function listRecusals(db: Db, seasonId: string): Promise<RecusalRow[]> {
  return query<RecusalRow>(db, sql`select judge_id as "judgeId", entry_id as "entryId", declared_by as "declaredBy", reason from market_recusal where season_id = ${seasonId}`);
}

export async function findScore(db: Db, judgeId: string, entryId: string, lock = false): Promise<ScoreRow | undefined> {
  const q = db.select().from(marketScore).where(and(eq(marketScore.judgeId, judgeId), eq(marketScore.entryId, entryId))).limit(1);
  return (await (lock ? q.for('update') : q))[0];
}

export async function findScoreById(db: Db, id: string): Promise<ScoreRow | undefined> {
  return (await db.select().from(marketScore).where(eq(marketScore.id, id)).limit(1).for('update'))[0];
}

export async function upsertScore(db: Db, values: typeof marketScore.$inferInsert): Promise<ScoreRow> {
  const rows = await db
    .insert(marketScore)
    .values(values)
    .onConflictDoUpdate({
      target: [marketScore.judgeId, marketScore.entryId],
      set: { points: values.points, total: values.total, comment: values.comment ?? null, status: values.status, sealedAt: values.sealedAt ?? null, version: sql`${marketScore.version} + 1`, updatedAt: new Date() },
    })
    .returning();
  return rows[0]!;
}

export async function reopenScore(db: Db, id: string, reason: string): Promise<void> {
  await db.execute(sql`update market_score set status = 'draft', sealed_at = null, reopen_count = reopen_count + 1, reopen_reason = ${reason}, version = version + 1, updated_at = now() where id = ${id}`);
}

export async function listScores(db: Db, seasonId: string): Promise<ScoreRow[]> {
  return db.select().from(marketScore).where(eq(marketScore.seasonId, seasonId));
}

export async function listAssignments(db: Db, seasonId: string): Promise<{ judgeId: string; entryId: string }[]> {
  return query(db, sql`select judge_id as "judgeId", entry_id as "entryId" from market_assignment where season_id = ${seasonId}`);
}

/** Assigned sheets of active judges, not recused, not sealed: what stands between the jury and a result. */
export async function countMissingSheets(db: Db, seasonId: string): Promise<number> {
  const [r] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from market_assignment a join market_judge j on j.id = a.judge_id and j.status = 'active'
        join market_entry e on e.id = a.entry_id and e.status = 'finalist'
        where a.season_id = ${seasonId}
          and not exists (select 1 from market_recusal r where r.judge_id = a.judge_id and r.entry_id = a.entry_id)
          and not exists (select 1 from market_score s where s.judge_id = a.judge_id and s.entry_id = a.entry_id and s.status = 'sealed')`,
  );
  return Number(r?.n ?? 0);
}
