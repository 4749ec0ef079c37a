import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { org } from '../orgs/orgs.tables';
import { memberImport, memberNumberCounter, membership, membershipEvent, person } from './members.tables';

export type ImportRow = typeof memberImport.$inferSelect;

export async function findImport(db: Db, id: string): Promise<ImportRow | undefined> {
  const rows = await db.select().from(memberImport).where(eq(memberImport.id, id)).limit(1);
  return rows[0];
}

export async function lockImport(db: Db, id: string): Promise<void> {
  await db.execute(sql`select 1 from member_import where id = ${id} for update`);
}

export async function findImportByHash(db: Db, orgId: string, fileHash: string): Promise<ImportRow | undefined> {
  const rows = await db.select().from(memberImport).where(and(eq(memberImport.orgId, orgId), eq(memberImport.fileHash, fileHash))).limit(1);
  return rows[0];
}

export async function insertImport(db: Db, values: typeof memberImport.$inferInsert): Promise<ImportRow> {
  const rows = await db.insert(memberImport).values(values).returning();
  return rows[0]!;
}

export async function updateImport(db: Db, id: string, values: Partial<typeof memberImport.$inferInsert>): Promise<ImportRow> {
  const rows = await db
    .update(memberImport)
    .set({ ...values, version: sql`${memberImport.version} + 1` })
    .where(eq(memberImport.id, id))
    .returning();
  return rows[0]!;
}

export async function findOrgsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select({ id: org.id, code: org.code, name: org.name, type: org.type, path: org.path, status: org.status }).from(org).where(inArray(org.code, codes));
}

const CHUNK = 1000;

/** Existing persons by ID hash, with whether they hold an open membership now. */
export async function findPersonsByHashes(db: Db, hashes: string[]) {
  const out: { id: string; idNumberHash: string; realName: string; hasOpen: boolean }[] = [];
  for (let i = 0; i < hashes.length; i += CHUNK) {
    const chunk = hashes.slice(i, i + CHUNK);
    const rows = await db
      .select({
        id: person.id,
        idNumberHash: person.idNumberHash,
        realName: person.realName,
        // Qualified by hand: unqualified, "id" inside the subquery would be the membership's own id.
        hasOpen: sql<boolean>`exists (select 1 from membership m where m.person_id = "person"."id" and m.status in ('applied','active','suspended'))`,
      })
      .from(person)
      .where(inArray(person.idNumberHash, chunk));
    out.push(...rows);
  }
  return out;
}

/** Reserves `n` consecutive member numbers of a district in one statement; returns the first. */
export async function reserveMemberSequence(db: Db, districtOrgId: string, n: number): Promise<number> {
  const rows = await db
    .insert(memberNumberCounter)
    .values({ orgId: districtOrgId, lastValue: n })
    .onConflictDoUpdate({ target: memberNumberCounter.orgId, set: { lastValue: sql`${memberNumberCounter.lastValue} + ${n}` } })
    .returning({ value: memberNumberCounter.lastValue });
  return rows[0]!.value - n + 1;
}

async function inChunks<T>(rows: T[], size: number, fn: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

export async function insertPersons(db: Db, rows: (typeof person.$inferInsert)[]): Promise<void> {
  await inChunks(rows, 500, (c) => db.insert(person).values(c));
}

export async function updateImportedPerson(db: Db, id: string, values: Partial<typeof person.$inferInsert>): Promise<void> {
  await db
    .update(person)
    .set({ ...values, version: sql`${person.version} + 1`, updatedAt: sql`now()` })
    .where(eq(person.id, id));
}

export async function insertMemberships(db: Db, rows: (typeof membership.$inferInsert)[]): Promise<void> {
  await inChunks(rows, 800, (c) => db.insert(membership).values(c));
}

export async function insertEvents(db: Db, rows: (typeof membershipEvent.$inferInsert)[]): Promise<void> {
  await inChunks(rows, 1500, (c) => db.insert(membershipEvent).values(c));
}
