import { and, count, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { scopeSql, type Scope } from '../../platform/auth';
import { person } from '../members';
import { org } from '../orgs';
import { survey, surveyRespondent, surveyResponse, type SurveyRow } from './survey.tables';

export type SurveyJoined = { s: SurveyRow; orgName: string; orgPath: string; responses: number };

const responsesCount = sql<number>`(select count(*)::int from ${surveyResponse} r where r.survey_id = ${survey.id})`;
const joined = { s: survey, orgName: org.name, orgPath: org.path, responses: responsesCount };

export async function insertSurvey(db: Db, values: typeof survey.$inferInsert): Promise<SurveyRow> {
  const [row] = await db.insert(survey).values(values).returning();
  return row!;
}

export async function findSurvey(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<SurveyJoined | undefined> {
  const query = db.select(joined).from(survey).innerJoin(org, eq(org.id, survey.orgId)).where(eq(survey.id, id));
  const [row] = opts.forUpdate ? await query.for('update', { of: survey }) : await query;
  return row;
}

export async function findSurveyByToken(db: Db, token: string): Promise<SurveyJoined | undefined> {
  const [row] = await db.select(joined).from(survey).innerJoin(org, eq(org.id, survey.orgId)).where(eq(survey.linkToken, token));
  return row;
}

export async function pageSurveys(db: Db, f: { scope: Scope; status?: string | undefined; q?: string | undefined; orgId?: string | undefined }, page: { limit: number; offset: number }) {
  const under = f.orgId ? sql`${org.path} like (select o2.path from ${org} o2 where o2.id = ${f.orgId}) || '%'` : undefined;
  const where = and(scopeSql(f.scope, sql`${org.path}`), under, f.status ? eq(survey.status, f.status) : undefined, f.q ? ilike(survey.title, `%${f.q.replace(/[\\%_]/g, '\\$&')}%`) : undefined);
  const [items, [total]] = await Promise.all([
    db.select(joined).from(survey).innerJoin(org, eq(org.id, survey.orgId)).where(where).orderBy(desc(survey.createdAt), desc(survey.id)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(survey).innerJoin(org, eq(org.id, survey.orgId)).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function updateIfVersion(db: Db, id: string, version: number, set: Partial<typeof survey.$inferInsert>, now: Date): Promise<SurveyRow | null> {
  const [row] = await db
    .update(survey)
    .set({ ...set, version: sql`${survey.version} + 1`, updatedAt: now })
    .where(and(eq(survey.id, id), eq(survey.version, version)))
    .returning();
  return row ?? null;
}

/**
 * Published surveys asking a member: their union is inside the survey's subtree and, when the
 * survey names employment forms, theirs is one of them; plus any survey (not a draft) they answered.
 */
export async function listForWorker(db: Db, who: { unionPath: string | null; employmentForm: string | null; keys: string[] }) {
  const answered = sql<boolean>`exists (select 1 from ${surveyRespondent} sr where sr.survey_id = ${survey.id} and sr.respondent_key in (${sql.join(who.keys.map((k) => sql`${k}::uuid`), sql`, `)}))`;
  const asks = who.unionPath
    ? sql`(${survey.status} = 'published' and ${survey.audience} = 'org' and ${who.unionPath} like ${org.path} || '%' and (cardinality(${survey.employmentForms}) = 0 or ${who.employmentForm ?? ''} = any(${survey.employmentForms})))`
    : sql`false`;
  return db
    .select({ s: survey, orgName: org.name, answered })
    .from(survey)
    .innerJoin(org, eq(org.id, survey.orgId))
    .where(sql`${asks} or (${survey.status} <> 'draft' and ${answered})`)
    .orderBy(desc(survey.publishedAt))
    .limit(100);
}

export async function hasAnswered(db: Db, surveyId: string, keys: string[]): Promise<boolean> {
  if (!keys.length) return false;
  const [row] = await db
    .select({ n: count() })
    .from(surveyRespondent)
    .where(and(eq(surveyRespondent.surveyId, surveyId), inArray(surveyRespondent.respondentKey, keys)));
  return (row?.n ?? 0) > 0;
}

/** Marks the respondent as having answered; false when they already had (the primary key holds one per person). */
export async function insertRespondent(db: Db, surveyId: string, key: string): Promise<boolean> {
  const rows = await db.insert(surveyRespondent).values({ surveyId, respondentKey: key }).onConflictDoNothing().returning({ k: surveyRespondent.respondentKey });
  return rows.length > 0;
}

export async function insertResponse(db: Db, values: typeof surveyResponse.$inferInsert): Promise<void> {
  await db.insert(surveyResponse).values(values);
}

export type ResponseFact = { answers: Record<string, unknown>; employment_form: string | null; group_id: string | null; group_name: string | null };

/** Every answer sheet with the cross-tab dimensions: the union one level below the survey's org holding the respondent's union, and the employment form. */
export async function responsesOf(db: Db, surveyId: string, surveyOrgId: string): Promise<ResponseFact[]> {
  const res = await db.execute(sql`
    select r.answers, r.employment_form, c.id as group_id, c.name as group_name
    from ${surveyResponse} r
    left join ${org} u on u.id = r.union_id
    left join ${org} c on c.parent_id = ${surveyOrgId} and u.path like c.path || '%'
    where r.survey_id = ${surveyId}`);
  return rowsOf<ResponseFact>(res);
}

/** The respondent's employment form (for the audience filter and the cross-tab). */
export async function employmentFormOf(db: Db, personId: string): Promise<string | null> {
  const [row] = await db.select({ f: person.employmentForm }).from(person).where(eq(person.id, personId));
  return row?.f ?? null;
}
