import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { org } from '../orgs';
import { scopeWhere } from './case-access';
import { rightsConsultation, rightsConsultationMessage } from './consultations.tables';
import { escapeLike } from './rights.shared';

export type ConsultationRow = typeof rightsConsultation.$inferSelect;
const columns = {
  c: rightsConsultation,
  orgCode: org.code,
  orgName: org.name,
  orgPath: org.path,
  caseNumber: sql<string | null>`(select number from rights_case rc where rc.id = ${rightsConsultation.caseId})`,
};
export type ConsultationWithOrg = { c: ConsultationRow; orgCode: string; orgName: string; orgPath: string; caseNumber: string | null };

const base = (db: Db) => db.select(columns).from(rightsConsultation).innerJoin(org, eq(org.id, rightsConsultation.orgId));

export async function findConsultation(db: Db, id: string, forUpdate = false): Promise<ConsultationWithOrg | undefined> {
  if (forUpdate) await db.execute(sql`select 1 from rights_consultation where id = ${id} for update`);
  return (await base(db).where(eq(rightsConsultation.id, id)).limit(1))[0];
}

export async function insertConsultation(db: Db, values: typeof rightsConsultation.$inferInsert) {
  return (await db.insert(rightsConsultation).values(values).returning())[0]!;
}

export async function updateConsultation(db: Db, id: string, values: Partial<typeof rightsConsultation.$inferInsert>, version?: number) {
  return (
    await db
      .update(rightsConsultation)
      .set({ ...values, version: sql`${rightsConsultation.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(rightsConsultation.id, id), version !== undefined ? eq(rightsConsultation.version, version) : undefined))
      .returning()
  )[0];
}

export async function markSeen(db: Db, id: string, at: Date) {
  await db.update(rightsConsultation).set({ askerSeenAt: at }).where(eq(rightsConsultation.id, id));
}

export type ConsultationFilter = {
  scope: Scope;
  underPath?: string | undefined;
  status?: string | undefined;
  channel?: string | undefined;
  category?: string | undefined;
  q?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

function conditions(f: ConsultationFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [scopeWhere(f.scope)];
  if (f.underPath) c.push(sql`${org.path} like ${`${f.underPath}%`}`);
  if (f.status) c.push(eq(rightsConsultation.status, f.status));
  if (f.channel) c.push(eq(rightsConsultation.channel, f.channel));
  if (f.category) c.push(eq(rightsConsultation.category, f.category));
  if (f.from) c.push(gte(rightsConsultation.askedAt, f.from));
  if (f.to) c.push(lt(rightsConsultation.askedAt, f.to));
  if (f.q) {
    const p = escapeLike(f.q);
    c.push(
      or(
        ilike(rightsConsultation.number, p),
        ilike(rightsConsultation.question, p),
        ilike(rightsConsultation.employerName, p),
        and(eq(rightsConsultation.isAnonymous, false), ilike(rightsConsultation.askerName, p)),
      ),
    );
  }
  return and(...c);
}

export async function pageConsultations(db: Db, f: ConsultationFilter, page: { limit: number; offset: number }) {
  const where = conditions(f);
  const [items, totals] = await Promise.all([
    base(db)
      .where(where)
      .orderBy(sql`case ${rightsConsultation.status} when 'open' then 0 when 'answered' then 1 else 2 end`, desc(rightsConsultation.askedAt))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(rightsConsultation).innerJoin(org, eq(org.id, rightsConsultation.orgId)).where(where),
  ]);
  return { items, total: totals[0]?.value ?? 0 };
}

export async function listOfAsker(db: Db, userId: string) {
  return base(db).where(eq(rightsConsultation.askerUserId, userId)).orderBy(desc(rightsConsultation.askedAt)).limit(50);
}

export async function listMessages(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(rightsConsultationMessage).where(inArray(rightsConsultationMessage.consultationId, ids)).orderBy(asc(rightsConsultationMessage.createdAt));
}

export async function insertMessage(db: Db, values: typeof rightsConsultationMessage.$inferInsert) {
  return (await db.insert(rightsConsultationMessage).values(values).returning())[0]!;
}
