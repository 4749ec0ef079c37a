import type { SQL } from 'drizzle-orm';
import type { Db } from './client';

/** The rows of a raw `db.execute` result: node-postgres and PGlite both answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? [];
}

/** Runs raw SQL and answers its rows. */
export async function query<T>(db: Db, q: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(q));
}

/** Runs raw SQL and answers its first row. */
export async function queryOne<T>(db: Db, q: SQL): Promise<T | undefined> {
  return (await query<T>(db, q))[0];
}
