import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { job, type JobRow } from '../../platform/jobs';
import { org } from '../orgs';
import { position } from './positions.tables';

/**
 * A positions import lives in the job table: the check job is the batch (its payload the file until
 * checked, its result the report and the valid rows), the commit job points back at it.
 */
export async function findCheckJob(db: Db, id: string, kind: string): Promise<JobRow | undefined> {
  const rows = await db
    .select()
    .from(job)
    .where(and(eq(job.id, id), eq(job.kind, kind)))
    .limit(1);
  return rows[0];
}

export async function lockJob(db: Db, id: string): Promise<void> {
  await db.execute(sql`select 1 from job where id = ${id} for update`);
}

/** The latest commit job of a batch. */
export async function findCommitJob(db: Db, importId: string, kind: string): Promise<JobRow | undefined> {
  const rows = await db
    .select()
    .from(job)
    .where(and(eq(job.kind, kind), sql`${job.payload}->>'importId' = ${importId}`))
    .orderBy(desc(job.createdAt))
    .limit(1);
  return rows[0];
}

/** The uploaded file is dropped from the payload once it has been read. */
export async function dropFile(db: Db, id: string): Promise<void> {
  await db.execute(sql`update job set payload = payload - 'file' where id = ${id}`);
}

export async function findOrgsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select({ id: org.id, code: org.code, path: org.path, status: org.status }).from(org).where(inArray(org.code, codes));
}

export async function findPositionsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ id: position.id, code: position.code, version: position.version, orgPath: org.path })
    .from(position)
    .innerJoin(org, eq(org.id, position.orgId))
    .where(inArray(position.code, codes));
}

export async function findPositionRowsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(position).where(inArray(position.id, ids));
}
