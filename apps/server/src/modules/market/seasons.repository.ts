import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { marketEntry, marketSeason } from './competition.tables';
import { dateOrNull, toDate, query, queryOne } from './shared';

export type SeasonRow = typeof marketSeason.$inferSelect & { orgName: string; orgPath: string };
export type SeasonCounts = { entries: number; passed: number; finalists: number; judges: number; reps: number; votes: number };

const seasonSelect = (where: SQL) => sql`select s.*, o.name as org_name, o.path as org_path from market_season s join org o on o.id = s.org_id where ${where}`;

const toSeason = (r: Record<string, unknown>): SeasonRow => ({
  id: r.id as string,
  orgId: r.org_id as string,
  year: Number(r.year),
  title: r.title as string,
  stage: r.stage as string,
  callOpensAt: toDate(r.call_opens_at),
  callClosesAt: toDate(r.call_closes_at),
  reviewDueAt: dateOrNull(r.review_due_at),
  roadshowAt: dateOrNull(r.roadshow_at),
  finalAt: dateOrNull(r.final_at),
  rubric: r.rubric,
  normalizeScores: Boolean(r.normalize_scores),
  expertWeight: Number(r.expert_weight),
  votesPerRep: Number(r.votes_per_rep),
  prizeTiers: (r.prize_tiers as number[]).map(Number),
  screenKey: r.screen_key as string,
  currentEntryId: (r.current_entry_id as string | null) ?? null,
  confirmedResult: r.confirmed_result ?? null,
  confirmedAt: dateOrNull(r.confirmed_at),
  confirmedBy: (r.confirmed_by as string | null) ?? null,
  revealedAt: dateOrNull(r.revealed_at),
  publishedAt: dateOrNull(r.published_at),
  version: Number(r.version),
  createdAt: toDate(r.created_at),
  updatedAt: toDate(r.updated_at),
  orgName: r.org_name as string,
  orgPath: r.org_path as string,
});

export async function findSeason(db: Db, id: string, lock = false): Promise<SeasonRow | undefined> {
  const row = await queryOne<Record<string, unknown>>(db, sql`${seasonSelect(sql`s.id = ${id}`)} ${lock ? sql`for update of s` : sql``}`);
  return row ? toSeason(row) : undefined;
}

export async function listSeasons(db: Db, where: SQL, page: number, pageSize: number): Promise<{ items: SeasonRow[]; total: number }> {
  const rows = await query<Record<string, unknown>>(db, sql`${seasonSelect(where)} order by s.year desc, s.created_at desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
  const [count] = await query<{ n: number }>(db, sql`select count(*)::int as n from market_season s join org o on o.id = s.org_id where ${where}`);
  return { items: rows.map(toSeason), total: Number(count?.n ?? 0) };
}

export async function insertSeason(db: Db, values: typeof marketSeason.$inferInsert): Promise<string> {
  return (await db.insert(marketSeason).values(values).returning({ id: marketSeason.id }))[0]!.id;
}

export async function updateSeason(db: Db, id: string, version: number, values: Partial<typeof marketSeason.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(marketSeason)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(marketSeason.id, id), eq(marketSeason.version, version)))
    .returning({ id: marketSeason.id });
  return rows.length > 0;
}

export async function countSeason(db: Db, seasonId: string): Promise<SeasonCounts> {
  const [r] = await query<Record<string, number>>(
    db,
    sql`select
      (select count(*)::int from market_entry where season_id = ${seasonId} and status <> 'withdrawn') as entries,
      (select count(*)::int from market_entry where season_id = ${seasonId} and status in ('passed','finalist')) as passed,
      (select count(*)::int from market_entry where season_id = ${seasonId} and status = 'finalist') as finalists,
      (select count(*)::int from market_judge where season_id = ${seasonId} and status = 'active') as judges,
      (select count(*)::int from market_rep where season_id = ${seasonId}) as reps,
      (select coalesce(sum(votes), 0)::int from market_vote_count where season_id = ${seasonId})
        + (select coalesce(sum(votes), 0)::int from market_paper_tally where season_id = ${seasonId}) as votes`,
  );
  return { entries: Number(r!.entries), passed: Number(r!.passed), finalists: Number(r!.finalists), judges: Number(r!.judges), reps: Number(r!.reps), votes: Number(r!.votes) };
}

export async function hasScores(db: Db, seasonId: string): Promise<boolean> {
  return Boolean(await queryOne(db, sql`select 1 from market_score where season_id = ${seasonId} limit 1`));
}

export async function hasVotes(db: Db, seasonId: string): Promise<boolean> {
  return Boolean(await queryOne(db, sql`select 1 from market_vote where season_id = ${seasonId} limit 1`));
}

// ---------------------------------------------------------------- entries

export type EntryRow = typeof marketEntry.$inferSelect & { projectCode: string; title: string; category: string; providerName: string; seasonOrgPath: string };

const entrySelect = (where: SQL) => sql`
  select e.*, p.code as project_code, v.title, v.category, pr.name as provider_name, o.path as season_org_path
  from market_entry e join market_project p on p.id = e.project_id join market_project_version v on v.id = e.version_id
  join market_provider pr on pr.id = e.provider_id join market_season s on s.id = e.season_id join org o on o.id = s.org_id
  where ${where}`;

const toEntry = (r: Record<string, unknown>): EntryRow => ({
  id: r.id as string,
  seasonId: r.season_id as string,
  projectId: r.project_id as string,
  versionId: r.version_id as string,
  providerId: r.provider_id as string,
  number: Number(r.number),
  status: r.status as string,
  reviewReason: (r.review_reason as string | null) ?? null,
  reviewedBy: (r.reviewed_by as string | null) ?? null,
  reviewedAt: dateOrNull(r.reviewed_at),
  pitchOrder: r.pitch_order === null || r.pitch_order === undefined ? null : Number(r.pitch_order),
  submittedAt: toDate(r.submitted_at),
  version: Number(r.version),
  updatedAt: toDate(r.updated_at),
  projectCode: r.project_code as string,
  title: r.title as string,
  category: r.category as string,
  providerName: r.provider_name as string,
  seasonOrgPath: r.season_org_path as string,
});

export async function findEntry(db: Db, id: string, lock = false): Promise<EntryRow | undefined> {
  const row = await queryOne<Record<string, unknown>>(db, sql`${entrySelect(sql`e.id = ${id}`)} ${lock ? sql`for update of e` : sql``}`);
  return row ? toEntry(row) : undefined;
}

export async function listEntries(db: Db, where: SQL, page: number, pageSize: number, order: SQL = sql`e.number`): Promise<{ items: EntryRow[]; total: number }> {
  const rows = await query<Record<string, unknown>>(db, sql`${entrySelect(where)} order by ${order} limit ${pageSize} offset ${(page - 1) * pageSize}`);
  const [count] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from market_entry e join market_project_version v on v.id = e.version_id join market_provider pr on pr.id = e.provider_id join market_season s on s.id = e.season_id join org o on o.id = s.org_id join market_project p on p.id = e.project_id where ${where}`,
  );
  return { items: rows.map(toEntry), total: Number(count?.n ?? 0) };
}

export async function findEntryOfProject(db: Db, seasonId: string, projectId: string) {
  return queryOne<{ id: string; status: string }>(db, sql`select id, status from market_entry where season_id = ${seasonId} and project_id = ${projectId}`);
}

export async function insertEntry(db: Db, values: typeof marketEntry.$inferInsert): Promise<string> {
  return (await db.insert(marketEntry).values(values).returning({ id: marketEntry.id }))[0]!.id;
}

export async function updateEntry(db: Db, id: string, version: number, values: Partial<typeof marketEntry.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(marketEntry)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(marketEntry.id, id), eq(marketEntry.version, version)))
    .returning({ id: marketEntry.id });
  return rows.length > 0;
}

export async function countEntriesWithStatus(db: Db, seasonId: string, status: string): Promise<number> {
  const [r] = await query<{ n: number }>(db, sql`select count(*)::int as n from market_entry where season_id = ${seasonId} and status = ${status}`);
  return Number(r?.n ?? 0);
}

/** Gives every active judge every finalist they are not yet assigned (entering the final). */
export async function assignAllFinalists(db: Db, seasonId: string): Promise<void> {
  await db.execute(sql`insert into market_assignment (season_id, judge_id, entry_id)
    select ${seasonId}, j.id, e.id from market_judge j cross join market_entry e
    where j.season_id = ${seasonId} and j.status = 'active' and e.season_id = ${seasonId} and e.status = 'finalist'
      -- never an entry of a provider the judge acts for (conflict of interest)
      and not exists (select 1 from market_provider_user u where u.provider_id = e.provider_id and u.user_id = j.user_id)
    on conflict do nothing`);
}

/** The accounts of every provider with an entry in the season (told when results are published). */
export async function listSeasonProviderUserIds(db: Db, seasonId: string): Promise<string[]> {
  const rows = await query<{ user_id: string }>(db, sql`select distinct u.user_id from market_entry e join market_provider_user u on u.provider_id = e.provider_id where e.season_id = ${seasonId}`);
  return rows.map((r) => r.user_id);
}
