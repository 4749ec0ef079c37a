import { and, asc, count, desc, eq, getTableColumns, inArray, like, sql } from 'drizzle-orm';
import { MEMBER_ORG_TYPES } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { org, scopeCondition } from '../orgs';
import { memberImport, memberNumberCounter, membership, membershipEvent, person } from './members.tables';

export type ImportData = typeof memberImport.$inferSelect;
/** A batch without its bulky columns (the uploaded file, the encrypted rows): what polls and updates read back. */
export type ImportRow = Omit<ImportData, 'file' | 'rowsEnc'>;
const { file: _file, rowsEnc: _rowsEnc, ...summary } = getTableColumns(memberImport);

export async function findImport(db: Db, id: string): Promise<ImportRow | undefined> {
  const rows = await db.select(summary).from(memberImport).where(eq(memberImport.id, id)).limit(1);
  return rows[0];
}

/** With the file and the encrypted rows (only the jobs and the report need them). */
export async function findImportData(db: Db, id: string): Promise<ImportData | undefined> {
  const rows = await db.select().from(memberImport).where(eq(memberImport.id, id)).limit(1);
  return rows[0];
}

export async function lockImport(db: Db, id: string): Promise<void> {
  await db.execute(sql`select 1 from member_import where id = ${id} for update`);
}

export async function findImportByHash(db: Db, orgId: string, fileHash: string): Promise<ImportRow | undefined> {
  const rows = await db.select(summary).from(memberImport).where(and(eq(memberImport.orgId, orgId), eq(memberImport.fileHash, fileHash))).limit(1);
  return rows[0];
}

export async function insertImport(db: Db, values: typeof memberImport.$inferInsert): Promise<ImportRow> {
  const rows = await db.insert(memberImport).values(values).returning(summary);
  return rows[0]!;
}

export async function updateImport(db: Db, id: string, values: Partial<typeof memberImport.$inferInsert>): Promise<ImportRow> {
  const rows = await db
    .update(memberImport)
    .set({ ...values, version: sql`${memberImport.version} + 1` })
    .where(eq(memberImport.id, id))
    .returning(summary);
  return rows[0]!;
}

/**
 * 导入记录: batches into unions of a subtree (or the caller's scope), newest first; without the
 * file, the encrypted rows and the report (one batch's report can hold 20,000 errors).
 */
export async function listImports(db: Db, f: { scope: Scope; underPath?: string | undefined; page: number; pageSize: number }) {
  const where = and(f.underPath ? like(org.path, `${f.underPath}%`) : undefined, scopeCondition(f.scope));
  const columns = {
    id: memberImport.id,
    fileName: memberImport.fileName,
    status: memberImport.status,
    mode: memberImport.mode,
    totalRows: memberImport.totalRows,
    validRows: memberImport.validRows,
    errorRows: memberImport.errorRows,
    committedRows: memberImport.committedRows,
    createdByName: memberImport.createdByName,
    createdAt: memberImport.createdAt,
    committedAt: memberImport.committedAt,
    org: { id: org.id, code: org.code, name: org.name, type: org.type },
  };
  const [items, [total]] = await Promise.all([
    db
      .select(columns)
      .from(memberImport)
      .innerJoin(org, eq(org.id, memberImport.orgId))
      .where(where)
      .orderBy(desc(memberImport.createdAt), desc(memberImport.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ value: count() }).from(memberImport).innerJoin(org, eq(org.id, memberImport.orgId)).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}

export async function findOrgsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select({ id: org.id, code: org.code, name: org.name, type: org.type, path: org.path, status: org.status }).from(org).where(inArray(org.code, codes));
}

/** The template's union list: the open unions in scope that take members, by code (capped: a sheet, not an export). */
export async function findScopeUnions(db: Db, scope: Scope, limit = 10_000) {
  return db
    .select({ code: org.code, name: org.name })
    .from(org)
    .where(and(scopeCondition(scope), inArray(org.type, [...MEMBER_ORG_TYPES]), eq(org.status, 'active')))
    .orderBy(asc(org.code))
    .limit(limit);
}

/** Streets and districts in scope with their division codes: the template lists their streets. */
export async function findScopeDivisions(db: Db, scope: Scope) {
  return db
    .select({ type: org.type, name: org.name, divisionCode: org.divisionCode })
    .from(org)
    .where(and(scopeCondition(scope), inArray(org.type, ['district', 'street']), sql`${org.divisionCode} is not null`));
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

/**
 * Column arrays of one slice of an import commit. Written with one `INSERT … SELECT FROM unnest(…)`
 * per table — one array parameter per column instead of one parameter per cell, so a 1,000-row
 * slice allocates a few arrays rather than tens of thousands of query-builder objects.
 */
export type CommitSlice = {
  person: { id: string[]; orgId: string[]; realName: string[]; idNumberEnc: string[]; idNumberHash: string[]; idNumberMasked: string[]; phone: (string | null)[]; sex: string[]; birthDate: string[]; employerName: (string | null)[]; employerCreditCode: (string | null)[]; industry: (string | null)[]; employmentForm: string[]; isMigrant: boolean[]; homeStreetCode: (string | null)[]; ethnicity: (string | null)[]; politicalStatus: (string | null)[]; education: (string | null)[]; hukouPlace: (string | null)[]; isHardship: boolean[] };
  membership: { id: string[]; personId: string[]; orgId: string[]; memberNumber: string[]; reason: string[] };
};

export const emptyCommitSlice = (): CommitSlice => ({
  person: { id: [], orgId: [], realName: [], idNumberEnc: [], idNumberHash: [], idNumberMasked: [], phone: [], sex: [], birthDate: [], employerName: [], employerCreditCode: [], industry: [], employmentForm: [], isMigrant: [], homeStreetCode: [], ethnicity: [], politicalStatus: [], education: [], hukouPlace: [], isHardship: [] },
  membership: { id: [], personId: [], orgId: [], memberNumber: [], reason: [] },
});

const arr = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

export async function insertCommitSlice(db: Db, s: CommitSlice, at: Date, actor: { actorId: string | null; actorName: string | null }): Promise<void> {
  const p = s.person;
  if (p.id.length)
    await db.execute(sql`insert into person (id, org_id, real_name, id_number_enc, id_number_hash, id_number_masked, phone, sex, birth_date, employer_name, employer_credit_code, industry, employment_form, is_migrant, home_street_code, ethnicity, political_status, education, hukou_place, is_hardship, verified_at)
      select u.*, ${at.toISOString()}::timestamptz from unnest(${arr(p.id, 'uuid')}, ${arr(p.orgId, 'uuid')}, ${arr(p.realName, 'text')}, ${arr(p.idNumberEnc, 'text')}, ${arr(p.idNumberHash, 'text')}, ${arr(p.idNumberMasked, 'text')},
        ${arr(p.phone, 'text')}, ${arr(p.sex, 'text')}, ${arr(p.birthDate, 'date')}, ${arr(p.employerName, 'text')}, ${arr(p.employerCreditCode, 'text')}, ${arr(p.industry, 'text')}, ${arr(p.employmentForm, 'text')},
        ${arr(p.isMigrant, 'boolean')}, ${arr(p.homeStreetCode, 'text')}, ${arr(p.ethnicity, 'text')}, ${arr(p.politicalStatus, 'text')}, ${arr(p.education, 'text')}, ${arr(p.hukouPlace, 'text')}, ${arr(p.isHardship, 'boolean')}) as u`);
  const m = s.membership;
  if (!m.id.length) return;
  const now = at.toISOString();
  await db.execute(sql`insert into membership (id, person_id, org_id, member_number, status, applied_at, joined_at, source)
    select u.id, u.person_id, u.org_id, u.member_number, 'active', ${now}::timestamptz, ${now}::timestamptz, 'import'
    from unnest(${arr(m.id, 'uuid')}, ${arr(m.personId, 'uuid')}, ${arr(m.orgId, 'uuid')}, ${arr(m.memberNumber, 'text')}) as u(id, person_id, org_id, member_number)`);
  await db.execute(sql`insert into membership_event (membership_id, org_id, kind, to_org_id, actor_id, actor_name, reason, at)
    select u.membership_id, u.org_id, 'approved', u.org_id, ${actor.actorId}::uuid, ${actor.actorName}, u.reason, ${now}::timestamptz
    from unnest(${arr(m.id, 'uuid')}, ${arr(m.orgId, 'uuid')}, ${arr(m.reason, 'text')}) as u(membership_id, org_id, reason)`);
}
