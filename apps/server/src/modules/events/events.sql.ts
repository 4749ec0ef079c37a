/** Raw SQL helpers of the events module's repositories (db/rows) and value parsing. */
export { query, queryOne } from '../../db/rows';

export const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
export const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : toDate(v));
export const num = (v: unknown) => Number(v ?? 0);
