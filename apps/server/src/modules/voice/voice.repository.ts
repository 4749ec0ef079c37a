import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { scopeSql, type Scope } from '../../platform/auth';
import { appUser } from '../accounts';
import { org } from '../orgs';
import { voiceCategory, voiceGridMember, voiceReport, voiceReportEvent, voiceReportFollower, type VoiceReportRow } from './voice.tables';

export type ReportValues = typeof voiceReport.$inferInsert;
export type EventValues = typeof voiceReportEvent.$inferInsert;

const OPEN = sql`${voiceReport.status} in ('new','accepted','in_progress')`;

export async function listCategories(db: Db, opts: { activeOnly?: boolean } = {}) {
  return db
    .select()
    .from(voiceCategory)
    .where(opts.activeOnly ? eq(voiceCategory.isActive, true) : undefined)
    .orderBy(asc(voiceCategory.sortOrder), asc(voiceCategory.key));
}

export async function findCategory(db: Db, key: string) {
  const [row] = await db.select().from(voiceCategory).where(eq(voiceCategory.key, key));
  return row;
}

/** The root of the union tree (the fallback owner of a report no district outline holds). */
export async function findRootOrg(db: Db) {
  const [row] = await db
    .select({ id: org.id })
    .from(org)
    .where(and(sql`${org.parentId} is null`, eq(org.status, 'active')))
    .orderBy(asc(org.createdAt))
    .limit(1);
  return row;
}

export async function findOrg(db: Db, id: string) {
  const [row] = await db.select({ id: org.id, name: org.name, path: org.path, parentId: org.parentId, status: org.status, type: org.type }).from(org).where(eq(org.id, id));
  return row;
}

export async function insertReport(db: Db, values: ReportValues): Promise<VoiceReportRow> {
  const [row] = await db.insert(voiceReport).values(values).returning();
  return row!;
}

export async function insertEvent(db: Db, values: EventValues): Promise<void> {
  await db.insert(voiceReportEvent).values(values);
}

/** Updates a report if it is still at `version`; null when someone else changed it first. */
export async function updateReportIfVersion(db: Db, id: string, version: number, set: Partial<ReportValues>, now: Date): Promise<VoiceReportRow | null> {
  const [row] = await db
    .update(voiceReport)
    .set({ ...set, version: sql`${voiceReport.version} + 1`, updatedAt: now })
    .where(and(eq(voiceReport.id, id), eq(voiceReport.version, version)))
    .returning();
  return row ?? null;
}

export async function updateReport(db: Db, id: string, set: Partial<ReportValues>, now: Date): Promise<VoiceReportRow> {
  const [row] = await db
    .update(voiceReport)
    .set({ ...set, version: sql`${voiceReport.version} + 1`, updatedAt: now })
    .where(eq(voiceReport.id, id))
    .returning();
  return row!;
}

const reporter = alias(appUser, 'reporter');

const reportColumns = { report: voiceReport, orgName: org.name, orgPath: org.path, reporterName: reporter.displayName };

export type ReportJoined = { report: VoiceReportRow; orgName: string; orgPath: string; reporterName: string };

export async function findReport(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<ReportJoined | undefined> {
  const q = db.select(reportColumns).from(voiceReport).innerJoin(org, eq(org.id, voiceReport.orgId)).innerJoin(reporter, eq(reporter.id, voiceReport.reporterId)).where(eq(voiceReport.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: voiceReport }) : await q;
  return row;
}

export type ReportFilter = {
  scope: Scope;
  status?: string | undefined;
  categoryKey?: string | undefined;
  isOverdue?: boolean | undefined;
  isGridMember?: boolean | undefined;
  now: Date;
};

function filterWhere(f: ReportFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [scopeSql(f.scope, sql`${org.path}`)];
  if (f.status === 'open') conds.push(OPEN);
  else if (f.status) conds.push(eq(voiceReport.status, f.status));
  if (f.categoryKey) conds.push(eq(voiceReport.categoryKey, f.categoryKey));
  if (f.isOverdue === true) conds.push(and(OPEN, lt(voiceReport.dueAt, f.now)));
  if (f.isOverdue === false) conds.push(sql`not (${OPEN} and ${voiceReport.dueAt} < ${f.now})`);
  if (f.isGridMember !== undefined) conds.push(eq(voiceReport.isGridMember, f.isGridMember));
  return and(...conds);
}

export async function pageReports(db: Db, f: ReportFilter, page: { limit: number; offset: number }) {
  const where = filterWhere(f);
  const [items, [total]] = await Promise.all([
    db
      .select(reportColumns)
      .from(voiceReport)
      .innerJoin(org, eq(org.id, voiceReport.orgId))
      .innerJoin(reporter, eq(reporter.id, voiceReport.reporterId))
      .where(where)
      .orderBy(sql`case when ${OPEN} then 0 else 1 end`, asc(voiceReport.dueAt), desc(voiceReport.createdAt))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(voiceReport).innerJoin(org, eq(org.id, voiceReport.orgId)).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

const actor = alias(appUser, 'actor');
const fromOrg = alias(org, 'from_org');
const toOrg = alias(org, 'to_org');

export async function listEvents(db: Db, reportIds: string[]) {
  if (reportIds.length === 0) return [];
  return db
    .select({
      reportId: voiceReportEvent.reportId,
      kind: voiceReportEvent.kind,
      at: voiceReportEvent.at,
      actorName: actor.displayName,
      actorId: voiceReportEvent.actorId,
      fromOrgName: fromOrg.name,
      toOrgName: toOrg.name,
      note: voiceReportEvent.note,
    })
    .from(voiceReportEvent)
    .leftJoin(actor, eq(actor.id, voiceReportEvent.actorId))
    .leftJoin(fromOrg, eq(fromOrg.id, voiceReportEvent.fromOrgId))
    .leftJoin(toOrg, eq(toOrg.id, voiceReportEvent.toOrgId))
    .where(inArray(voiceReportEvent.reportId, reportIds))
    .orderBy(asc(voiceReportEvent.at), asc(voiceReportEvent.seq));
}

/** Open reports of a category inside a lat/lng box (the service measures the real distance). */
export async function listOpenInBox(db: Db, categoryKey: string, box: { west: number; south: number; east: number; north: number }) {
  return db
    .select({
      id: voiceReport.id,
      seq: voiceReport.seq,
      categoryKey: voiceReport.categoryKey,
      status: voiceReport.status,
      lng: voiceReport.lng,
      lat: voiceReport.lat,
      meTooCount: voiceReport.meTooCount,
      createdAt: voiceReport.createdAt,
    })
    .from(voiceReport)
    .where(and(eq(voiceReport.categoryKey, categoryKey), OPEN, sql`${voiceReport.lat} between ${box.south} and ${box.north}`, sql`${voiceReport.lng} between ${box.west} and ${box.east}`))
    .limit(200);
}

export async function addFollower(db: Db, reportId: string, userId: string): Promise<boolean> {
  const rows = await db.insert(voiceReportFollower).values({ reportId, userId }).onConflictDoNothing().returning({ id: voiceReportFollower.id });
  return rows.length > 0;
}

export async function listFollowerIds(db: Db, reportId: string): Promise<string[]> {
  const rows = await db.select({ userId: voiceReportFollower.userId }).from(voiceReportFollower).where(eq(voiceReportFollower.reportId, reportId));
  return rows.map((r) => r.userId);
}

/** Reports a worker filed or joined, newest first. */
/** The reports a worker filed or follows, newest first (the latest 100); `onlyId`: just that one. */
export async function listMine(db: Db, userId: string, onlyId?: string) {
  return db
    .select({ ...reportColumns })
    .from(voiceReport)
    .innerJoin(org, eq(org.id, voiceReport.orgId))
    .innerJoin(reporter, eq(reporter.id, voiceReport.reporterId))
    .where(
      sql`(${voiceReport.reporterId} = ${userId} or exists (select 1 from ${voiceReportFollower} f where f.report_id = ${voiceReport.id} and f.user_id = ${userId}))${onlyId ? sql` and ${voiceReport.id} = ${onlyId}` : sql``}`,
    )
    .orderBy(desc(voiceReport.createdAt))
    .limit(100);
}

/** Open reports past their time limit, oldest deadline first, locked for the sweep. */
export async function listOverdue(db: Db, now: Date, limit: number) {
  return db
    .select()
    .from(voiceReport)
    .where(and(OPEN, lt(voiceReport.dueAt, now)))
    .orderBy(asc(voiceReport.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Every open and resolved-or-closed report for the public map (no join to people). */
export async function listForPublicMap(db: Db, limit: number) {
  return db
    .select({ categoryKey: voiceReport.categoryKey, status: voiceReport.status, lng: voiceReport.lng, lat: voiceReport.lat, createdAt: voiceReport.createdAt, resolvedAt: voiceReport.resolvedAt })
    .from(voiceReport)
    .where(sql`${voiceReport.status} <> 'merged'`)
    .orderBy(desc(voiceReport.createdAt))
    .limit(limit);
}

export async function isGridMember(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: voiceGridMember.id }).from(voiceGridMember).where(eq(voiceGridMember.userId, userId));
  return Boolean(row);
}

export async function listGridMembers(db: Db, scope: Scope) {
  return db
    .select({
      id: voiceGridMember.id,
      userId: voiceGridMember.userId,
      name: appUser.displayName,
      orgId: voiceGridMember.orgId,
      orgName: org.name,
      createdAt: voiceGridMember.createdAt,
      reports: sql<number>`(select count(*)::int from ${voiceReport} r where r.reporter_id = ${voiceGridMember.userId} and r.is_grid_member)`,
    })
    .from(voiceGridMember)
    .innerJoin(appUser, eq(appUser.id, voiceGridMember.userId))
    .innerJoin(org, eq(org.id, voiceGridMember.orgId))
    .where(scopeSql(scope, sql`${org.path}`))
    .orderBy(asc(org.path), asc(voiceGridMember.createdAt))
    .limit(500);
}

export async function findUserByPhone(db: Db, phone: string) {
  const [row] = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.phone, phone));
  return row;
}

export async function insertGridMember(db: Db, values: typeof voiceGridMember.$inferInsert) {
  const rows = await db.insert(voiceGridMember).values(values).onConflictDoNothing().returning();
  return rows[0];
}

export async function findGridMember(db: Db, id: string) {
  const [row] = await db
    .select({ id: voiceGridMember.id, orgId: voiceGridMember.orgId, userId: voiceGridMember.userId, orgPath: org.path })
    .from(voiceGridMember)
    .innerJoin(org, eq(org.id, voiceGridMember.orgId))
    .where(eq(voiceGridMember.id, id));
  return row;
}

export async function deleteGridMember(db: Db, id: string) {
  await db.delete(voiceGridMember).where(eq(voiceGridMember.id, id));
}

/** The org paths of the reports that show a photo: staff with voice.read there may see it (a stars photo owner). */
export async function reportPhotoPaths(db: Db, photoId: string): Promise<{ path: string; permission: 'voice.read' }[]> {
  const rows = await db
    .select({ path: org.path })
    .from(voiceReport)
    .innerJoin(org, eq(org.id, voiceReport.orgId))
    .where(sql`${photoId}::uuid = any(${voiceReport.photoIds})`);
  return rows.map((r) => ({ path: r.path, permission: 'voice.read' as const }));
}

/** Names of orgs by id, in the order asked. */
export async function listOrgNames(db: Db, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, ids));
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}
