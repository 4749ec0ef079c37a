import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { marketRep, marketVoteSession } from './competition.tables';
import { dateOrNull, toDate, query, queryOne, scopeSql } from './shared';

export type RepRow = { id: string; seasonId: string; personId: string; orgId: string; orgName: string; name: string; voteLimit: number; votesUsed: number; createdAt: Date; checkedIn: string[] };
export type SessionRow = typeof marketVoteSession.$inferSelect;

const repSelect = sql`select r.id, r.season_id, r.person_id, r.org_id, o.name as org_name, r.name, r.vote_limit, r.votes_used, r.created_at,
    coalesce((select array_agg(s.venue order by s.venue) from market_checkin c join market_vote_session s on s.id = c.session_id where c.rep_id = r.id), '{}') as checked_in
  from market_rep r join org o on o.id = r.org_id`;
const toRep = (r: Record<string, unknown>): RepRow => ({
  id: r.id as string,
  seasonId: r.season_id as string,
  personId: r.person_id as string,
  orgId: r.org_id as string,
  orgName: r.org_name as string,
  name: r.name as string,
  voteLimit: Number(r.vote_limit),
  votesUsed: Number(r.votes_used),
  createdAt: toDate(r.created_at),
  checkedIn: (r.checked_in as string[]) ?? [],
});

export async function listReps(db: Db, seasonId: string, scope: Scope, page: number, pageSize: number, q?: string): Promise<{ items: RepRow[]; total: number }> {
  const where: SQL = sql`r.season_id = ${seasonId} and ${scopeSql(scope, sql`o.path`)} ${q ? sql`and (r.name like ${`${q}%`} or o.name ilike ${`%${q}%`})` : sql``}`;
  const rows = await query<Record<string, unknown>>(db, sql`${repSelect} where ${where} order by o.name, r.name limit ${pageSize} offset ${(page - 1) * pageSize}`);
  const [count] = await query<{ n: number }>(db, sql`select count(*)::int as n from market_rep r join org o on o.id = r.org_id where ${where}`);
  return { items: rows.map(toRep), total: Number(count?.n ?? 0) };
}

export async function findRep(db: Db, id: string): Promise<(RepRow & { orgPath: string }) | undefined> {
  const r = await queryOne<Record<string, unknown>>(db, sql`select x.*, o.path as org_path from (${repSelect} where r.id = ${id}) x join org o on o.id = x.org_id`);
  return r ? { ...toRep(r), orgPath: r.org_path as string } : undefined;
}

/** The representative a signed-in account is in a season (by the persons it stands for). */
export async function findRepOfPersons(db: Db, seasonId: string, personIds: readonly string[]): Promise<RepRow | undefined> {
  if (!personIds.length) return undefined;
  const r = await queryOne<Record<string, unknown>>(db, sql`${repSelect} where r.season_id = ${seasonId} and r.person_id = any(${sql.param([...personIds])}::uuid[]) limit 1`);
  return r ? toRep(r) : undefined;
}

export async function listRepsOfPersons(db: Db, personIds: readonly string[]): Promise<RepRow[]> {
  if (!personIds.length) return [];
  return (await query<Record<string, unknown>>(db, sql`${repSelect} where r.person_id = any(${sql.param([...personIds])}::uuid[]) order by r.created_at desc`)).map(toRep);
}

export async function insertReps(db: Db, values: (typeof marketRep.$inferInsert)[]): Promise<string[]> {
  if (!values.length) return [];
  const rows = await db.insert(marketRep).values(values).onConflictDoNothing().returning({ personId: marketRep.personId });
  return rows.map((r) => r.personId);
}

export async function deleteRep(db: Db, id: string): Promise<void> {
  await db.execute(sql`delete from market_checkin where rep_id = ${id}`);
  await db.execute(sql`delete from market_rep where id = ${id} and votes_used = 0`);
}

// ---------------------------------------------------------------- sessions, check-ins, votes

export async function listSessions(db: Db, seasonId: string): Promise<(SessionRow & { checkins: number; votes: number })[]> {
  const rows = await query<Record<string, unknown>>(
    db,
    sql`select s.*, (select count(*)::int from market_checkin c where c.session_id = s.id) as checkins, (select count(*)::int from market_vote v where v.session_id = s.id) as votes
        from market_vote_session s where s.season_id = ${seasonId} order by s.created_at`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    seasonId: r.season_id as string,
    venue: r.venue as string,
    status: r.status as string,
    secret: r.secret as string,
    openedAt: dateOrNull(r.opened_at),
    closedAt: dateOrNull(r.closed_at),
    createdAt: toDate(r.created_at),
    checkins: Number(r.checkins),
    votes: Number(r.votes),
  }));
}

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return (await db.select().from(marketVoteSession).where(eq(marketVoteSession.id, id)).limit(1))[0];
}

export async function insertSession(db: Db, values: typeof marketVoteSession.$inferInsert): Promise<string> {
  return (await db.insert(marketVoteSession).values(values).returning({ id: marketVoteSession.id }))[0]!.id;
}

export async function setSessionStatus(db: Db, id: string, status: 'open' | 'closed', at: Date): Promise<void> {
  await db.execute(
    status === 'open'
      ? sql`update market_vote_session set status = 'open', opened_at = ${at}, closed_at = null where id = ${id}`
      : sql`update market_vote_session set status = 'closed', closed_at = ${at} where id = ${id}`,
  );
}

export async function insertCheckin(db: Db, sessionId: string, repId: string): Promise<boolean> {
  const rows = await query(db, sql`insert into market_checkin (session_id, rep_id) values (${sessionId}, ${repId}) on conflict do nothing returning rep_id`);
  return rows.length > 0;
}

export async function isCheckedIn(db: Db, sessionId: string, repId: string): Promise<boolean> {
  return Boolean(await queryOne(db, sql`select 1 from market_checkin where session_id = ${sessionId} and rep_id = ${repId}`));
}

/** Takes one of the representative's votes; null when all are used (the row's check holds it too). */
export async function takeVote(db: Db, repId: string): Promise<number | null> {
  const [row] = await query<{ votes_used: number }>(db, sql`update market_rep set votes_used = votes_used + 1 where id = ${repId} and votes_used < vote_limit returning votes_used`);
  return row ? Number(row.votes_used) : null;
}

/** The vote, unless this representative already voted for the entry (null then). */
export async function insertVote(db: Db, v: { seasonId: string; sessionId: string; repId: string; entryId: string }): Promise<{ id: string; at: Date } | null> {
  const [row] = await query<{ id: string; at: string }>(
    db,
    sql`insert into market_vote (season_id, session_id, rep_id, entry_id) values (${v.seasonId}, ${v.sessionId}, ${v.repId}, ${v.entryId}) on conflict do nothing returning id, at`,
  );
  return row ? { id: row.id, at: new Date(String(row.at)) } : null;
}

export async function bumpVoteCount(db: Db, seasonId: string, entryId: string): Promise<number> {
  const [row] = await query<{ votes: number }>(
    db,
    sql`insert into market_vote_count (entry_id, season_id, votes) values (${entryId}, ${seasonId}, 1) on conflict (entry_id) do update set votes = market_vote_count.votes + 1 returning votes`,
  );
  return Number(row!.votes);
}

export async function listVotedEntries(db: Db, repId: string): Promise<string[]> {
  return (await query<{ entry_id: string }>(db, sql`select entry_id from market_vote where rep_id = ${repId}`)).map((r) => r.entry_id);
}

export async function onlineVotes(db: Db, seasonId: string): Promise<Record<string, number>> {
  const rows = await query<{ entry_id: string; votes: number }>(db, sql`select entry_id, votes from market_vote_count where season_id = ${seasonId}`);
  return Object.fromEntries(rows.map((r) => [r.entry_id, Number(r.votes)]));
}

/** Counted from the vote rows themselves (the recompute test and the benchmark compare it with the running count). */
export async function countVotesFromRows(db: Db, seasonId: string): Promise<Record<string, number>> {
  const rows = await query<{ entry_id: string; votes: number }>(db, sql`select entry_id, count(*)::int as votes from market_vote where season_id = ${seasonId} group by entry_id`);
  return Object.fromEntries(rows.map((r) => [r.entry_id, Number(r.votes)]));
}

export async function listPaperTallies(db: Db, seasonId: string): Promise<{ venue: string; entryId: string; votes: number }[]> {
  return query(db, sql`select venue, entry_id as "entryId", votes from market_paper_tally where season_id = ${seasonId} order by venue`);
}

export async function upsertPaperTally(db: Db, v: { seasonId: string; venue: string; entryId: string; votes: number; enteredBy: string }): Promise<void> {
  await db.execute(sql`insert into market_paper_tally (season_id, venue, entry_id, votes, entered_by) values (${v.seasonId}, ${v.venue}, ${v.entryId}, ${v.votes}, ${v.enteredBy})
    on conflict (entry_id, venue) do update set votes = excluded.votes, entered_by = excluded.entered_by, updated_at = now()`);
}

export async function votesBySession(db: Db, seasonId: string): Promise<{ venue: string; votes: number }[]> {
  return query(db, sql`select s.venue, count(v.id)::int as votes from market_vote_session s left join market_vote v on v.session_id = s.id where s.season_id = ${seasonId} group by s.venue, s.created_at order by s.created_at`);
}
