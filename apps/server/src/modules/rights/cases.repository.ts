import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser } from '../accounts';
import { org } from '../orgs';
import { caseVisibleWhere, scopeWhere } from './case-access';
import {
  rightsCase,
  rightsCaseClaim,
  rightsCaseEvidence,
  rightsCaseMember,
  rightsCaseParty,
  rightsCaseSession,
  rightsClockEvent,
  rightsFile,
  rightsInstallment,
  rightsPayment,
  rightsReferral,
} from './cases.tables';
import type { RightsStaff } from './rights.shared';
import { escapeLike, rowsOf } from './rights.shared';

export type CaseRow = typeof rightsCase.$inferSelect;
export type PartyRow = typeof rightsCaseParty.$inferSelect;
export type ClaimRow = typeof rightsCaseClaim.$inferSelect;
export type EventRow = typeof rightsClockEvent.$inferSelect;
export type ReferralRow = typeof rightsReferral.$inferSelect;
export type CaseWithOrg = { case: CaseRow; orgCode: string; orgName: string; orgPath: string; mediatorName: string | null };

const caseColumns = {
  case: rightsCase,
  orgCode: org.code,
  orgName: org.name,
  orgPath: org.path,
  mediatorName: sql<string | null>`(select display_name from app_user u where u.id = ${rightsCase.mediatorId})`,
};

export async function findCase(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<CaseWithOrg | undefined> {
  if (opts.forUpdate) await db.execute(sql`select 1 from rights_case where id = ${id} for update`);
  return (await db.select(caseColumns).from(rightsCase).innerJoin(org, eq(org.id, rightsCase.orgId)).where(eq(rightsCase.id, id)).limit(1))[0];
}

export async function insertCase(db: Db, values: typeof rightsCase.$inferInsert): Promise<CaseRow> {
  return (await db.insert(rightsCase).values(values).returning())[0]!;
}

export async function updateCaseIfVersion(db: Db, id: string, version: number, values: Partial<typeof rightsCase.$inferInsert>): Promise<CaseRow | undefined> {
  return (
    await db
      .update(rightsCase)
      .set({ ...values, version: sql`${rightsCase.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(rightsCase.id, id), eq(rightsCase.version, version)))
      .returning()
  )[0];
}

/** Internal bookkeeping (clock dates, totals) that must not bump the version a person edits against. */
export async function updateCaseFields(db: Db, id: string, values: Partial<typeof rightsCase.$inferInsert>): Promise<void> {
  await db.update(rightsCase).set(values).where(eq(rightsCase.id, id));
}

export type CaseFilter = {
  viewer: Pick<RightsStaff, 'userId' | 'manage' | 'read'>;
  underPath?: string | undefined;
  status?: string | undefined;
  stage?: string | undefined;
  category?: string | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  isMine?: boolean;
};

function caseConditions(f: CaseFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [caseVisibleWhere(f.viewer)];
  if (f.underPath) c.push(sql`${org.path} like ${`${f.underPath}%`}`);
  if (f.status) c.push(eq(rightsCase.status, f.status));
  if (f.stage) c.push(eq(rightsCase.stage, f.stage));
  if (f.category) c.push(eq(rightsCase.category, f.category));
  if (f.from) c.push(gte(rightsCase.receivedOn, f.from));
  if (f.to) c.push(lte(rightsCase.receivedOn, f.to));
  if (f.isMine) c.push(sql`exists (select 1 from rights_case_member m where m.case_id = ${rightsCase.id} and m.user_id = ${f.viewer.userId} and m.removed_at is null)`);
  if (f.q) {
    const p = escapeLike(f.q);
    c.push(or(ilike(rightsCase.number, p), ilike(rightsCase.summary, p), sql`exists (select 1 from rights_case_party pp where pp.case_id = ${rightsCase.id} and pp.name ilike ${p})`));
  }
  return and(...c);
}

export async function pageCases(db: Db, f: CaseFilter, page: { limit: number; offset: number }) {
  const where = caseConditions(f);
  const [items, totals] = await Promise.all([
    db.select(caseColumns).from(rightsCase).innerJoin(org, eq(org.id, rightsCase.orgId)).where(where).orderBy(desc(rightsCase.receivedOn), desc(rightsCase.createdAt)).limit(page.limit).offset(page.offset),
    db.select({ value: count() }).from(rightsCase).innerJoin(org, eq(org.id, rightsCase.orgId)).where(where),
  ]);
  return { items, total: totals[0]?.value ?? 0 };
}

export async function listParties(db: Db, caseIds: string[]): Promise<PartyRow[]> {
  if (caseIds.length === 0) return [];
  return db.select().from(rightsCaseParty).where(inArray(rightsCaseParty.caseId, caseIds)).orderBy(asc(rightsCaseParty.role), asc(rightsCaseParty.sortOrder));
}

export async function insertParties(db: Db, rows: (typeof rightsCaseParty.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(rightsCaseParty).values(rows);
}

export async function updateParty(db: Db, id: string, values: Partial<typeof rightsCaseParty.$inferInsert>): Promise<void> {
  await db.update(rightsCaseParty).set(values).where(eq(rightsCaseParty.id, id));
}

export async function deleteParties(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.delete(rightsCaseParty).where(inArray(rightsCaseParty.id, ids));
}

export async function listClaims(db: Db, caseId: string): Promise<ClaimRow[]> {
  return db.select().from(rightsCaseClaim).where(eq(rightsCaseClaim.caseId, caseId)).orderBy(asc(rightsCaseClaim.sortOrder));
}

export async function replaceClaims(db: Db, caseId: string, rows: (typeof rightsCaseClaim.$inferInsert)[]): Promise<void> {
  await db.delete(rightsCaseClaim).where(eq(rightsCaseClaim.caseId, caseId));
  if (rows.length) await db.insert(rightsCaseClaim).values(rows);
}

export async function setClaimAgreed(db: Db, id: string, agreedFen: number | null): Promise<void> {
  await db.update(rightsCaseClaim).set({ agreedFen }).where(eq(rightsCaseClaim.id, id));
}

export async function listMembers(db: Db, caseId: string) {
  return db
    .select({ userId: rightsCaseMember.userId, role: rightsCaseMember.role, addedAt: rightsCaseMember.addedAt, name: appUser.displayName })
    .from(rightsCaseMember)
    .innerJoin(appUser, eq(appUser.id, rightsCaseMember.userId))
    .where(and(eq(rightsCaseMember.caseId, caseId), isNull(rightsCaseMember.removedAt)))
    .orderBy(asc(rightsCaseMember.addedAt));
}

export async function addMember(db: Db, values: { caseId: string; userId: string; role: string; addedBy: string | null }): Promise<void> {
  await db.insert(rightsCaseMember).values(values).onConflictDoNothing();
}

export async function removeMembers(db: Db, caseId: string, where: { userId?: string; role?: string }): Promise<number> {
  const rows = await db
    .update(rightsCaseMember)
    .set({ removedAt: sql`now()` })
    .where(and(eq(rightsCaseMember.caseId, caseId), isNull(rightsCaseMember.removedAt), where.userId ? eq(rightsCaseMember.userId, where.userId) : undefined, where.role ? eq(rightsCaseMember.role, where.role) : undefined))
    .returning({ id: rightsCaseMember.id });
  return rows.length;
}

export async function listSessions(db: Db, caseId: string) {
  return db.select().from(rightsCaseSession).where(eq(rightsCaseSession.caseId, caseId)).orderBy(asc(rightsCaseSession.heldAt));
}

export async function insertSession(db: Db, values: typeof rightsCaseSession.$inferInsert) {
  return (await db.insert(rightsCaseSession).values(values).returning())[0]!;
}

export async function listEvents(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({ event: rightsClockEvent, createdByName: sql<string | null>`(select display_name from app_user u where u.id = ${rightsClockEvent.createdBy})` })
    .from(rightsClockEvent)
    .where(inArray(rightsClockEvent.caseId, caseIds))
    .orderBy(asc(rightsClockEvent.onDate), asc(rightsClockEvent.createdAt));
}

export async function insertEvent(db: Db, values: typeof rightsClockEvent.$inferInsert): Promise<EventRow> {
  return (await db.insert(rightsClockEvent).values(values).returning())[0]!;
}

export async function findEvent(db: Db, id: string): Promise<EventRow | undefined> {
  return (await db.select().from(rightsClockEvent).where(eq(rightsClockEvent.id, id)).limit(1))[0];
}

export async function voidEvent(db: Db, id: string, by: string, reason: string): Promise<void> {
  await db.update(rightsClockEvent).set({ voidedAt: sql`now()`, voidedBy: by, voidReason: reason }).where(eq(rightsClockEvent.id, id));
}

export async function listInstallments(db: Db, caseId: string) {
  return db.select().from(rightsInstallment).where(eq(rightsInstallment.caseId, caseId)).orderBy(asc(rightsInstallment.dueOn));
}

export async function replaceInstallments(db: Db, caseId: string, rows: (typeof rightsInstallment.$inferInsert)[]): Promise<void> {
  await db.delete(rightsInstallment).where(eq(rightsInstallment.caseId, caseId));
  if (rows.length) await db.insert(rightsInstallment).values(rows);
}

export async function listPayments(db: Db, caseId: string) {
  return db
    .select({ payment: rightsPayment, recordedByName: sql<string | null>`(select display_name from app_user u where u.id = ${rightsPayment.recordedBy})` })
    .from(rightsPayment)
    .where(eq(rightsPayment.caseId, caseId))
    .orderBy(asc(rightsPayment.receivedOn), asc(rightsPayment.createdAt));
}

export async function insertPayment(db: Db, values: typeof rightsPayment.$inferInsert) {
  return (await db.insert(rightsPayment).values(values).returning())[0]!;
}

export async function sumPayments(db: Db, caseId: string): Promise<number> {
  const rows = await db.select({ total: sql<string>`coalesce(sum(${rightsPayment.amountFen}), 0)` }).from(rightsPayment).where(eq(rightsPayment.caseId, caseId));
  return Number(rows[0]?.total ?? 0);
}

export async function listEvidence(db: Db, caseId: string) {
  return db
    .select({ evidence: rightsCaseEvidence, file: { id: rightsFile.id, fileName: rightsFile.fileName, contentType: rightsFile.contentType, size: rightsFile.size, sha256: rightsFile.sha256, createdAt: rightsFile.createdAt } })
    .from(rightsCaseEvidence)
    .innerJoin(rightsFile, eq(rightsFile.id, rightsCaseEvidence.fileId))
    .where(eq(rightsCaseEvidence.caseId, caseId))
    .orderBy(asc(rightsCaseEvidence.createdAt));
}

export async function insertEvidence(db: Db, values: typeof rightsCaseEvidence.$inferInsert): Promise<void> {
  await db.insert(rightsCaseEvidence).values(values).onConflictDoNothing();
}

export async function insertFile(db: Db, values: typeof rightsFile.$inferInsert) {
  return (await db.insert(rightsFile).values(values).returning({ id: rightsFile.id, fileName: rightsFile.fileName, contentType: rightsFile.contentType, size: rightsFile.size, sha256: rightsFile.sha256, createdAt: rightsFile.createdAt }))[0]!;
}

export async function findFile(db: Db, id: string) {
  return (await db.select().from(rightsFile).where(eq(rightsFile.id, id)).limit(1))[0];
}

/** Cases a file is evidence in (to check who may read it). */
export async function caseIdsOfFile(db: Db, fileId: string): Promise<string[]> {
  return (await db.select({ id: rightsCaseEvidence.caseId }).from(rightsCaseEvidence).where(eq(rightsCaseEvidence.fileId, fileId))).map((r) => r.id);
}

export async function listReferrals(db: Db, where: SQL | undefined) {
  return db
    .select({
      referral: rightsReferral,
      caseNumber: rightsCase.number,
      category: rightsCase.category,
      claimedFen: rightsCase.claimedFen,
      fromCode: sql<string>`(select code from org o where o.id = ${rightsReferral.fromOrgId})`,
      fromName: sql<string>`(select name from org o where o.id = ${rightsReferral.fromOrgId})`,
      targetCode: sql<string | null>`(select code from org o where o.id = ${rightsReferral.targetOrgId})`,
      targetPath: sql<string | null>`(select path from org o where o.id = ${rightsReferral.targetOrgId})`,
      referredByName: sql<string | null>`(select display_name from app_user u where u.id = ${rightsReferral.referredBy})`,
    })
    .from(rightsReferral)
    .innerJoin(rightsCase, eq(rightsCase.id, rightsReferral.caseId))
    .where(where)
    .orderBy(desc(rightsReferral.referredOn), desc(rightsReferral.createdAt));
}
export type ReferralWithRefs = Awaited<ReturnType<typeof listReferrals>>[number];

export async function insertReferral(db: Db, values: typeof rightsReferral.$inferInsert): Promise<ReferralRow> {
  return (await db.insert(rightsReferral).values(values).returning())[0]!;
}

export async function updateReferralIfVersion(db: Db, id: string, version: number, values: Partial<typeof rightsReferral.$inferInsert>): Promise<ReferralRow | undefined> {
  return (
    await db
      .update(rightsReferral)
      .set({ ...values, version: sql`${rightsReferral.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(rightsReferral.id, id), eq(rightsReferral.version, version)))
      .returning()
  )[0];
}

/** Cases whose clocks may be running: what the reminder sweep and the overdue board read. */
export async function listOpenCases(db: Db, underScope?: Parameters<typeof scopeWhere>[0]): Promise<CaseWithOrg[]> {
  return db
    .select(caseColumns)
    .from(rightsCase)
    .innerJoin(org, eq(org.id, rightsCase.orgId))
    .where(and(or(inArray(rightsCase.status, ['received', 'accepted', 'failed']), eq(rightsCase.stage, 'arbitration')), underScope ? scopeWhere(underScope) : undefined));
}

export async function hasArbitrationResult(db: Db, caseIds: string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db
    .select({ caseId: rightsReferral.caseId })
    .from(rightsReferral)
    .where(and(inArray(rightsReferral.caseId, caseIds), eq(rightsReferral.kind, 'arbitration'), eq(rightsReferral.status, 'accepted'), sql`${rightsReferral.result} is not null`));
  return new Set(rows.map((r) => r.caseId));
}

/** Cases in an org subtree past a running deadline on `today` (the overdue board's rule, as a count). */
export async function countOverdueCases(db: Db, orgPath: string, today: string): Promise<number> {
  const rows = await db.execute(sql`
    select count(*)::int as n from rights_case c join org o on o.id = c.org_id
    where o.path like ${`${orgPath}%`} and (
      (c.status = 'received' and c.acceptance_due_on < ${today})
      or (c.status = 'accepted' and c.stage = 'mediation' and c.mediation_due_on < ${today})
      or (c.status in ('received','accepted','failed') and c.stage in ('mediation','negotiation') and c.limitation_ends_on < ${today})
      or (c.stage = 'arbitration' and c.arbitration_due_on < ${today}))`);
  return Number(rowsOf<{ n: number }>(rows)[0]?.n ?? 0);
}
