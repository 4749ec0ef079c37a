import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { appUser } from '../accounts/accounts.tables';
import { org, scopeCondition } from '../orgs';
import { organizingCeremony, organizingEnterprise, organizingEvent, organizingMeeting, organizingStep } from './organizing.tables';
import { rowsOf } from '../../db/rows';
export { rowsOf } from '../../db/rows';

export type EnterpriseRow = typeof organizingEnterprise.$inferSelect;
export type EnterpriseInsert = typeof organizingEnterprise.$inferInsert;
export type OrgBrief = { id: string; code: string; name: string; type: string; path: string };
export type EnterpriseWithRefs = { e: EnterpriseRow; org: OrgBrief; union: OrgBrief | null; cadreName: string | null; overdueSteps: number };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const unionOrg = sql`union_org`;

/** Open steps past their day (Asia/Shanghai) per enterprise. */
const overdueCount = (today: string) => sql<number>`(select count(*)::int from organizing_step s where s.enterprise_id = ${organizingEnterprise.id} and s.done_at is null and s.due_on < ${today})`;

function selectEnterprises(db: Db, today: string) {
  return db
    .select({
      e: organizingEnterprise,
      org: { id: org.id, code: org.code, name: org.name, type: org.type, path: org.path },
      unionId: sql<string | null>`${unionOrg}.id`,
      unionCode: sql<string | null>`${unionOrg}.code`,
      unionName: sql<string | null>`${unionOrg}.name`,
      unionType: sql<string | null>`${unionOrg}.type`,
      unionPath: sql<string | null>`${unionOrg}.path`,
      cadreName: appUser.displayName,
      overdueSteps: overdueCount(today),
    })
    .from(organizingEnterprise)
    .innerJoin(org, eq(org.id, organizingEnterprise.orgId))
    .leftJoin(sql`org as union_org`, sql`${unionOrg}.id = ${organizingEnterprise.unionOrgId}`)
    .leftJoin(appUser, eq(appUser.id, organizingEnterprise.cadreId));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectEnterprises>['execute']>>[number];
const withRefs = (r: Selected): EnterpriseWithRefs => ({
  e: r.e,
  org: r.org,
  union: r.unionId ? { id: r.unionId, code: r.unionCode!, name: r.unionName!, type: r.unionType!, path: r.unionPath! } : null,
  cadreName: r.cadreName,
  overdueSteps: Number(r.overdueSteps),
});

export async function findEnterprise(db: Db, id: string, today: string): Promise<EnterpriseWithRefs | undefined> {
  const rows = await selectEnterprises(db, today).where(eq(organizingEnterprise.id, id)).limit(1);
  return rows[0] ? withRefs(rows[0]) : undefined;
}

export async function lockEnterprise(db: Db, id: string): Promise<void> {
  await db.execute(sql`select 1 from organizing_enterprise where id = ${id} for update`);
}

export type EnterpriseFilter = {
  scope: Scope;
  underPath?: string | undefined;
  unionStatus?: string | undefined;
  contactStatus?: string | undefined;
  hasGigWorkers?: boolean | undefined;
  q?: string | undefined;
};

function enterpriseConditions(f: EnterpriseFilter): SQL | undefined {
  const q = f.q ? `%${escapeLike(f.q)}%` : undefined;
  return and(
    scopeCondition(f.scope, org.path),
    f.underPath ? sql`${org.path} like ${`${escapeLike(f.underPath)}%`}` : undefined,
    f.unionStatus ? eq(organizingEnterprise.unionStatus, f.unionStatus) : undefined,
    f.contactStatus ? eq(organizingEnterprise.contactStatus, f.contactStatus) : undefined,
    f.hasGigWorkers === undefined ? undefined : eq(organizingEnterprise.hasGigWorkers, f.hasGigWorkers),
    q ? or(ilike(organizingEnterprise.name, q), ilike(organizingEnterprise.creditCode, q)) : undefined,
  );
}

export async function listEnterprises(db: Db, f: EnterpriseFilter & { page: number; pageSize: number }, today: string): Promise<{ items: EnterpriseWithRefs[]; total: number }> {
  const where = enterpriseConditions(f);
  const rows = await selectEnterprises(db, today)
    .where(where)
    .orderBy(asc(org.path), asc(organizingEnterprise.name), asc(organizingEnterprise.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await db.select({ n: count() }).from(organizingEnterprise).innerJoin(org, eq(org.id, organizingEnterprise.orgId)).where(where);
  return { items: rows.map(withRefs), total: total?.n ?? 0 };
}

export async function listAllEnterprises(db: Db, f: EnterpriseFilter, today: string, limit: number): Promise<EnterpriseWithRefs[]> {
  const rows = await selectEnterprises(db, today).where(enterpriseConditions(f)).orderBy(asc(org.path), asc(organizingEnterprise.name)).limit(limit);
  return rows.map(withRefs);
}

export async function findEnterprisesByCodes(db: Db, codes: string[]): Promise<(EnterpriseRow & { orgPath: string })[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ e: organizingEnterprise, orgPath: org.path })
    .from(organizingEnterprise)
    .innerJoin(org, eq(org.id, organizingEnterprise.orgId))
    .where(inArray(organizingEnterprise.creditCode, codes));
  return rows.map((r) => ({ ...r.e, orgPath: r.orgPath }));
}

export async function insertEnterprise(db: Db, values: EnterpriseInsert): Promise<EnterpriseRow> {
  const [row] = await db.insert(organizingEnterprise).values(values).returning();
  return row!;
}

export async function updateEnterpriseIfVersion(db: Db, id: string, version: number, changes: Partial<EnterpriseInsert>): Promise<EnterpriseRow | undefined> {
  const [row] = await db
    .update(organizingEnterprise)
    .set({ ...changes, version: sql`${organizingEnterprise.version} + 1`, updatedAt: new Date() })
    .where(and(eq(organizingEnterprise.id, id), eq(organizingEnterprise.version, version)))
    .returning();
  return row;
}

export async function insertEvent(db: Db, values: typeof organizingEvent.$inferInsert): Promise<void> {
  await db.insert(organizingEvent).values(values);
}

export async function listEvents(db: Db, enterpriseId: string) {
  return db.select().from(organizingEvent).where(eq(organizingEvent.enterpriseId, enterpriseId)).orderBy(desc(organizingEvent.at), desc(organizingEvent.id)).limit(200);
}

export async function insertMeeting(db: Db, values: typeof organizingMeeting.$inferInsert) {
  const [row] = await db.insert(organizingMeeting).values(values).returning();
  return row!;
}

export async function listMeetings(db: Db, enterpriseId: string) {
  return db.select().from(organizingMeeting).where(eq(organizingMeeting.enterpriseId, enterpriseId)).orderBy(desc(organizingMeeting.heldOn), desc(organizingMeeting.createdAt));
}

export async function insertStep(db: Db, values: typeof organizingStep.$inferInsert) {
  const [row] = await db.insert(organizingStep).values(values).returning();
  return row!;
}

export type StepWithRefs = { s: typeof organizingStep.$inferSelect; enterpriseName: string; org: OrgBrief; assigneeName: string | null; cadreId: string | null; cadreName: string | null };

function selectSteps(db: Db) {
  const cadre = sql`cadre`;
  return db
    .select({
      s: organizingStep,
      enterpriseName: organizingEnterprise.name,
      org: { id: org.id, code: org.code, name: org.name, type: org.type, path: org.path },
      assigneeName: appUser.displayName,
      cadreId: organizingEnterprise.cadreId,
      cadreName: sql<string | null>`${cadre}.display_name`,
    })
    .from(organizingStep)
    .innerJoin(organizingEnterprise, eq(organizingEnterprise.id, organizingStep.enterpriseId))
    .innerJoin(org, eq(org.id, organizingEnterprise.orgId))
    .leftJoin(appUser, eq(appUser.id, organizingStep.assigneeId))
    .leftJoin(sql`app_user as cadre`, sql`${cadre}.id = ${organizingEnterprise.cadreId}`);
}

export async function listSteps(db: Db, enterpriseId: string): Promise<StepWithRefs[]> {
  return selectSteps(db).where(eq(organizingStep.enterpriseId, enterpriseId)).orderBy(asc(organizingStep.dueOn), asc(organizingStep.createdAt));
}

export async function findStep(db: Db, enterpriseId: string, stepId: string): Promise<StepWithRefs | undefined> {
  const rows = await selectSteps(db).where(and(eq(organizingStep.enterpriseId, enterpriseId), eq(organizingStep.id, stepId)));
  return rows[0];
}

export async function markStepDone(db: Db, stepId: string, userId: string, at: Date) {
  const [row] = await db
    .update(organizingStep)
    .set({ doneAt: at, doneBy: userId })
    .where(and(eq(organizingStep.id, stepId), isNull(organizingStep.doneAt)))
    .returning();
  return row;
}

/** Open steps due before `today`, in scope (and of one cadre: the step's assignee or the enterprise's cadre). */
export async function listOverdueSteps(db: Db, f: { scope: Scope; underPath?: string | undefined; cadreId?: string | undefined }, today: string, limit = 500): Promise<StepWithRefs[]> {
  return selectSteps(db)
    .where(
      and(
        isNull(organizingStep.doneAt),
        sql`${organizingStep.dueOn} < ${today}`,
        scopeCondition(f.scope, org.path),
        f.underPath ? sql`${org.path} like ${`${escapeLike(f.underPath)}%`}` : undefined,
        f.cadreId ? or(eq(organizingStep.assigneeId, f.cadreId), and(isNull(organizingStep.assigneeId), eq(organizingEnterprise.cadreId, f.cadreId))) : undefined,
      ),
    )
    .orderBy(asc(organizingStep.dueOn), asc(organizingStep.id))
    .limit(limit);
}

/** Overdue steps not reminded today, across every district (the sweep). */
export async function listStepsToRemind(db: Db, today: string, limit = 500): Promise<StepWithRefs[]> {
  return selectSteps(db)
    .where(and(isNull(organizingStep.doneAt), sql`${organizingStep.dueOn} < ${today}`, or(isNull(organizingStep.remindedOn), sql`${organizingStep.remindedOn} < ${today}`)))
    .orderBy(asc(organizingStep.dueOn), asc(organizingStep.id))
    .limit(limit);
}

/** Marks a step reminded today; false when another instance already did (the sweep's idempotence). */
export async function claimReminder(db: Db, stepId: string, today: string): Promise<boolean> {
  const rows = await db
    .update(organizingStep)
    .set({ remindedOn: today })
    .where(and(eq(organizingStep.id, stepId), or(isNull(organizingStep.remindedOn), sql`${organizingStep.remindedOn} < ${today}`)))
    .returning({ id: organizingStep.id });
  return rows.length > 0;
}

/** Users holding a staff role (with organizing.write) on an org of the path: who may be a cadre there. */
export async function listCadres(db: Db, path: string): Promise<{ id: string; name: string }[]> {
  const ids = path.split('/').filter(Boolean);
  const rows = await db.execute(sql`
    select distinct u.id, u.display_name as name
      from role_grant g join app_user u on u.id = g.user_id
     where g.role in ('union_admin','union_staff') and u.status = 'active'
       and (g.org_id = any(${`{${ids.join(',')}}`}::uuid[]) or g.org_id in (select id from org where path like ${`${escapeLike(path)}%`}))
     order by u.display_name limit 200`);
  return rowsOf<{ id: string; name: string }>(rows);
}

export async function isCadreOf(db: Db, userId: string, path: string): Promise<boolean> {
  const ids = path.split('/').filter(Boolean);
  const rows = await db.execute(sql`
    select 1 from role_grant g join app_user u on u.id = g.user_id
     where g.user_id = ${userId} and u.status = 'active' and g.role in ('union_admin','union_staff')
       and (g.org_id = any(${`{${ids.join(',')}}`}::uuid[]) or g.org_id in (select id from org where path like ${`${escapeLike(path)}%`}))
     limit 1`);
  return rowsOf(rows).length > 0;
}

export async function findFirstRoot(db: Db): Promise<typeof org.$inferSelect | undefined> {
  const rows = await db.select().from(org).where(isNull(org.parentId)).orderBy(asc(org.code)).limit(1);
  return rows[0];
}

/** Children of a node (open ones) with their paths. */
export async function listChildOrgs(db: Db, parentId: string): Promise<OrgBrief[]> {
  return db
    .select({ id: org.id, code: org.code, name: org.name, type: org.type, path: org.path })
    .from(org)
    .where(and(eq(org.parentId, parentId), eq(org.status, 'active')))
    .orderBy(asc(org.code));
}

export type Progress = { newUnions: number; newMembers: number; newGigMembers: number; joiningPoints: number };

/**
 * Progress of a year under each path, computed from the records the catalogue's indicators count:
 * grassroots unions created in the year (orgs.new_grassroots), memberships approved in the year
 * (members.new) and those of gig workers (members.gig_new), joining points registered and in service.
 */
export async function progressUnder(db: Db, paths: string[], year: number, gigForms: string[]): Promise<Map<string, Progress>> {
  const out = new Map<string, Progress>(paths.map((p) => [p, { newUnions: 0, newMembers: 0, newGigMembers: 0, joiningPoints: 0 }]));
  if (paths.length === 0) return out;
  const from = `${year}-01-01T00:00:00+08:00`;
  const to = `${year + 1}-01-01T00:00:00+08:00`;
  const pathList = `{${paths.map((p) => `"${p}"`).join(',')}}`;
  const forms = `{${gigForms.join(',')}}`;
  const rows = await db.execute(sql`
    with p(path) as (select unnest(${pathList}::text[]))
    select p.path,
      (select count(*)::int from org o where o.type = 'grassroots' and o.path like p.path || '%' and o.created_at >= ${from}::timestamptz and o.created_at < ${to}::timestamptz) as new_unions,
      (select count(*)::int from membership m join org o on o.id = m.org_id
        where o.path like p.path || '%' and m.status in ('active','suspended','left') and m.joined_at >= ${from}::timestamptz and m.joined_at < ${to}::timestamptz) as new_members,
      (select count(*)::int from membership m join org o on o.id = m.org_id join person pe on pe.id = m.person_id
        where o.path like p.path || '%' and m.status in ('active','suspended','left') and m.joined_at >= ${from}::timestamptz and m.joined_at < ${to}::timestamptz
          and pe.employment_form = any(${forms}::text[])) as new_gig_members,
      (select count(*)::int from position po join org o on o.id = po.org_id
        where po.type = 'joining_point' and o.path like p.path || '%' and po.status in ('open','suspended','closed') and po.created_at >= ${from}::timestamptz and po.created_at < ${to}::timestamptz) as joining_points
    from p`);
  for (const r of rowsOf<{ path: string; new_unions: number; new_members: number; new_gig_members: number; joining_points: number }>(rows)) {
    out.set(r.path, { newUnions: Number(r.new_unions), newMembers: Number(r.new_members), newGigMembers: Number(r.new_gig_members), joiningPoints: Number(r.joining_points) });
  }
  return out;
}

export async function insertCeremony(db: Db, values: typeof organizingCeremony.$inferInsert) {
  const [row] = await db.insert(organizingCeremony).values(values).returning();
  return row!;
}

export type CeremonyWithRefs = { c: typeof organizingCeremony.$inferSelect; union: OrgBrief & { address: string | null }; applications: number };

function selectCeremonies(db: Db) {
  return db
    .select({
      c: organizingCeremony,
      union: { id: org.id, code: org.code, name: org.name, type: org.type, path: org.path, address: org.address },
      // Applications made through the ceremony's QR (tagged `ceremony:CODE`) to its union.
      applications: sql<number>`(select count(*)::int from membership m where m.org_id = ${organizingCeremony.orgId} and m.via = 'ceremony:' || ${organizingCeremony.code})`,
    })
    .from(organizingCeremony)
    .innerJoin(org, eq(org.id, organizingCeremony.orgId));
}

export async function listCeremonies(db: Db, scope: Scope, underPath: string | undefined): Promise<CeremonyWithRefs[]> {
  const rows = await selectCeremonies(db)
    .where(and(scopeCondition(scope, org.path), underPath ? sql`${org.path} like ${`${escapeLike(underPath)}%`}` : undefined))
    .orderBy(desc(organizingCeremony.heldOn), desc(organizingCeremony.createdAt))
    .limit(200);
  return rows.map((r) => ({ ...r, applications: Number(r.applications) }));
}

export async function findCeremonyByCode(db: Db, code: string): Promise<CeremonyWithRefs | undefined> {
  const rows = await selectCeremonies(db).where(eq(organizingCeremony.code, code)).limit(1);
  return rows[0] ? { ...rows[0], applications: Number(rows[0].applications) } : undefined;
}

/** The enterprises with a map point under a node in scope (the map of union status), at most `limit`. */
export async function listEnterprisePoints(db: Db, f: EnterpriseFilter, limit: number) {
  const where = enterpriseConditions(f);
  const rows = await db
    .select({ id: organizingEnterprise.id, name: organizingEnterprise.name, lng: organizingEnterprise.lng, lat: organizingEnterprise.lat, unionStatus: organizingEnterprise.unionStatus })
    .from(organizingEnterprise)
    .innerJoin(org, eq(org.id, organizingEnterprise.orgId))
    .where(and(where, sql`${organizingEnterprise.lng} is not null and ${organizingEnterprise.lat} is not null`))
    .orderBy(asc(organizingEnterprise.name), asc(organizingEnterprise.id))
    .limit(limit);
  const [all] = await db.select({ n: count() }).from(organizingEnterprise).innerJoin(org, eq(org.id, organizingEnterprise.orgId)).where(where);
  return { rows, total: all?.n ?? 0 };
}

/** The org paths of the enterprises whose meetings show a photo: who besides its uploader may see it. */
export async function meetingPhotoPaths(db: Db, photoId: string): Promise<{ path: string; permission: 'organizing.read' }[]> {
  const rows = await db
    .select({ path: org.path })
    .from(organizingMeeting)
    .innerJoin(organizingEnterprise, eq(organizingEnterprise.id, organizingMeeting.enterpriseId))
    .innerJoin(org, eq(org.id, organizingEnterprise.orgId))
    .where(sql`${photoId}::uuid = any(${organizingMeeting.photoIds})`);
  return rows.map((r) => ({ path: r.path, permission: 'organizing.read' as const }));
}

/**
 * An open joining point by its code, with the union its sign-ups join: the point's own org when it is a
 * grassroots or joint union, else the first active joint union directly under it (a street's 片区联合工会).
 */
export async function findJoiningPoint(db: Db, code: string) {
  const rows = rowsOf<{ code: string; name: string; address: string | null; union_id: string | null; union_code: string | null; union_name: string | null; union_type: string | null; union_address: string | null }>(
    await db.execute(sql`
      select p.code, p.name, p.address, u.id as union_id, u.code as union_code, u.name as union_name, u.type as union_type, u.address as union_address
      from position p
      join org o on o.id = p.org_id
      left join lateral (
        select x.id, x.code, x.name, x.type, x.address from org x
        where x.status = 'active' and ((x.id = o.id and x.type in ('grassroots', 'joint')) or (x.parent_id = o.id and x.type = 'joint'))
        order by (x.id = o.id) desc, x.code limit 1
      ) u on true
      where p.code = ${code} and p.type = 'joining_point' and p.status = 'open'`),
  );
  return rows[0];
}
