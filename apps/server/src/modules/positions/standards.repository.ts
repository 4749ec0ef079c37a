import { and, eq, inArray, like, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { org, scopeCondition } from '../orgs';
import { position } from './positions.tables';
import { facilityStandard, type FacilityStandardRow } from './standards.tables';

export async function listStandardsOf(
  db: Db,
  orgIds: string[],
): Promise<
  (FacilityStandardRow & {
    orgCode: string;
    orgName: string;
    orgType: string;
  })[]
> {
  if (orgIds.length === 0) return [];
  return db
    .select({
      ...facilityStandardColumns,
      orgCode: org.code,
      orgName: org.name,
      orgType: org.type,
    })
    .from(facilityStandard)
    .innerJoin(org, eq(org.id, facilityStandard.orgId))
    .where(inArray(facilityStandard.orgId, orgIds));
}

const facilityStandardColumns = {
  id: facilityStandard.id,
  orgId: facilityStandard.orgId,
  name: facilityStandard.name,
  items: facilityStandard.items,
  version: facilityStandard.version,
  updatedBy: facilityStandard.updatedBy,
  createdAt: facilityStandard.createdAt,
  updatedAt: facilityStandard.updatedAt,
};

export async function findOwnStandard(db: Db, orgId: string): Promise<FacilityStandardRow | undefined> {
  return (await db.select().from(facilityStandard).where(eq(facilityStandard.orgId, orgId)).limit(1))[0];
}

export async function insertStandard(db: Db, values: typeof facilityStandard.$inferInsert): Promise<FacilityStandardRow> {
  return (await db.insert(facilityStandard).values(values).returning())[0]!;
}

export async function updateStandardIfVersion(db: Db, orgId: string, version: number, values: Partial<typeof facilityStandard.$inferInsert>) {
  return (
    await db
      .update(facilityStandard)
      .set({
        ...values,
        version: sql`${facilityStandard.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(facilityStandard.orgId, orgId), eq(facilityStandard.version, version)))
      .returning()
  )[0];
}

export async function deleteStandard(db: Db, orgId: string) {
  return (await db.delete(facilityStandard).where(eq(facilityStandard.orgId, orgId)).returning())[0];
}

/** Positions (not closed) in scope, optionally under an org and of a type, with their org path. */
export async function listPositionsForCheck(
  db: Db,
  f: {
    scope: Scope;
    underPath?: string | undefined;
    type?: string | undefined;
  },
) {
  const conditions: (SQL | undefined)[] = [ne(position.status, 'closed'), f.underPath ? like(org.path, `${f.underPath}%`) : scopeCondition(f.scope)];
  if (f.type) conditions.push(eq(position.type, f.type));
  return db
    .select({
      id: position.id,
      code: position.code,
      name: position.name,
      type: position.type,
      status: position.status,
      facilities: position.facilities,
      orgId: org.id,
      orgCode: org.code,
      orgName: org.name,
      orgType: org.type,
      orgPath: org.path,
      updatedAt: position.updatedAt,
    })
    .from(position)
    .innerJoin(org, eq(org.id, position.orgId))
    .where(and(...conditions))
    .orderBy(position.code);
}
