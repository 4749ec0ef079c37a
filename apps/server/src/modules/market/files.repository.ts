import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { marketFile } from './market.tables';
import { toDate, query, queryOne, scopeSql } from './shared';

export type FileBrief = { id: string; name: string | null; contentType: string; size: number; createdAt: Date; uploadedBy: string; providerId: string | null };

export async function insertFile(db: Db, values: typeof marketFile.$inferInsert): Promise<FileBrief> {
  const [row] = await db.insert(marketFile).values(values).returning({
    id: marketFile.id,
    name: marketFile.name,
    contentType: marketFile.contentType,
    size: marketFile.size,
    createdAt: marketFile.createdAt,
    uploadedBy: marketFile.uploadedBy,
    providerId: marketFile.providerId,
  });
  return row!;
}

export async function findFileData(db: Db, id: string): Promise<{ id: string; contentType: string; data: Buffer; uploadedBy: string; providerId: string | null; name: string | null } | undefined> {
  const [row] = await db
    .select({ id: marketFile.id, contentType: marketFile.contentType, data: marketFile.data, uploadedBy: marketFile.uploadedBy, providerId: marketFile.providerId, name: marketFile.name })
    .from(marketFile)
    .where(eq(marketFile.id, id))
    .limit(1);
  return row;
}

export async function listFileBriefs(db: Db, ids: readonly string[]): Promise<FileBrief[]> {
  if (!ids.length) return [];
  const rows = await query<Record<string, unknown>>(db, sql`select id, name, content_type, size, created_at, uploaded_by, provider_id from market_file where id = any(${sql.param([...ids])}::uuid[])`);
  const byId = new Map(
    rows.map((r) => [
      r.id as string,
      {
        id: r.id as string,
        name: (r.name as string | null) ?? null,
        contentType: r.content_type as string,
        size: Number(r.size),
        createdAt: toDate(r.created_at),
        uploadedBy: r.uploaded_by as string,
        providerId: (r.provider_id as string | null) ?? null,
      },
    ]),
  );
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Bytes a user uploaded since a moment (the daily quota). */
export async function sumBytesSince(db: Db, userId: string, since: Date): Promise<number> {
  const row = await queryOne<{ bytes: string }>(
    db,
    sql`select coalesce(sum(size), 0)::bigint as bytes from market_file where uploaded_by = ${userId} and created_at >= ${since.toISOString()}::timestamptz`,
  );
  return Number(row?.bytes ?? 0);
}

export async function setFilesProvider(db: Db, ids: readonly string[], providerId: string): Promise<void> {
  if (!ids.length) return;
  await db.execute(sql`update market_file set provider_id = ${providerId} where id = any(${sql.param([...ids])}::uuid[]) and provider_id is null`);
}

/** A photo of a listed project's approved version: the catalogue shows it to anyone. */
export async function isLibraryPhoto(db: Db, fileId: string): Promise<boolean> {
  return Boolean(
    await queryOne(
      db,
      sql`select 1 from market_project p join market_project_version v on v.id = p.current_version_id
          join market_provider pr on pr.id = p.provider_id
          where p.is_listed and pr.status = 'approved' and ${fileId}::uuid = any(v.photo_ids) limit 1`,
    ),
  );
}

/** Staff in scope of the provider's district, or of an ordering union whose order's delivery photos include it. */
export async function isFileInStaffScope(db: Db, fileId: string, scope: Scope): Promise<boolean> {
  return Boolean(
    await queryOne(
      db,
      sql`select 1 from market_file f join market_provider pr on pr.id = f.provider_id join org o on o.id = pr.org_id
          where f.id = ${fileId} and ${scopeSql(scope, sql`o.path`)}
        union all
        select 1 from market_order m join org u on u.id = m.ordering_org_id
          where ${fileId}::uuid = any(m.delivery_photo_ids) and ${scopeSql(scope, sql`u.path`)}
        limit 1`,
    ),
  );
}

/** A judge sees the photos and attachments of the entries assigned to them. */
export async function isFileOfJudgedEntry(db: Db, fileId: string, userId: string): Promise<boolean> {
  return Boolean(
    await queryOne(
      db,
      sql`select 1 from market_assignment a join market_judge j on j.id = a.judge_id and j.user_id = ${userId} and j.status = 'active'
          join market_entry e on e.id = a.entry_id join market_project_version v on v.id = e.version_id
          where ${fileId}::uuid = any(v.photo_ids || v.attachment_ids) limit 1`,
    ),
  );
}

/** The ordering worker sees the delivery photos of their own order. */
export async function isFileOfOwnOrder(db: Db, fileId: string, userId: string): Promise<boolean> {
  return Boolean(await queryOne(db, sql`select 1 from market_order where ordered_by = ${userId} and ${fileId}::uuid = any(delivery_photo_ids) limit 1`));
}
