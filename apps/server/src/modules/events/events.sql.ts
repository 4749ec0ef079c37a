import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';

/** Raw SQL helpers of the events module's repositories: rows of a query, the first row, and value parsing. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? [];
}
export async function query<T>(db: Db, q: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(q));
}
export async function queryOne<T>(db: Db, q: SQL): Promise<T | undefined> {
  return (await query<T>(db, q))[0];
}

export const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
export const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : toDate(v));
export const num = (v: unknown) => Number(v ?? 0);
