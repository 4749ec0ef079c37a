import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { appUser, roleGrant } from '../accounts';
import { org } from '../orgs';
import { position } from '../positions';
import { scopeWhere } from './stars.repository';
import { positionIssue, positionRating } from './stars.tables';

export type IssueRow = typeof positionIssue.$inferSelect;
export type IssueWithRefs = {
  issue: IssueRow;
  code: string;
  name: string;
  orgId: string;
  orgPath: string;
  assigneeName: string | null;
  reporterName: string;
  reporterPhone: string | null;
};

const assignee = sql`(select display_name from app_user a where a.id = ${positionIssue.assigneeId})`;
const issueColumns = {
  issue: positionIssue,
  code: position.code,
  name: position.name,
  orgId: position.orgId,
  orgPath: org.path,
  assigneeName: sql<string | null>`${assignee}`,
  reporterName: appUser.displayName,
  reporterPhone: appUser.phone,
};

const issueQuery = (db: Db) =>
  db
    .select(issueColumns)
    .from(positionIssue)
    .innerJoin(position, eq(position.id, positionIssue.positionId))
    .innerJoin(org, eq(org.id, position.orgId))
    .innerJoin(appUser, eq(appUser.id, positionIssue.reporterId));

export async function upsertRating(
  db: Db,
  values: {
    positionId: string;
    userId: string;
    month: string;
    stars: number;
    comment: string | null;
  },
) {
  const rows = await db
    .insert(positionRating)
    .values(values)
    .onConflictDoUpdate({
      target: [positionRating.positionId, positionRating.userId, positionRating.month],
      set: {
        stars: values.stars,
        comment: values.comment,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  return rows[0]!;
}

export async function findRating(db: Db, positionId: string, userId: string, month: string) {
  return (
    await db
      .select()
      .from(positionRating)
      .where(and(eq(positionRating.positionId, positionId), eq(positionRating.userId, userId), eq(positionRating.month, month)))
      .limit(1)
  )[0];
}

export async function listRatingsOfUser(db: Db, userId: string) {
  return db
    .select({
      rating: positionRating,
      code: position.code,
      name: position.name,
    })
    .from(positionRating)
    .innerJoin(position, eq(position.id, positionRating.positionId))
    .where(eq(positionRating.userId, userId))
    .orderBy(desc(positionRating.updatedAt))
    .limit(50);
}

export async function insertIssue(db: Db, values: typeof positionIssue.$inferInsert): Promise<IssueRow> {
  return (await db.insert(positionIssue).values(values).returning())[0]!;
}

export async function findIssue(db: Db, id: string): Promise<IssueWithRefs | undefined> {
  return (await issueQuery(db).where(eq(positionIssue.id, id)).limit(1))[0];
}

export async function listIssuesOfUser(db: Db, userId: string): Promise<IssueWithRefs[]> {
  return issueQuery(db).where(eq(positionIssue.reporterId, userId)).orderBy(desc(positionIssue.createdAt)).limit(50);
}

export type IssueFilter = {
  scope: Scope;
  status?: string | undefined;
  category?: string | undefined;
  positionId?: string | undefined;
  q?: string | undefined;
};

export async function pageIssues(db: Db, f: IssueFilter, page: { limit: number; offset: number }) {
  const conditions: (SQL | undefined)[] = [scopeWhere(f.scope)];
  if (f.status) conditions.push(eq(positionIssue.status, f.status));
  if (f.category) conditions.push(eq(positionIssue.category, f.category));
  if (f.positionId) conditions.push(eq(positionIssue.positionId, f.positionId));
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(position.name, pattern), ilike(position.code, pattern), ilike(positionIssue.number, pattern), ilike(positionIssue.text, pattern)));
  }
  const where = and(...conditions);
  const [items, totals] = await Promise.all([
    issueQuery(db)
      .where(where)
      .orderBy(sql`case ${positionIssue.status} when 'open' then 0 when 'assigned' then 1 else 2 end`, desc(positionIssue.createdAt))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(positionIssue).innerJoin(position, eq(position.id, positionIssue.positionId)).innerJoin(org, eq(org.id, position.orgId)).where(where),
  ]);
  return { items, total: totals[0]?.value ?? 0 };
}

export async function updateIssueIfVersion(db: Db, id: string, version: number, values: Partial<typeof positionIssue.$inferInsert>) {
  const rows = await db
    .update(positionIssue)
    .set({
      ...values,
      version: sql`${positionIssue.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(positionIssue.id, id), eq(positionIssue.version, version)))
    .returning();
  return rows[0];
}

/** Active staff (granted on an org, not global) whose grant covers an org path (granted on it or above it), with roles that handle positions. */
export async function listStaffCovering(db: Db, orgPath: string, roles: string[]) {
  const rows = await db
    .selectDistinct({ id: appUser.id, name: appUser.displayName })
    .from(roleGrant)
    .innerJoin(appUser, eq(appUser.id, roleGrant.userId))
    .innerJoin(org, eq(org.id, roleGrant.orgId))
    .where(and(inArray(roleGrant.role, roles), sql`${orgPath} like ${org.path} || '%'`, eq(appUser.status, 'active')))
    .orderBy(appUser.displayName);
  return rows;
}
