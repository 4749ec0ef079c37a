import { and, asc, count, desc, eq, getTableColumns, gte, ilike, inArray, like, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { appUser } from '../accounts/accounts.tables';
import { scopeCondition } from '../orgs';
import { org } from '../orgs/orgs.tables';
import { memberNumberCounter, membership, membershipEvent, person, personPhoto } from './members.tables';

export type PersonRow = typeof person.$inferSelect;
export type MembershipRow = typeof membership.$inferSelect;
export type OrgBrief = { id: string; code: string; name: string; type: string; path: string; status: string };
export type MemberRow = { membership: MembershipRow; person: PersonRow; org: OrgBrief };

const orgBrief = { id: org.id, code: org.code, name: org.name, type: org.type, path: org.path, status: org.status };

function selectMembers(db: Db) {
  return db.select({ membership, person, org: orgBrief }).from(membership).innerJoin(person, eq(person.id, membership.personId)).innerJoin(org, eq(org.id, membership.orgId));
}

export async function findMember(db: Db, id: string): Promise<MemberRow | undefined> {
  const rows = await selectMembers(db).where(eq(membership.id, id)).limit(1);
  return rows[0];
}

/** Locks the membership row for the rest of the transaction (status changes must not interleave). */
export async function lockMembership(db: Db, id: string): Promise<void> {
  await db.execute(sql`select 1 from membership where id = ${id} for update`);
}

export type MemberFilter = {
  scope: Scope;
  underPath?: string | undefined;
  status?: string | undefined;
  employmentForm?: string | undefined;
  isMigrant?: boolean | undefined;
  isHardship?: boolean | undefined;
  joinedFrom?: Date | undefined;
  joinedBefore?: Date | undefined;
  idNumberHash?: string | undefined;
  phone?: string | undefined;
  memberNumber?: string | undefined;
  namePrefix?: string | undefined;
  page: number;
  pageSize: number;
};

export async function listMembers(db: Db, f: MemberFilter): Promise<{ items: MemberRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [f.underPath ? like(org.path, `${f.underPath}%`) : scopeCondition(f.scope, org.path)];
  if (f.status) conditions.push(eq(membership.status, f.status));
  if (f.employmentForm) conditions.push(eq(person.employmentForm, f.employmentForm));
  if (f.isMigrant !== undefined) conditions.push(eq(person.isMigrant, f.isMigrant));
  if (f.isHardship !== undefined) conditions.push(eq(person.isHardship, f.isHardship));
  if (f.joinedFrom) conditions.push(gte(membership.joinedAt, f.joinedFrom));
  if (f.joinedBefore) conditions.push(lt(membership.joinedAt, f.joinedBefore));
  if (f.idNumberHash) conditions.push(eq(person.idNumberHash, f.idNumberHash));
  // Not `person.phone = $1 OR membership.member_number = $1`: an OR across the join cannot use either
  // index and reads every membership in scope (slow at 1,000,000 members). Each side by its index instead.
  if (f.phone && f.memberNumber)
    conditions.push(
      sql`${membership.id} in (select m.id from membership m join person p on p.id = m.person_id where p.phone = ${f.phone} union all select m.id from membership m where m.member_number = ${f.memberNumber})`,
    );
  else if (f.phone) conditions.push(eq(person.phone, f.phone));
  else if (f.memberNumber) conditions.push(eq(membership.memberNumber, f.memberNumber));
  if (f.namePrefix) conditions.push(like(person.realName, `${f.namePrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = and(...conditions);
  const [items, totals] = await Promise.all([
    selectMembers(db)
      .where(where)
      .orderBy(desc(membership.createdAt), asc(membership.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ value: count() })
      .from(membership)
      .innerJoin(person, eq(person.id, membership.personId))
      .innerJoin(org, eq(org.id, membership.orgId))
      .where(where),
  ]);
  return { items, total: totals[0]?.value ?? 0 };
}

const fromOrg = alias(org, 'from_org');
const toOrg = alias(org, 'to_org');

export async function listEvents(db: Db, membershipId: string) {
  return db
    .select({
      event: membershipEvent,
      fromOrg: { id: fromOrg.id, code: fromOrg.code, name: fromOrg.name, type: fromOrg.type },
      toOrg: { id: toOrg.id, code: toOrg.code, name: toOrg.name, type: toOrg.type },
    })
    .from(membershipEvent)
    .leftJoin(fromOrg, eq(fromOrg.id, membershipEvent.fromOrgId))
    .leftJoin(toOrg, eq(toOrg.id, membershipEvent.toOrgId))
    .where(eq(membershipEvent.membershipId, membershipId))
    .orderBy(asc(membershipEvent.at), asc(membershipEvent.id));
}

export async function findPersonByUser(db: Db, userId: string): Promise<PersonRow | undefined> {
  const rows = await db.select().from(person).where(eq(person.userId, userId)).limit(1);
  return rows[0];
}

export async function findPersonByIdHash(db: Db, hash: string): Promise<PersonRow | undefined> {
  const rows = await db.select().from(person).where(eq(person.idNumberHash, hash)).limit(1);
  return rows[0];
}

export async function insertPerson(db: Db, values: typeof person.$inferInsert): Promise<PersonRow> {
  const rows = await db.insert(person).values(values).returning();
  return rows[0]!;
}

export async function updatePerson(db: Db, id: string, values: Partial<typeof person.$inferInsert>): Promise<PersonRow> {
  const rows = await db
    .update(person)
    .set({ ...values, version: sql`${person.version} + 1`, updatedAt: sql`now()` })
    .where(eq(person.id, id))
    .returning();
  return rows[0]!;
}

/** The person's current (applied, active or suspended) membership, else the latest one. */
export async function findLatestMembershipOfPerson(db: Db, personId: string): Promise<MemberRow | undefined> {
  const rows = await selectMembers(db)
    .where(eq(membership.personId, personId))
    .orderBy(sql`case when ${membership.status} in ('applied','active','suspended') then 0 else 1 end`, desc(membership.createdAt))
    .limit(1);
  return rows[0];
}

export async function insertMembership(db: Db, values: typeof membership.$inferInsert): Promise<MembershipRow> {
  const rows = await db.insert(membership).values(values).returning();
  return rows[0]!;
}

/** Updates when the version still matches; undefined when someone else got there first. */
export async function updateMembershipIfVersion(db: Db, id: string, version: number, values: Partial<typeof membership.$inferInsert>): Promise<MembershipRow | undefined> {
  const rows = await db
    .update(membership)
    .set({ ...values, version: sql`${membership.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(membership.id, id), eq(membership.version, version)))
    .returning();
  return rows[0];
}

export async function insertEvent(db: Db, values: typeof membershipEvent.$inferInsert): Promise<void> {
  await db.insert(membershipEvent).values(values);
}

/** The next number of a district's sequence: one atomic upsert, safe under concurrent approvals. */
export async function nextMemberSequence(db: Db, districtOrgId: string): Promise<number> {
  const rows = await db
    .insert(memberNumberCounter)
    .values({ orgId: districtOrgId, lastValue: 1 })
    .onConflictDoUpdate({ target: memberNumberCounter.orgId, set: { lastValue: sql`${memberNumberCounter.lastValue} + 1` } })
    .returning({ value: memberNumberCounter.lastValue });
  return rows[0]!.value;
}

/** The org's district (the nearest district-type ancestor, itself included), else its root. */
export async function findDistrictOf(db: Db, orgPath: string) {
  const ids = orgPath.split('/').filter(Boolean);
  const rows = await db.select({ id: org.id, code: org.code, type: org.type, divisionCode: org.divisionCode, depth: org.depth }).from(org).where(inArray(org.id, ids));
  const districts = rows.filter((r) => r.type === 'district').sort((a, b) => b.depth - a.depth);
  return districts[0] ?? rows.sort((a, b) => a.depth - b.depth)[0]!;
}

export async function findOrgBrief(db: Db, id: string): Promise<OrgBrief | undefined> {
  const rows = await db.select(orgBrief).from(org).where(eq(org.id, id)).limit(1);
  return rows[0];
}

export async function findUserPhone(db: Db, userId: string): Promise<string | null> {
  const rows = await db.select({ phone: appUser.phone }).from(appUser).where(eq(appUser.id, userId)).limit(1);
  return rows[0]?.phone ?? null;
}

const unionColumns = { id: org.id, code: org.code, name: org.name, type: org.type, address: org.address };
const openUnion = and(inArray(org.type, ['grassroots', 'joint']), eq(org.status, 'active'));

export async function findUnionsByCreditCode(db: Db, creditCode: string) {
  return db.select(unionColumns).from(org).where(and(openUnion, eq(org.creditCode, creditCode))).limit(5);
}

export async function searchUnionsByName(db: Db, q: string, limit: number) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.select(unionColumns).from(org).where(and(openUnion, or(ilike(org.name, pattern), ilike(org.shortName, pattern)))).orderBy(asc(org.code)).limit(limit);
}

/** Joint unions (片区联合工会) in the subtree of the street union(s) with this division code or id. */
export async function findJointUnionsOfStreet(db: Db, street: { divisionCode?: string; orgId?: string }) {
  const streets = await db
    .select({ path: org.path })
    .from(org)
    .where(and(eq(org.type, 'street'), street.orgId ? eq(org.id, street.orgId) : eq(org.divisionCode, street.divisionCode ?? '')));
  if (streets.length === 0) return [];
  return db
    .select(unionColumns)
    .from(org)
    .where(and(eq(org.type, 'joint'), eq(org.status, 'active'), or(...streets.map((s) => like(org.path, `${s.path}%`)))))
    .orderBy(asc(org.code));
}

export type StatsBounds = { monthStart: Date; yearStart: Date };

/** Counts over memberships in a subtree (or a scope), in one pass. */
export async function countMembers(db: Db, where: { underPath?: string | undefined; scope: Scope }, bounds: StatsBounds) {
  const place = where.underPath ? like(org.path, `${where.underPath}%`) : scopeCondition(where.scope, org.path);
  const active = sql`${membership.status} = 'active'`;
  const [totals] = await db
    .select({
      active: sql<number>`count(*) filter (where ${active})::int`,
      applied: sql<number>`count(*) filter (where ${membership.status} = 'applied')::int`,
      suspended: sql<number>`count(*) filter (where ${membership.status} = 'suspended')::int`,
      verified: sql<number>`count(*) filter (where ${active} and ${person.verifiedAt} is not null)::int`,
      migrant: sql<number>`count(*) filter (where ${active} and ${person.isMigrant})::int`,
      joinedThisMonth: sql<number>`count(*) filter (where ${active} and ${membership.joinedAt} >= ${bounds.monthStart.toISOString()}::timestamptz)::int`,
      joinedThisYear: sql<number>`count(*) filter (where ${active} and ${membership.joinedAt} >= ${bounds.yearStart.toISOString()}::timestamptz)::int`,
    })
    .from(membership)
    .innerJoin(person, eq(person.id, membership.personId))
    .innerJoin(org, eq(org.id, membership.orgId))
    .where(and(place, notInArray(membership.status, ['rejected', 'withdrawn'])));
  const byForm = await db
    .select({ form: person.employmentForm, value: count() })
    .from(membership)
    .innerJoin(person, eq(person.id, membership.personId))
    .innerJoin(org, eq(org.id, membership.orgId))
    .where(and(place, eq(membership.status, 'active')))
    .groupBy(person.employmentForm);
  return { totals: totals!, byForm };
}

/** Ciphertexts and phones of some persons (for an export by someone who may reveal). */
export async function findPersonSecrets(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: person.id, idNumberEnc: person.idNumberEnc, phone: person.phone }).from(person).where(inArray(person.id, ids));
}

export type PhotoRow = typeof personPhoto.$inferSelect;

/** A person's photo row without the image (the detail names it), or with it (the image route). */
export async function findPhoto(db: Db, personId: string, withData = false): Promise<(Omit<PhotoRow, 'dataEnc'> & { dataEnc?: string }) | undefined> {
  const { dataEnc, ...meta } = getTableColumns(personPhoto);
  const [row] = await db
    .select(withData ? { ...meta, dataEnc } : meta)
    .from(personPhoto)
    .where(eq(personPhoto.personId, personId));
  return row;
}

export async function upsertPhoto(db: Db, values: typeof personPhoto.$inferInsert): Promise<void> {
  const { personId: _, ...changes } = values;
  await db.insert(personPhoto).values(values).onConflictDoUpdate({ target: personPhoto.personId, set: changes });
}

export async function deletePhoto(db: Db, personId: string): Promise<boolean> {
  const deleted = await db.delete(personPhoto).where(eq(personPhoto.personId, personId)).returning({ personId: personPhoto.personId });
  return deleted.length > 0;
}
