import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { org } from '../orgs';
import { scopeWhere } from './case-access';
import { rightsMonitoringPoint, rightsMonitoringReport, rightsTeamMember, rightsWarning } from './monitoring.tables';
import { escapeLike } from './rights.shared';

export type TeamRow = typeof rightsTeamMember.$inferSelect;
export type PointRow = typeof rightsMonitoringPoint.$inferSelect;
export type ReportRow = typeof rightsMonitoringReport.$inferSelect;
export type WarningRow = typeof rightsWarning.$inferSelect;

const orgCols = { orgCode: org.code, orgName: org.name, orgPath: org.path };

// ---- 三员 ----
export async function pageTeam(db: Db, f: { scope: Scope; underPath?: string | undefined; role?: string | undefined; status?: string | undefined; q?: string | undefined }, page: { limit: number; offset: number }) {
  const where = and(
    scopeWhere(f.scope),
    f.underPath ? sql`${org.path} like ${`${f.underPath}%`}` : undefined,
    f.role ? eq(rightsTeamMember.role, f.role) : undefined,
    f.status ? eq(rightsTeamMember.status, f.status) : undefined,
    f.q ? or(ilike(rightsTeamMember.name, escapeLike(f.q)), ilike(rightsTeamMember.employerName, escapeLike(f.q))) : undefined,
  );
  const [items, totals] = await Promise.all([
    db.select({ m: rightsTeamMember, ...orgCols }).from(rightsTeamMember).innerJoin(org, eq(org.id, rightsTeamMember.orgId)).where(where).orderBy(asc(rightsTeamMember.role), asc(org.code), asc(rightsTeamMember.name)).limit(page.limit).offset(page.offset),
    db.select({ value: count() }).from(rightsTeamMember).innerJoin(org, eq(org.id, rightsTeamMember.orgId)).where(where),
  ]);
  return { items, total: totals[0]?.value ?? 0 };
}

export async function countTeam(db: Db, scope: Scope, underPath?: string) {
  return db
    .select({ role: rightsTeamMember.role, n: count() })
    .from(rightsTeamMember)
    .innerJoin(org, eq(org.id, rightsTeamMember.orgId))
    .where(and(scopeWhere(scope), underPath ? sql`${org.path} like ${`${underPath}%`}` : undefined, eq(rightsTeamMember.status, 'active')))
    .groupBy(rightsTeamMember.role);
}

export async function findTeamMember(db: Db, id: string) {
  return (await db.select({ m: rightsTeamMember, ...orgCols }).from(rightsTeamMember).innerJoin(org, eq(org.id, rightsTeamMember.orgId)).where(eq(rightsTeamMember.id, id)).limit(1))[0];
}

export async function insertTeamMember(db: Db, values: typeof rightsTeamMember.$inferInsert) {
  return (await db.insert(rightsTeamMember).values(values).returning())[0]!;
}

export async function updateTeamMemberIfVersion(db: Db, id: string, version: number, values: Partial<typeof rightsTeamMember.$inferInsert>) {
  return (
    await db
      .update(rightsTeamMember)
      .set({ ...values, version: sql`${rightsTeamMember.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(rightsTeamMember.id, id), eq(rightsTeamMember.version, version)))
      .returning()
  )[0];
}

// ---- points ----
const informantCols = { informantName: sql<string | null>`(select name from rights_team_member t where t.id = ${rightsMonitoringPoint.informantId})`, informantPhone: sql<string | null>`(select phone from rights_team_member t where t.id = ${rightsMonitoringPoint.informantId})` };
const lastReportCols = {
  lastQuarter: sql<string | null>`(select max(quarter) from rights_monitoring_report r where r.point_id = ${rightsMonitoringPoint.id})`,
  lastSubmittedAt: sql<Date | null>`(select max(submitted_at) from rights_monitoring_report r where r.point_id = ${rightsMonitoringPoint.id})`,
  openWarnings: sql<number>`(select count(*)::int from rights_warning w where w.point_id = ${rightsMonitoringPoint.id} and w.status = 'open')`,
};
export type PointWithRefs = { p: PointRow; orgCode: string; orgName: string; orgPath: string; informantName: string | null; informantPhone: string | null; lastQuarter: string | null; lastSubmittedAt: Date | string | null; openWarnings: number };

export async function pagePoints(db: Db, f: { scope: Scope; underPath?: string | undefined; status?: string | undefined; q?: string | undefined; missingQuarter?: string | undefined }, page: { limit: number; offset: number }) {
  const where = and(
    scopeWhere(f.scope),
    f.underPath ? sql`${org.path} like ${`${f.underPath}%`}` : undefined,
    f.status ? eq(rightsMonitoringPoint.status, f.status) : undefined,
    f.q ? or(ilike(rightsMonitoringPoint.enterpriseName, escapeLike(f.q)), ilike(rightsMonitoringPoint.creditCode, escapeLike(f.q))) : undefined,
    f.missingQuarter ? sql`not exists (select 1 from rights_monitoring_report r where r.point_id = ${rightsMonitoringPoint.id} and r.quarter = ${f.missingQuarter})` : undefined,
  );
  const [items, totals] = await Promise.all([
    db
      .select({ p: rightsMonitoringPoint, ...orgCols, ...informantCols, ...lastReportCols })
      .from(rightsMonitoringPoint)
      .innerJoin(org, eq(org.id, rightsMonitoringPoint.orgId))
      .where(where)
      .orderBy(asc(org.code), asc(rightsMonitoringPoint.enterpriseName))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(rightsMonitoringPoint).innerJoin(org, eq(org.id, rightsMonitoringPoint.orgId)).where(where),
  ]);
  return { items: items as PointWithRefs[], total: totals[0]?.value ?? 0 };
}

export async function findPoint(db: Db, id: string): Promise<PointWithRefs | undefined> {
  return (await db.select({ p: rightsMonitoringPoint, ...orgCols, ...informantCols, ...lastReportCols }).from(rightsMonitoringPoint).innerJoin(org, eq(org.id, rightsMonitoringPoint.orgId)).where(eq(rightsMonitoringPoint.id, id)).limit(1))[0];
}

export async function findActivePointByCredit(db: Db, creditCode: string) {
  return (await db.select({ id: rightsMonitoringPoint.id }).from(rightsMonitoringPoint).where(and(eq(rightsMonitoringPoint.creditCode, creditCode), eq(rightsMonitoringPoint.status, 'active'))).limit(1))[0];
}

export async function insertPoint(db: Db, values: typeof rightsMonitoringPoint.$inferInsert) {
  return (await db.insert(rightsMonitoringPoint).values(values).returning())[0]!;
}

export async function updatePointIfVersion(db: Db, id: string, version: number, values: Partial<typeof rightsMonitoringPoint.$inferInsert>) {
  return (
    await db
      .update(rightsMonitoringPoint)
      .set({ ...values, version: sql`${rightsMonitoringPoint.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(rightsMonitoringPoint.id, id), eq(rightsMonitoringPoint.version, version)))
      .returning()
  )[0];
}

/** Active points whose informant's roster phone is this number (what a signed-in informant may fill). */
export async function listPointsOfInformantPhone(db: Db, phone: string) {
  return db
    .select({ p: rightsMonitoringPoint, orgName: org.name, orgPath: org.path })
    .from(rightsMonitoringPoint)
    .innerJoin(rightsTeamMember, eq(rightsTeamMember.id, rightsMonitoringPoint.informantId))
    .innerJoin(org, eq(org.id, rightsMonitoringPoint.orgId))
    .where(and(eq(rightsTeamMember.phone, phone), eq(rightsTeamMember.status, 'active'), eq(rightsMonitoringPoint.status, 'active')));
}

export async function listActivePoints(db: Db) {
  return db.select({ p: rightsMonitoringPoint, orgPath: org.path }).from(rightsMonitoringPoint).innerJoin(org, eq(org.id, rightsMonitoringPoint.orgId)).where(eq(rightsMonitoringPoint.status, 'active'));
}

// ---- reports and warnings ----
export async function listReports(db: Db, pointId: string) {
  return db
    .select({ r: rightsMonitoringReport, submittedByName: sql<string | null>`(select display_name from app_user u where u.id = ${rightsMonitoringReport.submittedBy})` })
    .from(rightsMonitoringReport)
    .where(eq(rightsMonitoringReport.pointId, pointId))
    .orderBy(desc(rightsMonitoringReport.quarter));
}

export async function findReport(db: Db, pointId: string, quarter: string) {
  return (await db.select().from(rightsMonitoringReport).where(and(eq(rightsMonitoringReport.pointId, pointId), eq(rightsMonitoringReport.quarter, quarter))).limit(1))[0];
}

export async function upsertReport(db: Db, values: typeof rightsMonitoringReport.$inferInsert) {
  return (
    await db
      .insert(rightsMonitoringReport)
      .values(values)
      .onConflictDoUpdate({
        target: [rightsMonitoringReport.pointId, rightsMonitoringReport.quarter],
        set: { values: values.values, note: values.note ?? null, submittedBy: values.submittedBy ?? null, submittedVia: values.submittedVia, submittedAt: values.submittedAt ?? sql`now()`, version: sql`${rightsMonitoringReport.version} + 1` },
      })
      .returning()
  )[0]!;
}

const warningCols = {
  w: rightsWarning,
  ...orgCols,
  enterpriseName: rightsMonitoringPoint.enterpriseName,
  creditCode: rightsMonitoringPoint.creditCode,
  handledByName: sql<string | null>`(select display_name from app_user u where u.id = ${rightsWarning.handledBy})`,
};
export type WarningWithRefs = { w: WarningRow; orgCode: string; orgName: string; orgPath: string; enterpriseName: string; creditCode: string; handledByName: string | null };

export async function insertWarnings(db: Db, rows: (typeof rightsWarning.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(rightsWarning).values(rows).onConflictDoNothing().returning();
}

export async function listWarningsOfReports(db: Db, reportIds: string[]): Promise<WarningWithRefs[]> {
  if (!reportIds.length) return [];
  return db.select(warningCols).from(rightsWarning).innerJoin(org, eq(org.id, rightsWarning.orgId)).innerJoin(rightsMonitoringPoint, eq(rightsMonitoringPoint.id, rightsWarning.pointId)).where(inArray(rightsWarning.reportId, reportIds));
}

export async function pageWarnings(db: Db, f: { scope: Scope; underPath?: string | undefined; status?: string | undefined; quarter?: string | undefined }, page: { limit: number; offset: number }) {
  const where: SQL | undefined = and(scopeWhere(f.scope), f.underPath ? sql`${org.path} like ${`${f.underPath}%`}` : undefined, f.status ? eq(rightsWarning.status, f.status) : undefined, f.quarter ? eq(rightsWarning.quarter, f.quarter) : undefined);
  const [items, totals] = await Promise.all([
    db
      .select(warningCols)
      .from(rightsWarning)
      .innerJoin(org, eq(org.id, rightsWarning.orgId))
      .innerJoin(rightsMonitoringPoint, eq(rightsMonitoringPoint.id, rightsWarning.pointId))
      .where(where)
      .orderBy(sql`case ${rightsWarning.status} when 'open' then 0 else 1 end`, desc(rightsWarning.createdAt))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(rightsWarning).innerJoin(org, eq(org.id, rightsWarning.orgId)).where(where),
  ]);
  return { items, total: totals[0]?.value ?? 0 };
}

export async function findWarning(db: Db, id: string): Promise<WarningWithRefs | undefined> {
  return (await db.select(warningCols).from(rightsWarning).innerJoin(org, eq(org.id, rightsWarning.orgId)).innerJoin(rightsMonitoringPoint, eq(rightsMonitoringPoint.id, rightsWarning.pointId)).where(eq(rightsWarning.id, id)).limit(1))[0];
}

/** Marks the still-open ones handled; returns how many were (0 when another request got there first). */
export async function handleWarnings(db: Db, ids: string[], values: { handledBy: string | null; handlingNote: string }): Promise<number> {
  if (!ids.length) return 0;
  const rows = await db
    .update(rightsWarning)
    .set({ status: 'handled', handledAt: sql`now()`, ...values })
    .where(and(inArray(rightsWarning.id, ids), eq(rightsWarning.status, 'open')))
    .returning({ id: rightsWarning.id });
  return rows.length;
}

export async function openWarningsOfReport(db: Db, reportId: string) {
  return db.select().from(rightsWarning).where(and(eq(rightsWarning.reportId, reportId), eq(rightsWarning.status, 'open')));
}
