import { and, asc, count, desc, eq, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { scopeSql, type Scope } from '../../platform/auth';
import { person } from '../members';
import { org } from '../orgs';
import { hardshipConsent, hardshipDocument, hardshipFile, hardshipHouseholdMember, hardshipObjection, hardshipReview, hardshipThreshold, hardshipVerification, type HardshipFileRow } from './assistance.tables';

export type FileJoined = { file: HardshipFileRow; orgName: string; orgPath: string };

const joined = { file: hardshipFile, orgName: org.name, orgPath: org.path };

export async function findFile(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<FileJoined | undefined> {
  const q = db.select(joined).from(hardshipFile).innerJoin(org, eq(org.id, hardshipFile.orgId)).where(eq(hardshipFile.id, id)).limit(1);
  const [row] = opts.lock ? await q.for('update', { of: hardshipFile }) : await q;
  return row;
}

export async function listFilesOfPersons(db: Db, personIds: string[]): Promise<FileJoined[]> {
  if (!personIds.length) return [];
  return db.select(joined).from(hardshipFile).innerJoin(org, eq(org.id, hardshipFile.orgId)).where(inArray(hardshipFile.personId, personIds)).orderBy(desc(hardshipFile.createdAt));
}

export type ListFilter = { scope: Scope; status?: string | undefined; tier?: string | undefined; orgPath?: string | undefined; q?: string | undefined; reviewDueBy?: string | undefined };

function whereOf(f: ListFilter): SQL {
  const parts: (SQL | undefined)[] = [scopeSql(f.scope, sql`${org.path}`)];
  if (f.status) parts.push(eq(hardshipFile.status, f.status));
  if (f.tier) parts.push(eq(hardshipFile.tier, f.tier));
  if (f.orgPath) parts.push(sql`${org.path} like ${`${f.orgPath}%`}`);
  if (f.q) parts.push(or(sql`${hardshipFile.applicantName} like ${`%${f.q.replace(/[\\%_]/g, '\\$&')}%`}`, sql`'KN' || lpad(${hardshipFile.seq}::text, 6, '0') = ${f.q.toUpperCase()}`));
  if (f.reviewDueBy) parts.push(and(eq(hardshipFile.status, 'active'), lte(hardshipFile.nextReviewOn, f.reviewDueBy)));
  return and(...parts)!;
}

export async function listFiles(db: Db, f: ListFilter, page: { page: number; pageSize: number }): Promise<{ rows: FileJoined[]; total: number }> {
  const where = whereOf(f);
  const rows = await db
    .select(joined)
    .from(hardshipFile)
    .innerJoin(org, eq(org.id, hardshipFile.orgId))
    .where(where)
    .orderBy(desc(hardshipFile.updatedAt), desc(hardshipFile.seq))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await db.select({ n: count() }).from(hardshipFile).innerJoin(org, eq(org.id, hardshipFile.orgId)).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function insertFile(db: Db, values: typeof hardshipFile.$inferInsert): Promise<HardshipFileRow> {
  const [row] = await db.insert(hardshipFile).values(values).returning();
  return row!;
}

/** Writes the changes only if the file is still at `version`; the new row, or undefined on a stale version. */
export async function updateFileIfVersion(db: Db, id: string, version: number, values: Partial<typeof hardshipFile.$inferInsert>): Promise<HardshipFileRow | undefined> {
  const [row] = await db
    .update(hardshipFile)
    .set({ ...values, version: sql`${hardshipFile.version} + 1`, updatedAt: new Date() })
    .where(and(eq(hardshipFile.id, id), eq(hardshipFile.version, version)))
    .returning();
  return row;
}

export async function listHousehold(db: Db, fileId: string) {
  return db.select().from(hardshipHouseholdMember).where(eq(hardshipHouseholdMember.fileId, fileId)).orderBy(asc(hardshipHouseholdMember.createdAt), asc(hardshipHouseholdMember.id));
}
export async function insertHouseholdMember(db: Db, values: typeof hardshipHouseholdMember.$inferInsert) {
  await db.insert(hardshipHouseholdMember).values(values);
}
export async function deleteHouseholdMember(db: Db, fileId: string, memberId: string): Promise<boolean> {
  const rows = await db
    .delete(hardshipHouseholdMember)
    .where(and(eq(hardshipHouseholdMember.fileId, fileId), eq(hardshipHouseholdMember.id, memberId)))
    .returning({ id: hardshipHouseholdMember.id });
  return rows.length > 0;
}
export async function findHouseholdMember(db: Db, fileId: string, memberId: string) {
  const [row] = await db
    .select()
    .from(hardshipHouseholdMember)
    .where(and(eq(hardshipHouseholdMember.fileId, fileId), eq(hardshipHouseholdMember.id, memberId)))
    .limit(1);
  return row;
}

export async function listDocuments(db: Db, fileId: string) {
  return db.select().from(hardshipDocument).where(eq(hardshipDocument.fileId, fileId)).orderBy(asc(hardshipDocument.createdAt));
}
export async function insertDocument(db: Db, values: typeof hardshipDocument.$inferInsert) {
  await db.insert(hardshipDocument).values(values);
}

export async function findConsent(db: Db, fileId: string) {
  const [row] = await db.select({ signedAt: hardshipConsent.signedAt, textVersion: hardshipConsent.textVersion }).from(hardshipConsent).where(eq(hardshipConsent.fileId, fileId)).limit(1);
  return row;
}
export async function insertConsent(db: Db, values: typeof hardshipConsent.$inferInsert) {
  await db.insert(hardshipConsent).values(values);
}

export async function listVerifications(db: Db, fileId: string) {
  return db.select().from(hardshipVerification).where(eq(hardshipVerification.fileId, fileId)).orderBy(asc(hardshipVerification.createdAt));
}
export async function insertVerification(db: Db, values: typeof hardshipVerification.$inferInsert) {
  await db.insert(hardshipVerification).values(values);
}
export async function deleteVerifications(db: Db, fileId: string) {
  await db.delete(hardshipVerification).where(eq(hardshipVerification.fileId, fileId));
}

export async function listObjections(db: Db, fileId: string) {
  return db.select().from(hardshipObjection).where(eq(hardshipObjection.fileId, fileId)).orderBy(asc(hardshipObjection.raisedOn), asc(hardshipObjection.id));
}
export async function insertObjection(db: Db, values: typeof hardshipObjection.$inferInsert) {
  await db.insert(hardshipObjection).values(values);
}
export async function decideObjection(db: Db, fileId: string, id: string, values: { outcome: string; outcomeNote: string; decidedBy: string; decidedAt: Date }): Promise<boolean> {
  const rows = await db
    .update(hardshipObjection)
    .set(values)
    .where(and(eq(hardshipObjection.fileId, fileId), eq(hardshipObjection.id, id), eq(hardshipObjection.outcome, 'pending')))
    .returning({ id: hardshipObjection.id });
  return rows.length > 0;
}

export async function listReviews(db: Db, fileId: string) {
  return db.select().from(hardshipReview).where(eq(hardshipReview.fileId, fileId)).orderBy(asc(hardshipReview.reviewedOn));
}
export async function insertReview(db: Db, values: typeof hardshipReview.$inferInsert) {
  await db.insert(hardshipReview).values(values);
}

/** The threshold that applies at an org: its own or its nearest ancestor's. */
export async function findThreshold(db: Db, orgPath: string): Promise<{ orgId: string; orgName: string; monthlyFenPerHead: number; orgPath: string } | undefined> {
  const [row] = await db
    .select({ orgId: hardshipThreshold.orgId, orgName: org.name, monthlyFenPerHead: hardshipThreshold.monthlyFenPerHead, orgPath: org.path })
    .from(hardshipThreshold)
    .innerJoin(org, eq(org.id, hardshipThreshold.orgId))
    .where(sql`${orgPath} like ${org.path} || '%'`)
    .orderBy(desc(sql`length(${org.path})`))
    .limit(1);
  return row;
}
export async function upsertThreshold(db: Db, values: { orgId: string; monthlyFenPerHead: number; updatedBy: string }) {
  await db
    .insert(hardshipThreshold)
    .values(values)
    .onConflictDoUpdate({ target: hardshipThreshold.orgId, set: { monthlyFenPerHead: values.monthlyFenPerHead, updatedBy: values.updatedBy, updatedAt: new Date() } });
}

/** Files in 在档 whose review falls due by `dueBy` and whose reminder for that date is not sent yet: marked, then returned. */
export async function claimReviewReminders(db: Db, dueBy: string): Promise<FileJoined[]> {
  const claimed = await db
    .update(hardshipFile)
    .set({ reviewRemindedFor: sql`${hardshipFile.nextReviewOn}` })
    .where(
      and(
        eq(hardshipFile.status, 'active'),
        lte(hardshipFile.nextReviewOn, dueBy),
        sql`${hardshipFile.reviewRemindedFor} is distinct from ${hardshipFile.nextReviewOn}`,
      ),
    )
    .returning({ id: hardshipFile.id });
  if (!claimed.length) return [];
  return db
    .select(joined)
    .from(hardshipFile)
    .innerJoin(org, eq(org.id, hardshipFile.orgId))
    .where(
      inArray(
        hardshipFile.id,
        claimed.map((c) => c.id),
      ),
    );
}

/** Photos attached as documents: the org paths of their files (staff with assistance.read there may see them). */
export async function orgPathsOfPhoto(db: Db, photoId: string): Promise<string[]> {
  const rows = await db
    .select({ path: org.path })
    .from(hardshipDocument)
    .innerJoin(hardshipFile, eq(hardshipFile.id, hardshipDocument.fileId))
    .innerJoin(org, eq(org.id, hardshipFile.orgId))
    .where(eq(hardshipDocument.photoId, photoId));
  return rows.map((r) => r.path);
}

/** The member's account and ID number (encrypted, with its mask): the household's first row. */
export async function findPersonIdentity(db: Db, personId: string) {
  const [row] = await db.select({ userId: person.userId, idNumberEnc: person.idNumberEnc, idNumberMasked: person.idNumberMasked }).from(person).where(eq(person.id, personId)).limit(1);
  return row;
}
