import { and, count, desc, eq, gte, isNull, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { appUser } from '../accounts';
import { membership, person } from '../members';
import { org } from '../orgs';
import { position } from '../positions';
import { doorAlarm, doorBan, doorCommand, doorController, doorDeviceNonce, doorEntry, doorPolicy, doorRejectedMessage } from './access.tables';
import { rowsOf } from '../../db/rows';

export type ControllerRow = typeof doorController.$inferSelect;
export type PolicyRow = typeof doorPolicy.$inferSelect;
export type AlarmRow = typeof doorAlarm.$inferSelect;
export type EntryRow = typeof doorEntry.$inferSelect;
export type BanRow = typeof doorBan.$inferSelect;

const scopeCondition = (scope: Scope, underPath?: string): SQL | undefined => {
  if (underPath) return like(org.path, `${underPath}%`);
  return scope === 'all' ? undefined : or(...scope.map((p) => like(org.path, `${p}%`)));
};

export async function findOrgPath(db: Db, orgId: string): Promise<string | undefined> {
  const rows = await db.select({ path: org.path }).from(org).where(eq(org.id, orgId)).limit(1);
  return rows[0]?.path;
}

export async function findPositionWithOrg(db: Db, id: string) {
  const rows = await db
    .select({ position, orgPath: org.path })
    .from(position)
    .innerJoin(org, eq(org.id, position.orgId))
    .where(eq(position.id, id))
    .limit(1);
  return rows[0];
}

// ---------------------------------------------------------------------------------------------
// Controllers

const controllerColumns = {
  controller: doorController,
  positionName: position.name,
  orgPath: org.path,
  openAlarms: sql<number>`(select count(*)::int from door_alarm a where a.controller_id = ${doorController.id} and a.status = 'open')`,
};

export async function insertController(db: Db, values: typeof doorController.$inferInsert): Promise<ControllerRow> {
  const rows = await db.insert(doorController).values(values).returning();
  return rows[0]!;
}

export async function updateController(db: Db, id: string, values: Partial<typeof doorController.$inferInsert>, version?: number): Promise<ControllerRow | undefined> {
  const where = version === undefined ? eq(doorController.id, id) : and(eq(doorController.id, id), eq(doorController.version, version));
  const rows = await db
    .update(doorController)
    .set({ ...values, updatedAt: new Date(), version: sql`${doorController.version} + 1` })
    .where(where)
    .returning();
  return rows[0];
}

export async function findControllerListed(db: Db, id: string) {
  const rows = await db
    .select(controllerColumns)
    .from(doorController)
    .innerJoin(position, eq(position.id, doorController.positionId))
    .innerJoin(org, eq(org.id, doorController.orgId))
    .where(eq(doorController.id, id))
    .limit(1);
  return rows[0];
}

export async function listControllers(db: Db, f: { scope: Scope; underPath?: string | undefined; positionId?: string | undefined; status?: string | undefined }, page: { limit: number; offset: number }) {
  const where = and(
    scopeCondition(f.scope, f.underPath),
    f.positionId ? eq(doorController.positionId, f.positionId) : undefined,
    f.status ? eq(doorController.status, f.status) : undefined,
  );
  const base = () => db.select(controllerColumns).from(doorController).innerJoin(position, eq(position.id, doorController.positionId)).innerJoin(org, eq(org.id, doorController.orgId));
  const [items, totals] = await Promise.all([
    base().where(where).orderBy(position.name, doorController.name).limit(page.limit).offset(page.offset),
    db.select({ value: count() }).from(doorController).innerJoin(org, eq(org.id, doorController.orgId)).where(where),
  ]);
  return { items, total: totals[0]?.value ?? 0 };
}

/** The controller behind a device id, with its station and the station's policy (if saved). */
export async function findDoorByDevice(db: Db, deviceId: string) {
  const rows = await db
    .select({ controller: doorController, position, policy: doorPolicy })
    .from(doorController)
    .innerJoin(position, eq(position.id, doorController.positionId))
    .leftJoin(doorPolicy, eq(doorPolicy.positionId, doorController.positionId))
    .where(eq(doorController.deviceId, deviceId))
    .limit(1);
  return rows[0];
}

export async function findControllerByDevice(db: Db, deviceId: string): Promise<ControllerRow | undefined> {
  const rows = await db.select().from(doorController).where(eq(doorController.deviceId, deviceId)).limit(1);
  return rows[0];
}

export async function listActiveSiblings(db: Db, positionId: string, exceptId: string): Promise<ControllerRow[]> {
  return db
    .select()
    .from(doorController)
    .where(and(eq(doorController.positionId, positionId), eq(doorController.status, 'active'), sql`${doorController.id} <> ${exceptId}`));
}

export async function touchController(db: Db, id: string, now: Date, doorState?: string): Promise<void> {
  await db
    .update(doorController)
    .set({ lastSeenAt: now, isMarkedOffline: false, ...(doorState ? { doorState } : {}) })
    .where(eq(doorController.id, id));
}

/** Marks controllers silent since `before` offline; returns each only to the one instance that marked it. */
export async function markSilentOffline(db: Db, before: Date): Promise<ControllerRow[]> {
  return db
    .update(doorController)
    .set({ isMarkedOffline: true })
    .where(and(eq(doorController.status, 'active'), eq(doorController.isMarkedOffline, false), lt(doorController.lastSeenAt, before)))
    .returning();
}

// ---------------------------------------------------------------------------------------------
// Policy and bans

export async function findPolicy(db: Db, positionId: string): Promise<PolicyRow | undefined> {
  const rows = await db.select().from(doorPolicy).where(eq(doorPolicy.positionId, positionId)).limit(1);
  return rows[0];
}

export async function insertPolicy(db: Db, values: typeof doorPolicy.$inferInsert): Promise<PolicyRow | undefined> {
  const rows = await db.insert(doorPolicy).values(values).onConflictDoNothing().returning();
  return rows[0];
}

export async function updatePolicy(db: Db, positionId: string, version: number, values: Partial<typeof doorPolicy.$inferInsert>): Promise<PolicyRow | undefined> {
  const rows = await db
    .update(doorPolicy)
    .set({ ...values, updatedAt: new Date(), version: sql`${doorPolicy.version} + 1` })
    .where(and(eq(doorPolicy.positionId, positionId), eq(doorPolicy.version, version)))
    .returning();
  return rows[0];
}

export async function insertBan(db: Db, values: typeof doorBan.$inferInsert): Promise<BanRow> {
  const rows = await db.insert(doorBan).values(values).returning();
  return rows[0]!;
}

export async function liftBan(db: Db, id: string, now: Date): Promise<BanRow | undefined> {
  const rows = await db.update(doorBan).set({ liftedAt: now }).where(and(eq(doorBan.id, id), isNull(doorBan.liftedAt))).returning();
  return rows[0];
}

export async function findBan(db: Db, id: string) {
  const rows = await db.select({ ban: doorBan, orgPath: org.path }).from(doorBan).innerJoin(org, eq(org.id, doorBan.orgId)).where(eq(doorBan.id, id)).limit(1);
  return rows[0];
}

/**
 * The name of a banned phone, only as this station's own entry log already shows it (the worker
 * scanned here under that account). A lookup among all persons by phone turned any typed number
 * into a real name across scopes (issue 9).
 */
const bannedPersonName = sql<string | null>`(
  select e.person_name from ${doorEntry} e join ${appUser} u on u.id = e.user_id
  where e.position_id = ${doorBan.positionId} and u.phone = ${doorBan.phone} and e.person_name is not null
  order by e.at desc limit 1)`;

export async function listBans(db: Db, f: { scope: Scope; positionId?: string | undefined }, page: { limit: number; offset: number }) {
  const where = and(scopeCondition(f.scope), isNull(doorBan.liftedAt), f.positionId ? eq(doorBan.positionId, f.positionId) : undefined);
  const [items, totals] = await Promise.all([
    db
      .select({ ban: doorBan, positionName: position.name, personName: bannedPersonName })
      .from(doorBan)
      .innerJoin(org, eq(org.id, doorBan.orgId))
      .innerJoin(position, eq(position.id, doorBan.positionId))
      .where(where)
      .orderBy(desc(doorBan.createdAt))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(doorBan).innerJoin(org, eq(org.id, doorBan.orgId)).where(where),
  ]);
  return { items, total: totals[0]?.value ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// Who is scanning

/** The scanning worker in one query: account phone, real-name person (if any), active membership. */
export async function findWorker(db: Db, userId: string) {
  const result = await db.execute(sql`
    select u.phone as phone, p.id as person_id, p.real_name as real_name, p.phone as person_phone,
           exists (select 1 from ${membership} m where m.person_id = p.id and m.status = 'active') as is_member
    from ${appUser} u left join ${person} p on p.user_id = u.id
    where u.id = ${userId}
    limit 1`);
  const row = rowsOf<{ phone: string | null; person_id: string | null; real_name: string | null; person_phone: string | null; is_member: boolean }>(result)[0];
  const p = row?.person_id ? { id: row.person_id, realName: row.real_name ?? '', phone: row.person_phone } : null;
  return { phone: row?.phone ?? p?.phone ?? null, person: p, isMember: Boolean(row?.is_member) };
}

// ---------------------------------------------------------------------------------------------
// Entries, codes, commands

export async function insertEntry(db: Db, values: typeof doorEntry.$inferInsert): Promise<EntryRow | undefined> {
  const rows = await db.insert(doorEntry).values(values).onConflictDoNothing().returning();
  return rows[0];
}

/** The scan gave up (no ack, or the device refused); a late ack may still turn it into opened. */
export async function markEntryFailed(db: Db, entryId: string, reason: string, commandId: string): Promise<void> {
  await db.update(doorEntry).set({ result: 'failed', reason, commandId }).where(and(eq(doorEntry.id, entryId), sql`${doorEntry.result} <> 'opened'`));
}

export async function findCommand(db: Db, commandId: string) {
  const rows = await db.select().from(doorCommand).where(eq(doorCommand.id, commandId)).limit(1);
  return rows[0];
}

export async function insertNonce(db: Db, deviceId: string, nonce: string): Promise<boolean> {
  const rows = await db.insert(doorDeviceNonce).values({ deviceId, nonce }).onConflictDoNothing().returning({ nonce: doorDeviceNonce.nonce });
  return rows.length > 0;
}

export async function pruneNonces(db: Db, before: Date): Promise<void> {
  await db.delete(doorDeviceNonce).where(lt(doorDeviceNonce.receivedAt, before));
}

export async function insertRejected(db: Db, values: typeof doorRejectedMessage.$inferInsert): Promise<void> {
  await db.insert(doorRejectedMessage).values(values);
}

export async function listEntries(
  db: Db,
  f: { scope: Scope; underPath?: string | undefined; positionId?: string | undefined; controllerId?: string | undefined; result?: string | undefined; from?: string | undefined; to?: string | undefined },
  page: { limit: number; offset: number },
) {
  const where = and(
    scopeCondition(f.scope, f.underPath),
    f.positionId ? eq(doorEntry.positionId, f.positionId) : undefined,
    f.controllerId ? eq(doorEntry.controllerId, f.controllerId) : undefined,
    f.result ? eq(doorEntry.result, f.result) : undefined,
    f.from ? gte(doorEntry.at, new Date(f.from)) : undefined,
    f.to ? lte(doorEntry.at, new Date(f.to)) : undefined,
  );
  const [items, totals] = await Promise.all([
    db
      .select({ entry: doorEntry, positionName: position.name, controllerName: doorController.name })
      .from(doorEntry)
      .innerJoin(org, eq(org.id, doorEntry.orgId))
      .innerJoin(position, eq(position.id, doorEntry.positionId))
      .leftJoin(doorController, eq(doorController.id, doorEntry.controllerId))
      .where(where)
      .orderBy(desc(doorEntry.at))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(doorEntry).innerJoin(org, eq(org.id, doorEntry.orgId)).where(where),
  ]);
  return { items, total: totals[0]?.value ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// Alarms

/** Raises an alarm unless the same kind is already open for the controller. */
export async function raiseAlarm(db: Db, c: ControllerRow, kind: string, detail: Record<string, unknown>, at: Date): Promise<AlarmRow | undefined> {
  const rows = await db
    .insert(doorAlarm)
    .values({ controllerId: c.id, positionId: c.positionId, orgId: c.orgId, kind, detail, raisedAt: at })
    .onConflictDoNothing()
    .returning();
  return rows[0];
}

const alarmColumns = { alarm: doorAlarm, positionName: position.name, controllerName: doorController.name, deviceId: doorController.deviceId, orgPath: org.path };

export async function findAlarm(db: Db, id: string) {
  const rows = await db
    .select(alarmColumns)
    .from(doorAlarm)
    .innerJoin(org, eq(org.id, doorAlarm.orgId))
    .innerJoin(position, eq(position.id, doorAlarm.positionId))
    .innerJoin(doorController, eq(doorController.id, doorAlarm.controllerId))
    .where(eq(doorAlarm.id, id))
    .limit(1);
  return rows[0];
}

export async function updateAlarm(db: Db, id: string, version: number, values: Partial<typeof doorAlarm.$inferInsert>): Promise<AlarmRow | undefined> {
  const rows = await db
    .update(doorAlarm)
    .set({ ...values, version: sql`${doorAlarm.version} + 1` })
    .where(and(eq(doorAlarm.id, id), eq(doorAlarm.version, version)))
    .returning();
  return rows[0];
}

export async function listAlarms(db: Db, f: { scope: Scope; underPath?: string | undefined; status?: string | undefined; positionId?: string | undefined }, page: { limit: number; offset: number }) {
  const status = f.status === 'unresolved' ? sql`${doorAlarm.status} <> 'resolved'` : f.status ? eq(doorAlarm.status, f.status) : undefined;
  const where = and(scopeCondition(f.scope, f.underPath), status, f.positionId ? eq(doorAlarm.positionId, f.positionId) : undefined);
  const [items, totals] = await Promise.all([
    db
      .select(alarmColumns)
      .from(doorAlarm)
      .innerJoin(org, eq(org.id, doorAlarm.orgId))
      .innerJoin(position, eq(position.id, doorAlarm.positionId))
      .innerJoin(doorController, eq(doorController.id, doorAlarm.controllerId))
      .where(where)
      .orderBy(desc(doorAlarm.raisedAt))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(doorAlarm).innerJoin(org, eq(org.id, doorAlarm.orgId)).where(where),
  ]);
  return { items, total: totals[0]?.value ?? 0 };
}

export async function countAlarmsByStatus(db: Db, scope: Scope, underPath?: string) {
  const rows = await db
    .select({ status: doorAlarm.status, n: count() })
    .from(doorAlarm)
    .innerJoin(org, eq(org.id, doorAlarm.orgId))
    .where(and(scopeCondition(scope, underPath), sql`${doorAlarm.status} <> 'resolved'`))
    .groupBy(doorAlarm.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// Usage: opened entries grouped in Asia/Shanghai local time

export async function aggregateUsage(db: Db, positionId: string, granularity: 'hour' | 'day' | 'month', from: Date, to: Date) {
  const unit = sql.raw(`'${granularity}'`);
  const local = sql`(${doorEntry.at} at time zone 'Asia/Shanghai')`;
  const rows = await db.execute<{ bucket: string; visits: number; unique_visitors: number; after_hours: number }>(sql`
    select to_char(date_trunc(${unit}, ${local}), 'YYYY-MM-DD"T"HH24:MI:SS') as bucket,
           count(*)::int as visits,
           count(distinct coalesce(${doorEntry.userId}::text, ${doorEntry.phoneMasked}))::int as unique_visitors,
           count(*) filter (where ${doorEntry.isAfterHours})::int as after_hours
    from ${doorEntry}
    where ${doorEntry.positionId} = ${positionId} and ${doorEntry.result} = 'opened'
      and ${doorEntry.at} >= ${from.toISOString()} and ${doorEntry.at} < ${to.toISOString()}
    group by 1 order by 1`);
  const totals = await db.execute<{ visits: number; unique_visitors: number; after_hours: number; refused: number }>(sql`
    select count(*) filter (where ${doorEntry.result} = 'opened')::int as visits,
           count(distinct coalesce(${doorEntry.userId}::text, ${doorEntry.phoneMasked})) filter (where ${doorEntry.result} = 'opened')::int as unique_visitors,
           count(*) filter (where ${doorEntry.result} = 'opened' and ${doorEntry.isAfterHours})::int as after_hours,
           count(*) filter (where ${doorEntry.result} <> 'opened')::int as refused
    from ${doorEntry}
    where ${doorEntry.positionId} = ${positionId} and ${doorEntry.at} >= ${from.toISOString()} and ${doorEntry.at} < ${to.toISOString()}`);
  type Bucket = { bucket: string; visits: number; unique_visitors: number; after_hours: number };
  type Totals = { visits: number; unique_visitors: number; after_hours: number; refused: number };
  return { rows: rowsOf<Bucket>(rows), totals: rowsOf<Totals>(totals)[0] ?? { visits: 0, unique_visitors: 0, after_hours: 0, refused: 0 } };
}

/** Positions in a subtree with at least one active door controller (智慧驿站). */
export async function countSmartStations(db: Db, underPath: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${doorController.positionId})::int` })
    .from(doorController)
    .innerJoin(org, eq(org.id, doorController.orgId))
    .where(and(eq(doorController.status, 'active'), like(org.path, `${underPath}%`)));
  return Number(row?.n ?? 0);
}
