import { sql } from 'drizzle-orm';
import { isRelated, relatedSql, scopeSql } from '../../platform/auth';
import type { Db } from '../../db/client';
import type { AuditContext } from '../../platform/audit/audit.service';
import type { Actor, Scope } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import type { Secrets } from '../../platform/secrets';
import type { MarketNotifier } from './notify';
import './market.errors';
export { rowsOf } from '../../db/rows';

export type Clock = () => Date;
export type MarketDeps = { db: Db; secrets: Secrets; notifier: MarketNotifier; clock?: Clock };

/** A staff member acting in a scope (the permission's subtrees). */
export type StaffCtx = { actor: Actor; scope: Scope; audit: AuditContext };
/** Anyone signed in acting for themself (a provider's account, a judge, a worker). */
export type UserCtx = { userId: string; audit: AuditContext };

import { query, queryOne } from '../../db/rows';
export { query, queryOne };

export { isRelated, relatedSql, scopeSql };

export const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
export const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));
export const num = (v: unknown): number => Number(v ?? 0);
/** A timestamp column read through raw SQL: a Date (pg) or an ISO-ish string (PGlite). */
export const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(v as string));
export const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : toDate(v));

/** The Asia/Shanghai calendar day of an instant (China has no daylight saving). */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, for messages. */
export function shanghaiText(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function versionConflict(sent: number, current: number): AppError {
  return new AppError('VERSION_CONFLICT', { params: { sent, current } });
}

/** A refusal tied to the object's current state, e.g. an order that is already delivered. */
/**
 * Conflict of interest: an account that acts for a provider must not review that provider or its
 * projects, nor order from it on the union's subsidy; another staff member does.
 */
export function ownProviderError(): AppError {
  return new AppError('MARKET_OWN_PROVIDER', { status: 403 });
}

export function stateError(code: string, params: Record<string, string | number> = {}): AppError {
  return new AppError(code, { status: 409, params });
}

/** Next number of a series (project codes, order numbers, entry numbers), safe under concurrency. */
export async function nextNumber(db: Db, key: string): Promise<number> {
  const [row] = await query<{ last_value: number }>(
    db,
    sql`insert into market_counter (key, last_value) values (${key}, 1) on conflict (key) do update set last_value = market_counter.last_value + 1 returning last_value`,
  );
  return Number(row!.last_value);
}
