import { and, count, desc, eq, gte, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { org } from '../orgs';
import { position } from '../positions';
import { carePhoto, positionInspection, positionIssue, positionRating, ratingRubric } from './stars.tables';

export type RubricRow = typeof ratingRubric.$inferSelect;
export type InspectionRow = typeof positionInspection.$inferSelect;

/** A position with what the rating needs: owner path, facilities. */
export const positionColumns = {
  id: position.id,
  code: position.code,
  name: position.name,
  type: position.type,
  status: position.status,
  facilities: position.facilities,
  orgId: position.orgId,
  orgName: org.name,
  orgPath: org.path,
};
export type RatedPosition = {
  id: string;
  code: string;
  name: string;
  type: string;
  status: string;
  facilities: string[];
  orgId: string;
  orgName: string;
  orgPath: string;
};

export function scopeWhere(scope: Scope, underPath?: string): SQL | undefined {
  if (underPath) return like(org.path, `${underPath}%`);
  if (scope === 'all') return undefined;
  return or(...scope.map((p) => like(org.path, `${p}%`)));
}

export async function findRatedPosition(db: Db, where: SQL): Promise<RatedPosition | undefined> {
  const rows = await db.select(positionColumns).from(position).innerJoin(org, eq(org.id, position.orgId)).where(where).limit(1);
  return rows[0];
}

export async function listRatedPositions(db: Db, scope: Scope, underPath?: string): Promise<RatedPosition[]> {
  return db.select(positionColumns).from(position).innerJoin(org, eq(org.id, position.orgId)).where(scopeWhere(scope, underPath)).orderBy(position.code);
}

/** Every stored rubric with its org's path (a handful: one per district). */
export async function listRubrics(db: Db) {
  return db.select({ rubric: ratingRubric, orgPath: org.path }).from(ratingRubric).innerJoin(org, eq(org.id, ratingRubric.orgId));
}

export async function findRubricOfOrg(db: Db, orgId: string): Promise<RubricRow | undefined> {
  return (await db.select().from(ratingRubric).where(eq(ratingRubric.orgId, orgId)).limit(1))[0];
}

export async function insertRubric(db: Db, values: typeof ratingRubric.$inferInsert): Promise<RubricRow> {
  return (await db.insert(ratingRubric).values(values).returning())[0]!;
}

export async function updateRubricIfVersion(db: Db, id: string, version: number, values: Partial<typeof ratingRubric.$inferInsert>) {
  const rows = await db
    .update(ratingRubric)
    .set({
      ...values,
      version: sql`${ratingRubric.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(ratingRubric.id, id), eq(ratingRubric.version, version)))
    .returning();
  return rows[0];
}

export async function insertInspection(db: Db, values: typeof positionInspection.$inferInsert): Promise<InspectionRow> {
  return (await db.insert(positionInspection).values(values).returning())[0]!;
}

/** Inspections of positions (all of them when positionIds is undefined) for a year or all years. */
export async function listInspectionsOf(db: Db, filter: { positionIds?: string[]; year?: number }): Promise<InspectionRow[]> {
  const conditions: (SQL | undefined)[] = [];
  if (filter.positionIds) conditions.push(filter.positionIds.length ? inArray(positionInspection.positionId, filter.positionIds) : sql`false`);
  if (filter.year) conditions.push(eq(positionInspection.year, filter.year));
  return db
    .select()
    .from(positionInspection)
    .where(and(...conditions))
    .orderBy(desc(positionInspection.inspectedOn), desc(positionInspection.createdAt));
}

export async function pageInspections(
  db: Db,
  filter: {
    scope: Scope;
    positionId?: string | undefined;
    year?: number | undefined;
  },
  page: { limit: number; offset: number },
) {
  const where = and(scopeWhere(filter.scope), filter.positionId ? eq(positionInspection.positionId, filter.positionId) : undefined, filter.year ? eq(positionInspection.year, filter.year) : undefined);
  const base = () =>
    db
      .select({
        inspection: positionInspection,
        code: position.code,
        name: position.name,
      })
      .from(positionInspection)
      .innerJoin(position, eq(position.id, positionInspection.positionId))
      .innerJoin(org, eq(org.id, position.orgId));
  const [items, totals] = await Promise.all([
    base().where(where).orderBy(desc(positionInspection.inspectedOn), desc(positionInspection.createdAt)).limit(page.limit).offset(page.offset),
    db.select({ value: count() }).from(positionInspection).innerJoin(position, eq(position.id, positionInspection.positionId)).innerJoin(org, eq(org.id, position.orgId)).where(where),
  ]);
  return { items, total: totals[0]?.value ?? 0 };
}

/** Average and count of the workers' ratings per position over a year's months. */
export async function ratingsByPosition(db: Db, year: number, positionIds?: string[]): Promise<Map<string, { average: number; count: number }>> {
  const rows = await db
    .select({
      positionId: positionRating.positionId,
      average: sql<string>`avg(${positionRating.stars})`,
      count: count(),
    })
    .from(positionRating)
    .where(and(like(positionRating.month, `${year}-%`), positionIds ? (positionIds.length ? inArray(positionRating.positionId, positionIds) : sql`false`) : undefined))
    .groupBy(positionRating.positionId);
  return new Map(rows.map((r) => [r.positionId, { average: Number(r.average), count: r.count }]));
}

/** Bytes a user uploaded since a moment (the daily photo quota). */
export async function sumPhotoBytesSince(db: Db, userId: string, since: Date): Promise<number> {
  const rows = await db
    .select({ bytes: sql<string | null>`sum(${carePhoto.size})` })
    .from(carePhoto)
    .where(and(eq(carePhoto.uploadedBy, userId), gte(carePhoto.createdAt, since)));
  return Number(rows[0]?.bytes ?? 0);
}

export async function insertPhoto(db: Db, values: typeof carePhoto.$inferInsert) {
  return (
    await db.insert(carePhoto).values(values).returning({
      id: carePhoto.id,
      contentType: carePhoto.contentType,
      size: carePhoto.size,
    })
  )[0]!;
}

export async function findPhoto(db: Db, id: string) {
  return (await db.select().from(carePhoto).where(eq(carePhoto.id, id)).limit(1))[0];
}

/** The types of those of `ids` that `uploadedBy` uploaded. */
export async function typesOfOwnPhotos(db: Db, ids: string[], uploadedBy: string): Promise<{ id: string; contentType: string }[]> {
  return db
    .select({ id: carePhoto.id, contentType: carePhoto.contentType })
    .from(carePhoto)
    .where(and(inArray(carePhoto.id, ids), eq(carePhoto.uploadedBy, uploadedBy)));
}

export async function pdfIdsAmong(db: Db, ids: string[]): Promise<string[]> {
  const rows = await db
    .select({ id: carePhoto.id })
    .from(carePhoto)
    .where(and(inArray(carePhoto.id, ids), eq(carePhoto.contentType, 'application/pdf')));
  return rows.map((r) => r.id);
}

/** The org paths of the positions a photo is attached to (by an inspection or a report). */
export async function photoOwnerPaths(db: Db, photoId: string): Promise<string[]> {
  const viaInspection = await db
    .select({ path: org.path })
    .from(positionInspection)
    .innerJoin(position, eq(position.id, positionInspection.positionId))
    .innerJoin(org, eq(org.id, position.orgId))
    .where(sql`${photoId}::uuid = any(${positionInspection.photoIds})`);
  const viaIssue = await db
    .select({ path: org.path })
    .from(positionIssue)
    .innerJoin(position, eq(position.id, positionIssue.positionId))
    .innerJoin(org, eq(org.id, position.orgId))
    .where(eq(positionIssue.photoId, photoId));
  return [...viaInspection, ...viaIssue].map((r) => r.path);
}

export async function findPositionRow(db: Db, id: string) {
  return (await db.select().from(position).where(eq(position.id, id)).limit(1))[0];
}
