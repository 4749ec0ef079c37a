import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { org, type OrgRow } from '../orgs';
import { position } from './positions.tables';

/** The org and its ancestors, root first (the ids are in its materialised path). */
export async function listOrgChain(db: Db, target: OrgRow): Promise<OrgRow[]> {
  const ids = target.path.split('/').filter(Boolean);
  const rows = await db.select().from(org).where(inArray(org.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is OrgRow => Boolean(r));
}

export type StreetCentre = { id: string; name: string; shortName: string | null; divisionCode: string | null; lng: number | null; lat: number | null };

/**
 * The streets of a district with the mean place of the positions in each street's subtree (null
 * for a street without positions). Twelve-odd rows; the positions are read through org paths.
 */
export async function listStreetCentres(db: Db, districtId: string): Promise<StreetCentre[]> {
  const member = sql`exists (select 1 from ${org} o where o.id = ${position.orgId} and o.path like ${org.path} || '%')`;
  return db
    .select({
      id: org.id,
      name: org.name,
      shortName: org.shortName,
      divisionCode: org.divisionCode,
      lng: sql<number | null>`(select avg(${position.lng}) from ${position} where ${member})`.mapWith((v) => (v == null ? null : Number(v))),
      lat: sql<number | null>`(select avg(${position.lat}) from ${position} where ${member})`.mapWith((v) => (v == null ? null : Number(v))),
    })
    .from(org)
    .where(and(eq(org.parentId, districtId), eq(org.type, 'street'), eq(org.status, 'active')))
    .orderBy(org.code);
}

/** The active district org of a statistical division code (the bundled outline's adcode). */
export async function findDistrictByDivision(db: Db, divisionCode: string): Promise<OrgRow | undefined> {
  const [row] = await db
    .select()
    .from(org)
    .where(and(eq(org.divisionCode, divisionCode), eq(org.type, 'district'), eq(org.status, 'active')))
    .limit(1);
  return row;
}
