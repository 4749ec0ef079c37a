import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { scopeSql, type Scope } from '../../platform/auth';
import { appUser } from '../accounts';
import { person } from '../members';
import { org } from '../orgs';
import { suggestion, suggestionStep, type SuggestionRow } from './suggestion.tables';

export type SuggestionJoined = { s: SuggestionRow; orgName: string; orgPath: string; submitterName: string };

const joined = { s: suggestion, orgName: org.name, orgPath: org.path, submitterName: person.realName };
/** The union and everything below it (the console's header scope, or a union chosen in a filter). */
const underOrg = (orgId: string | undefined) => (orgId ? sql`${org.path} like (select o2.path from ${org} o2 where o2.id = ${orgId}) || '%'` : undefined);
/** `JY000123` finds that suggestion; other words search the title. */
const numberOf = (q: string) => (/^JY\d{1,12}$/i.test(q) ? Number(q.slice(2)) : null);

export async function insertSuggestion(db: Db, values: typeof suggestion.$inferInsert): Promise<SuggestionRow> {
  const [row] = await db.insert(suggestion).values(values).returning();
  return row!;
}

export async function insertStep(db: Db, values: typeof suggestionStep.$inferInsert): Promise<void> {
  await db.insert(suggestionStep).values(values);
}

export async function findSuggestion(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<SuggestionJoined | undefined> {
  const query = db.select(joined).from(suggestion).innerJoin(org, eq(org.id, suggestion.orgId)).innerJoin(person, eq(person.id, suggestion.personId)).where(eq(suggestion.id, id));
  const [row] = opts.forUpdate ? await query.for('update', { of: suggestion }) : await query;
  return row;
}

export type SuggestionFilter = { scope: Scope; status?: string | undefined; category?: string | undefined; orgId?: string | undefined; q?: string | undefined };

export async function pageSuggestions(db: Db, f: SuggestionFilter, page: { limit: number; offset: number }) {
  const n = f.q ? numberOf(f.q) : null;
  const where = and(
    scopeSql(f.scope, sql`${org.path}`),
    f.status ? eq(suggestion.status, f.status) : undefined,
    f.category ? eq(suggestion.category, f.category) : undefined,
    underOrg(f.orgId),
    f.q ? (n !== null ? eq(suggestion.seq, n) : ilike(suggestion.title, `%${f.q.replace(/[\\%_]/g, '\\$&')}%`)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select(joined)
      .from(suggestion)
      .innerJoin(org, eq(org.id, suggestion.orgId))
      .innerJoin(person, eq(person.id, suggestion.personId))
      .where(where)
      .orderBy(desc(suggestion.createdAt), desc(suggestion.seq))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(suggestion).innerJoin(org, eq(org.id, suggestion.orgId)).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** The suggestions a worker made: through their account, or on paper as the same member (one identity). */
export async function listOfWorker(db: Db, userId: string, personIds: string[], limit: number) {
  return db
    .select(joined)
    .from(suggestion)
    .innerJoin(org, eq(org.id, suggestion.orgId))
    .innerJoin(person, eq(person.id, suggestion.personId))
    .where(or(eq(suggestion.submitterId, userId), personIds.length ? inArray(suggestion.personId, personIds) : undefined))
    .orderBy(desc(suggestion.createdAt))
    .limit(limit);
}

export async function stepsOf(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ suggestionId: suggestionStep.suggestionId, kind: suggestionStep.kind, note: suggestionStep.note, actorName: appUser.displayName, at: suggestionStep.at })
    .from(suggestionStep)
    .leftJoin(appUser, eq(appUser.id, suggestionStep.actorId))
    .where(inArray(suggestionStep.suggestionId, ids))
    .orderBy(asc(suggestionStep.at), asc(suggestionStep.id));
}

export async function updateIfVersion(db: Db, id: string, version: number, set: Partial<typeof suggestion.$inferInsert>, now: Date): Promise<SuggestionRow | null> {
  const [row] = await db
    .update(suggestion)
    .set({ ...set, version: sql`${suggestion.version} + 1`, updatedAt: now })
    .where(and(eq(suggestion.id, id), eq(suggestion.version, version)))
    .returning();
  return row ?? null;
}

type Counts = { submitted: number; adopted: number; benefit_fen: number; benefit_hours: number; reward_fen: number };

/**
 * Submitted in the period (by the day it was made), adopted in it (by the day it was adopted, with
 * that suggestion's benefit and reward), by category and by union; `open` counts those still waiting now.
 */
export async function figures(db: Db, scope: Scope, orgId: string | undefined, from: string, to: string) {
  const inScope = and(scopeSql(scope, sql`o.path`), orgId ? sql`o.path like (select o2.path from ${org} o2 where o2.id = ${orgId}) || '%'` : undefined) as SQL;
  const start = sql`(${from}::date::timestamp at time zone 'Asia/Shanghai')`;
  const end = sql`((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;
  const facts = sql`
    select s.category, s.org_id, o.name as org_name, s.status,
      (s.created_at >= ${start} and s.created_at < ${end}) as in_submitted,
      (s.adopted_at >= ${start} and s.adopted_at < ${end}) as in_adopted,
      s.benefit_fen, s.benefit_hours, s.reward_fen
    from ${suggestion} s join ${org} o on o.id = s.org_id where ${inScope}`;
  const sums = sql`
    count(*) filter (where in_submitted)::int as submitted,
    count(*) filter (where in_adopted)::int as adopted,
    coalesce(sum(benefit_fen) filter (where in_adopted), 0)::bigint as benefit_fen,
    coalesce(sum(benefit_hours) filter (where in_adopted), 0)::bigint as benefit_hours,
    coalesce(sum(reward_fen) filter (where in_adopted), 0)::bigint as reward_fen`;
  const [totals, byCategory, byOrg] = await Promise.all([
    db.execute(sql`with f as (${facts}) select ${sums}, count(*) filter (where status in ('submitted','reviewing','forwarded'))::int as open from f`),
    db.execute(sql`with f as (${facts}) select category, ${sums} from f group by category order by 2 desc, 1`),
    db.execute(sql`with f as (${facts}) select org_id, org_name, ${sums} from f group by org_id, org_name having count(*) filter (where in_submitted or in_adopted) > 0 order by 3 desc, 4 desc, 2 limit 50`),
  ]);
  return {
    totals: rowsOf<Counts & { open: number }>(totals)[0]!,
    byCategory: rowsOf<Counts & { category: string }>(byCategory),
    byOrg: rowsOf<Counts & { org_id: string; org_name: string }>(byOrg),
  };
}

/** Photos of suggestions: the union's staff (voice.read) may see them. */
export async function suggestionPhotoPaths(db: Db, photoId: string): Promise<{ path: string; permission: 'voice.read' }[]> {
  const rows = await db
    .select({ path: org.path })
    .from(suggestion)
    .innerJoin(org, eq(org.id, suggestion.orgId))
    .where(sql`${photoId}::uuid = any(${suggestion.photoIds})`);
  return rows.map((r) => ({ path: r.path, permission: 'voice.read' as const }));
}
