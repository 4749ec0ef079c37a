import { and, count, desc, eq, ilike, inArray, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { membership, person } from '../members/members.tables';
import { org, scopeCondition } from '../orgs';
import { notice, type NoticeRow } from './notices.tables';

const columns = { notice, orgCode: org.code, orgName: org.name, orgPath: org.path };
export type NoticeWithOrg = { notice: NoticeRow; orgCode: string; orgName: string; orgPath: string };

export async function findNotice(db: Db, id: string): Promise<NoticeWithOrg | undefined> {
  const rows = await db.select(columns).from(notice).innerJoin(org, eq(org.id, notice.orgId)).where(eq(notice.id, id)).limit(1);
  return rows[0];
}

export async function listNotices(db: Db, f: { scope: Scope; underPath?: string | undefined; status?: string | undefined; q?: string | undefined; limit: number; offset: number }) {
  const conditions: (SQL | undefined)[] = [f.underPath ? like(org.path, `${f.underPath}%`) : scopeCondition(f.scope)];
  if (f.status) conditions.push(eq(notice.status, f.status));
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(notice.title, pattern), ilike(notice.body, pattern)));
  }
  const where = and(...conditions);
  const [items, totals] = await Promise.all([
    db
      .select(columns)
      .from(notice)
      .innerJoin(org, eq(org.id, notice.orgId))
      .where(where)
      .orderBy(desc(notice.isPinned), sql`${notice.publishedAt} desc nulls first`, desc(notice.createdAt))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(notice).innerJoin(org, eq(org.id, notice.orgId)).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

export async function insertNotice(db: Db, values: typeof notice.$inferInsert): Promise<NoticeRow> {
  return (await db.insert(notice).values(values).returning())[0]!;
}

export async function updateNoticeIfVersion(db: Db, id: string, version: number, values: Partial<typeof notice.$inferInsert>): Promise<NoticeRow | undefined> {
  const rows = await db
    .update(notice)
    .set({ ...values, version: sql`${notice.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(notice.id, id), eq(notice.version, version)))
    .returning();
  return rows[0];
}

/** Published notices of these orgs (a worker's union and its ancestors), pinned first, then newest. */
export async function listPublishedOf(db: Db, orgIds: string[], f: { limit: number; before?: Date | undefined }) {
  if (!orgIds.length) return [];
  return db
    .select({ notice, orgName: org.name })
    .from(notice)
    .innerJoin(org, eq(org.id, notice.orgId))
    .where(and(inArray(notice.orgId, orgIds), eq(notice.status, 'published'), f.before ? lt(notice.publishedAt, f.before) : undefined))
    .orderBy(desc(notice.isPinned), desc(notice.publishedAt), desc(notice.id))
    .limit(f.limit);
}

/**
 * The union a worker belongs to: their open (or latest) membership's, else the org holding their
 * real-name record (a smart station's union), else none.
 */
export async function findWorkerOrgPath(db: Db, userId: string): Promise<string | undefined> {
  const rows = await db
    .select({ path: org.path })
    .from(person)
    .leftJoin(membership, and(eq(membership.personId, person.id), inArray(membership.status, ['applied', 'active', 'suspended'])))
    .innerJoin(org, sql`${org.id} = coalesce(${membership.orgId}, ${person.orgId})`)
    .where(eq(person.userId, userId))
    .orderBy(sql`${membership.appliedAt} desc nulls last`)
    .limit(1);
  return rows[0]?.path;
}

/** The tops of the tree (federations without a parent): what a signed-out visitor is shown. */
export async function listRootOrgIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: org.id }).from(org).where(isNull(org.parentId));
  return rows.map((r) => r.id);
}

export async function findOrgNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
